// Who could take a wish or an order: teams and volunteers ranked by category and skills,
// nearness (same community, township, county), availability and the work they already
// carry; each suggestion says why, so staff can judge rather than trust a number.
import { sql } from 'kysely';
import type { AppContext } from '../../context.ts';
import { categoryNames, type ServiceCategory } from '../../lib/categories.ts';
import { requireAdmin, type Actor } from '../../lib/scope.ts';

/** Which kinds of teams serve which kind of wish. */
export const wishCategoryServes: Record<string, ServiceCategory[]> = {
  study: ['education'], daily: ['assistance'], company: ['assistance', 'culture_arts'], health: ['medical_fitness'], repair: ['assistance'], other: [],
};

export interface Need {
  regionCode: string;
  categories: string[];
  skills?: string[];
}

interface Suggestion {
  kind: 'organization' | 'volunteer';
  id: number;
  name: string;
  score: number;
  reasons: string[];
}

function nearness(a: string, b: string): { score: number; reason: string } | null {
  if (a === b) return { score: 30, reason: '同一社区（村）' };
  if (a.slice(0, 9) === b.slice(0, 9)) return { score: 20, reason: '同一街道（乡镇）' };
  if (a.slice(0, 6) === b.slice(0, 6)) return { score: 10, reason: '同一区县' };
  return null;
}

function loadPenalty(open: number, reasons: string[]) {
  if (open > 0) reasons.push(`手头在办 ${open} 件`);
  return -Math.min(30, open * 5);
}

async function rankTeams(ctx: AppContext, need: Need): Promise<Suggestion[]> {
  const rows = await ctx.db.selectFrom('organizations as o')
    .select(['o.id', 'o.name', 'o.category', 'o.region_code', 'o.member_count',
      sql<number>`(SELECT count(*) FROM orders WHERE organization_id = o.id AND status IN ('dispatched', 'accepted'))
        + (SELECT count(*) FROM wishes WHERE claimer_organization_id = o.id AND status = 'claimed')`.as('open')])
    .where('o.status', '=', 'approved').where('o.region_code', 'like', `${need.regionCode.slice(0, 6)}%`)
    .limit(500).execute();
  return rows.map((row) => {
    const reasons: string[] = [];
    let score = 0;
    if (need.categories.includes(row.category)) {
      score += 40;
      reasons.push(`服务类别相符：${categoryNames[row.category as ServiceCategory]}`);
    }
    const near = nearness(need.regionCode, row.region_code);
    if (near) {
      score += near.score;
      reasons.push(near.reason);
    }
    score += Math.min(10, Math.round(Math.log2(row.member_count + 1) * 2));
    if (row.member_count > 0) reasons.push(`成员 ${row.member_count} 人`);
    score += loadPenalty(row.open, reasons);
    return { kind: 'organization' as const, id: row.id, name: row.name, score, reasons };
  });
}

async function rankVolunteers(ctx: AppContext, need: Need): Promise<Suggestion[]> {
  const rows = await ctx.db.selectFrom('volunteers as v')
    .select(['v.id', 'v.name', 'v.categories', 'v.skills', 'v.availability', 'v.region_code',
      sql<number>`(SELECT count(*) FROM wishes WHERE claimer_volunteer_id = v.id AND status = 'claimed')`.as('open')])
    .where('v.status', '=', 'active').where('v.region_code', 'like', `${need.regionCode.slice(0, 9)}%`)
    .limit(500).execute();
  return rows.map((row) => {
    const reasons: string[] = [];
    let score = 0;
    const categories = row.categories.filter((c) => need.categories.includes(c));
    if (categories.length > 0) {
      score += 30;
      reasons.push(`愿意从事：${categories.map((c) => categoryNames[c as ServiceCategory] ?? c).join('、')}`);
    }
    const skills = row.skills.filter((s) => need.skills?.includes(s));
    if (skills.length > 0) {
      score += Math.min(30, skills.length * 15);
      reasons.push(`技能：${skills.join('、')}`);
    }
    const near = nearness(need.regionCode, row.region_code);
    if (near) {
      score += near.score;
      reasons.push(near.reason);
    }
    if (row.availability.some((a) => a === 'anytime' || a === 'weekend')) {
      score += 10;
      reasons.push(row.availability.includes('anytime') ? '随时有空' : '周末有空');
    }
    score += loadPenalty(row.open, reasons);
    return { kind: 'volunteer' as const, id: row.id, name: row.name, score, reasons };
  });
}

/** The best teams and volunteers for a need, ten of each, best first. */
export async function suggest(ctx: AppContext, actor: Actor, need: Need) {
  requireAdmin(actor);
  const byScore = (a: Suggestion, b: Suggestion) => b.score - a.score || a.id - b.id;
  const [teams, people] = await Promise.all([rankTeams(ctx, need), rankVolunteers(ctx, need)]);
  return { organizations: teams.sort(byScore).slice(0, 10), volunteers: people.sort(byScore).slice(0, 10) };
}
