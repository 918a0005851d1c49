// Synthetic volunteers at provincial scale: valid ID numbers (right check character) on
// Liaoning's real county codes, living in the seeded network's real villages/communities.
import fs from 'node:fs';
import { once } from 'node:events';
import { availabilityNames, categoryNames } from '../server/src/lib/categories.ts';
import { checkCharacter } from '../server/src/lib/id-number.ts';
import { volunteerColumns } from '../server/src/modules/imports/columns.ts';

const SURNAMES = [...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段'];
const GIVEN = [...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国文辉玉珍红梅鑫宇浩然子涵欣怡梓萱一诺思远晓东春雨海燕志刚淑芬德福'];
const SKILLS = ['急救', '书法', '法律咨询', '摄影', '驾驶', '心理疏导', '电脑维修', '理发', '舞蹈', '中医推拿', '英语', '烹饪'];

/** A small deterministic generator, so that a run can be repeated row for row. */
export function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Village {
  regionCode: string;
}

/** Where each generated volunteer lives: a list to pick from evenly, or a chooser given the generator's random source. */
export type Places = Village[] | ((next: () => number) => Village);

export interface GeneratedVolunteer {
  name: string;
  idNumber: string;
  phone: string;
  siteCode: string;
  categories: string[];
  skills: string[];
  availability: string[];
  partyMember: boolean;
  emergencyReserve: boolean;
  guardian: { name: string; phone: string } | null;
}

/** `count` distinct valid volunteers, about 2% of them minors with a guardian who agreed. */
export function* generateVolunteers(count: number, villages: Places, seed = 2026): Generator<GeneratedVolunteer> {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const place = typeof villages === 'function' ? () => villages(next) : () => pick(villages);
  /** Between `min` and `max` distinct items (fewer than drawn when a pick repeats, never below one when `min` is). */
  const some = <T>(list: readonly T[], min: number, max: number) =>
    [...new Set(Array.from({ length: min + Math.floor(next() * (max - min + 1)) }, () => pick(list)))];
  const phone = () => `1${pick(['3', '5', '7', '8', '9'])}${String(Math.floor(next() * 1e9)).padStart(9, '0')}`;
  const seen = new Set<string>();
  const thisYear = new Date().getFullYear();
  const categories = Object.values(categoryNames);
  const availability = Object.values(availabilityNames);
  for (let i = 0; i < count; i += 1) {
    const village = place();
    const minor = next() < 0.02;
    let idNumber: string;
    do {
      const year = minor ? thisYear - 17 + Math.floor(next() * 4) : thisYear - 75 + Math.floor(next() * 56);
      const birth = new Date(Date.UTC(year, 0, 1 + Math.floor(next() * 365)));
      const date = birth.toISOString().slice(0, 10).replaceAll('-', '');
      const first17 = `${village.regionCode.slice(0, 6)}${date}${String(Math.floor(next() * 1000)).padStart(3, '0')}`;
      idNumber = `${first17}${checkCharacter(first17)}`;
    } while (seen.has(idNumber));
    seen.add(idNumber);
    yield {
      name: `${pick(SURNAMES)}${pick(GIVEN)}${next() < 0.6 ? pick(GIVEN) : ''}`,
      idNumber,
      phone: phone(),
      siteCode: village.regionCode,
      categories: some(categories, 0, 2),
      skills: some(SKILLS, 1, 2), // skills and available time are required at registration (DOMAIN.md)
      availability: some(availability, 1, 1),
      partyMember: next() < 0.15,
      emergencyReserve: next() < 0.1 && !minor, // no minor joins the emergency reserve (DOMAIN.md)
      guardian: minor ? { name: `${pick(SURNAMES)}${pick(GIVEN)}`, phone: phone() } : null,
    };
  }
}

const csvCell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** Writes volunteers as the import template's CSV (UTF-8); returns them for the ceiling run. */
export async function writeVolunteerCsv(file: string, volunteers: Iterable<GeneratedVolunteer>): Promise<GeneratedVolunteer[]> {
  const out = fs.createWriteStream(file);
  const all: GeneratedVolunteer[] = [];
  const write = async (cells: string[]) => {
    if (!out.write(`${cells.map(csvCell).join(',')}\n`)) await once(out, 'drain');
  };
  await write(volunteerColumns.map((column) => column.header));
  for (const v of volunteers) {
    all.push(v);
    await write([
      v.name, v.idNumber, v.phone, v.siteCode, v.categories.join('、'), v.skills.join('、'), v.availability.join('、'),
      v.partyMember ? '是' : '否', v.emergencyReserve ? '是' : '否', v.guardian?.name ?? '', v.guardian?.phone ?? '',
      v.guardian ? '是' : '', '是',
    ]);
  }
  out.end();
  await once(out, 'finish');
  return all;
}
