// The resident ID number's own rules (GB 11643-1999), checked as staff type so a wrong
// digit shows at once; the server checks again and also knows about duplicates.

export type IdProblem = 'format' | 'birth_date' | 'check_digit';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function idCheckCharacter(first17: string): string {
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * WEIGHTS[i]!, 0);
  return CHECK[sum % 11]!;
}

export interface IdFacts {
  birthDate: string;
  sex: 'M' | 'F';
}

/** The birth date and sex in a valid number, or what is wrong with it. */
export function checkIdNumber(value: string): IdFacts | IdProblem {
  const id = value.trim().toUpperCase();
  if (!/^[0-9]{17}[0-9X]$/.test(id)) return 'format';
  const [y, m, d] = [id.slice(6, 10), id.slice(10, 12), id.slice(12, 14)].map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || date.getTime() > Date.now()) return 'birth_date';
  if (idCheckCharacter(id.slice(0, 17)) !== id[17]) return 'check_digit';
  return { birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`, sex: Number(id[16]) % 2 === 1 ? 'M' : 'F' };
}

/** Whole years from a YYYY-MM-DD birth date to `today` (YYYY-MM-DD). */
export function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
