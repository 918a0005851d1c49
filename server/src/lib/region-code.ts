// GB/T 2260 statistical division codes, always held as 12 digits:
// province 2 + city 2 + county 2 + township 3 + village 3.

export type RegionLevel = 1 | 2 | 3 | 4 | 5;
export const PROVINCE = 1, CITY = 2, COUNTY = 3, TOWNSHIP = 4, VILLAGE = 5;

/** Digits that carry meaning at each level: the prefix that names a subtree. */
const prefixLength: Record<RegionLevel, number> = { 1: 2, 2: 4, 3: 6, 4: 9, 5: 12 };

const CODE = /^\d{12}$/;

export function isRegionCode(code: string): boolean {
  return CODE.test(code);
}

/** Pads a shortened code ('21', '2103', '210321', '210321001') to 12 digits. */
export function normalizeRegionCode(code: string): string {
  if (!/^\d{2}(\d{2}(\d{2}(\d{3}(\d{3})?)?)?)?$/.test(code)) throw new Error(`not a division code: ${code}`);
  return code.padEnd(12, '0');
}

export function regionLevel(code: string): RegionLevel {
  if (!isRegionCode(code)) throw new Error(`not a 12-digit division code: ${code}`);
  if (code.endsWith('0000000000')) return 1;
  if (code.endsWith('00000000')) return 2;
  if (code.endsWith('000000')) return 3;
  if (code.endsWith('000')) return 4;
  return 5;
}

/** The prefix every code in this region's subtree starts with: 210300000000 -> 2103. */
export function regionPrefix(code: string): string {
  return code.slice(0, prefixLength[regionLevel(code)]);
}

export function parentRegionCode(code: string): string | null {
  const level = regionLevel(code);
  if (level === 1) return null;
  return code.slice(0, prefixLength[(level - 1) as RegionLevel]).padEnd(12, '0');
}

/** Codes of the region and all its ancestors, from the province down. */
export function regionLineage(code: string): string[] {
  const lineage: string[] = [];
  for (let current: string | null = code; current; current = parentRegionCode(current)) lineage.unshift(current);
  return lineage;
}

export function isWithin(code: string, prefix: string): boolean {
  return code.startsWith(prefix);
}
