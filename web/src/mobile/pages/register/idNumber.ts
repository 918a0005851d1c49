// What the phone tells from an ID number before sending it: the format and the birth
// date, hence the age (a minor needs a guardian). A wrong check character is left for the
// server to name, in its own plain words, when the form is sent.
import { beijingToday } from '../../../shared/format';
import { ageOn, checkIdNumber } from '../../../shared/idNumber';

export type IdReading = { ok: true; birthDate: string; age: number } | { ok: false; problem: 'format' | 'birthDate' };

export function readIdNumber(raw: string, today = beijingToday()): IdReading {
  const checked = checkIdNumber(raw);
  if (checked === 'format') return { ok: false, problem: 'format' };
  if (checked === 'birth_date') return { ok: false, problem: 'birthDate' };
  const id = raw.trim();
  const birthDate = checked === 'check_digit' ? `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}` : checked.birthDate;
  return { ok: true, birthDate, age: ageOn(birthDate, today) };
}
