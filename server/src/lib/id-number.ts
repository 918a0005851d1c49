// Resident ID numbers (GB 11643-1999): 6-digit address code, 8-digit birth date,
// 3-digit sequence (odd = male), check character over the first 17 digits.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export interface IdNumberFacts {
  /** Upper-case, as stored and hashed. */
  normalized: string;
  birthDate: string; // YYYY-MM-DD
  sex: 'M' | 'F';
}

export type IdNumberProblem = 'format' | 'birth_date' | 'check_digit';

export function checkCharacter(first17: string): string {
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * WEIGHTS[i]!, 0);
  return CHECK[sum % 11]!;
}

function validDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Reads an ID number, or says what is wrong with it. The address code is not checked
 * against today's divisions: it names the county at issuance, which may since have been
 * abolished (210122, 210282).
 */
export function parseIdNumber(raw: string, today = new Date()): IdNumberFacts | IdNumberProblem {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  if (year < 1900 || !validDate(year, month, day) || Date.UTC(year, month - 1, day) > today.getTime()) return 'birth_date';
  if (checkCharacter(id.slice(0, 17)) !== id[17]) return 'check_digit';
  return {
    normalized: id,
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    sex: Number(id[16]) % 2 === 1 ? 'M' : 'F',
  };
}

/** Full years of age on a day (Asia/Shanghai calendar date as YYYY-MM-DD). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

// Made once: building a formatter costs ~50 µs, and imports ask for every row.
const chinaDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

let today = { at: 0, date: '' };

/** Today's date in China (Asia/Shanghai), as YYYY-MM-DD. */
export function chinaToday(now?: Date): string {
  if (now) return chinaDate.format(now);
  // Asked once per row by imports: the answer holds for a second.
  const at = Date.now();
  if (at < today.at || at - today.at > 1000) today = { at, date: chinaDate.format(new Date(at)) };
  return today.date;
}

/** The date `days` after a YYYY-MM-DD date (before it when negative). */
export function addDays(day: string, days: number): string {
  return new Date(new Date(`${day}T00:00:00Z`).getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/** China's date `days` from today. */
export const chinaDayFrom = (days: number): string => addDays(chinaToday(), days);
