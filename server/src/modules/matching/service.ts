// Who could take a wish or an order: teams and volunteers ranked by category and skills,
// nearness (distance between the sites when both have coordinates, else the community,
// township or county shared), availability against when the service is wanted, and the
// work they already carry; each suggestion says why, so staff can judge rather than trust
// a number. The database scores and orders the candidates before it cuts the list.
import type { AppContext } from '../../context.ts';
import { availabilityNames, categoryNames, type Availability, type ServiceCategory } from '../../lib/categories.ts';
import { requireAdmin, type Actor } from '../../lib/scope.ts';
import * as q from './queries.ts';

/** Which kinds of teams serve which kind of wish. */
export const wishCategoryServes: Record<string, ServiceCategory[]> = {
  study: ['education'], daily: ['assistance'], company: ['assistance', 'culture_arts'], health: ['medical_fitness'], repair: ['assistance'], other: [],
};

export interface Need {
  regionCode: string;
  categories: string[];
  skills?: string[] | undefined;
  /** The need's own words (title, details): a volunteer skill named in them counts as asked for. */
  text?: string | undefined;
  /** The site served, for distances by its coordinates. */
  siteId?: number | undefined;
  /** When it is wanted, in words (a menu item's schedule such as 每周六上午). */
  schedule?: string | null | undefined;
}

export interface Suggestion {
  kind: 'organization' | 'volunteer';
  id: number;
  name: string;
  score: number;
  reasons: string[];
}

const SUGGESTIONS = 10;

/** The availability options a schedule in words falls in (empty when it names no time). */
export function timesOf(schedule: string | null | undefined): Availability[] {
  if (!schedule) return [];
  const times = new Set<Availability>();
  if (/周末|周六|周日|周天|星期六|星期日|星期天|礼拜六|礼拜天/.test(schedule)) times.add('weekend');
  if (/节假日|假期|节日|春节|国庆/.test(schedule)) times.add('holiday');
  if (/工作日|周[一二三四五]|星期[一二三四五]|礼拜[一二三四五]|每天|每日/.test(schedule)) times.add(/晚/.test(schedule) ? 'weekday_evening' : 'weekday_day');
  if (/每天|每日/.test(schedule)) times.add('weekend');
  return [...times];
}

function nearnessReason(row: { distance_km: number | null; near_points: number }): string | null {
  if (row.distance_km !== null) return `距离约 ${Math.round(row.distance_km * 10) / 10} 公里`;
  return ({ 30: '同一社区（村）', 20: '同一街道（乡镇）', 10: '同一区县' } as Record<number, string>)[row.near_points] ?? null;
}

const loadReason = (open: number) => (open > 0 ? `手头在办 ${open} 件` : '手头没有在办的事');

function teamSuggestion(need: Need, row: q.TeamRow): Suggestion {
  const reasons: string[] = [];
  if (need.categories.includes(row.category)) reasons.push(`服务类别相符：${categoryNames[row.category as ServiceCategory] ?? row.category}`);
  if (row.skilled_members > 0) reasons.push(`${row.skilled_members} 名成员有所需技能`);
  const near = nearnessReason(row);
  if (near) reasons.push(near);
  if (row.member_count > 0) reasons.push(`成员 ${row.member_count} 人`);
  reasons.push(loadReason(row.open));
  return { kind: 'organization', id: row.id, name: row.name, score: row.score, reasons };
}

function volunteerSuggestion(times: Availability[], row: q.VolunteerRow): Suggestion {
  const reasons: string[] = [];
  if (row.categories.length > 0) reasons.push(`愿意从事：${row.categories.map((c) => categoryNames[c as ServiceCategory] ?? c).join('、')}`);
  if (row.skills.length > 0) reasons.push(`技能：${row.skills.join('、')}`);
  const near = nearnessReason(row);
  if (near) reasons.push(near);
  const fits = row.availability.includes('anytime') ? ['anytime' as const] : times.filter((t) => row.availability.includes(t));
  if (fits.length > 0) reasons.push(`${fits.map((t) => availabilityNames[t]).join('、')}有空`);
  reasons.push(loadReason(row.open));
  return { kind: 'volunteer', id: row.id, name: row.name, score: row.score, reasons };
}

/** The best teams and volunteers for a need, ten of each, best first (ties by id). */
export async function suggest(ctx: AppContext, actor: Actor, need: Need) {
  requireAdmin(actor);
  const site = need.siteId ? await q.siteCoordinates(ctx.db, need.siteId) : undefined;
  const times = timesOf(need.schedule);
  const target: q.Target = {
    regionCode: need.regionCode, categories: need.categories, skills: need.skills ?? [], text: need.text ?? '', times,
    latitude: site?.latitude ?? null, longitude: site?.longitude ?? null,
  };
  const [teams, people] = await Promise.all([q.rankTeams(ctx.db, target, SUGGESTIONS), q.rankVolunteers(ctx.db, target, SUGGESTIONS)]);
  return { organizations: teams.map((row) => teamSuggestion(need, row)), volunteers: people.map((row) => volunteerSuggestion(times, row)) };
}
