// Public portals (中心端口): every center, institute and station has a page that shows its
// menu, open activities, wish wall, brand projects, teams and headline numbers, at a
// short address to share (/p/<site id>).
import { sql } from 'kysely';
import type { AppContext } from '../../context.ts';
import { notFound } from '../../lib/errors.ts';
import { regionPrefix } from '../../lib/region-code.ts';
import { withinPrefixes } from '../../lib/scope.ts';
import * as activities from '../activities/service.ts';
import * as orders from '../orders/service.ts';
import * as sites from '../sites/service.ts';
import * as wishes from '../wishes/service.ts';

async function numbers(ctx: AppContext, prefix: string) {
  const within = (column: string) => withinPrefixes([prefix], column);
  const count = (table: 'volunteers' | 'organizations' | 'activities', extra: ReturnType<typeof sql<boolean>>) =>
    ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where(within('region_code')).where(extra).executeTakeFirstOrThrow();
  const [volunteerCount, organizationCount, activityCount, minutes, wishCounts] = await Promise.all([
    count('volunteers', sql<boolean>`status = 'active'`),
    count('organizations', sql<boolean>`status = 'approved'`),
    count('activities', sql<boolean>`status <> 'cancelled'`),
    ctx.db.selectFrom('service_hours').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('minutes'), sql<number>`0`).as('m')).where(within('region_code')).executeTakeFirstOrThrow(),
    ctx.db.selectFrom('wishes').select([
      sql<number>`count(*) FILTER (WHERE status IN ('published', 'claimed', 'fulfilled', 'confirmed'))`.as('collected'),
      sql<number>`count(*) FILTER (WHERE status IN ('fulfilled', 'confirmed'))`.as('fulfilled'),
    ]).where(within('region_code')).executeTakeFirstOrThrow(),
  ]);
  return {
    volunteers: volunteerCount.n, organizations: organizationCount.n, activities: activityCount.n,
    serviceHours: Math.round(Number(minutes.m) / 6) / 10, wishesCollected: wishCounts.collected, wishesFulfilled: wishCounts.fulfilled,
  };
}

export async function portal(ctx: AppContext, siteId: number) {
  const site = await sites.findSite(ctx, siteId);
  if (!site || !sites.homeSiteKinds.includes(site.kind)) throw notFound('id');
  const prefix = regionPrefix(site.regionCode);
  const [menu, open, wall, projects, teams, headline] = await Promise.all([
    orders.menuFor(ctx, site.id, undefined),
    activities.browseActivities(ctx, { under: prefix, limit: 10 }),
    wishes.wishWall(ctx, { under: prefix, status: 'published', limit: 10 }),
    ctx.db.selectFrom('projects').leftJoin('brands', 'brands.id', 'projects.brand_id')
      .select(['projects.id', 'projects.name', 'projects.category', 'projects.cover_url', 'brands.name as brand'])
      .where(withinPrefixes([prefix], 'projects.region_code')).where('projects.status', 'in', ['approved', 'running'])
      .orderBy(sql`brands.name IS NULL`).orderBy('projects.id', 'desc').limit(10).execute(),
    ctx.db.selectFrom('organizations').select(['id', 'name', 'category', 'member_count'])
      .where(withinPrefixes([prefix], 'region_code')).where('status', '=', 'approved').orderBy('member_count', 'desc').limit(10).execute(),
    numbers(ctx, prefix),
  ]);
  return {
    site: { id: site.id, name: site.name, kind: site.kind, regionCode: site.regionCode, address: site.address },
    shareUrl: `/p/${site.id}`,
    numbers: headline,
    menu: menu.items,
    activities: open.items,
    wishes: wall.items,
    projects: projects.map((p) => ({ id: p.id, name: p.name, category: p.category, coverUrl: p.cover_url, brand: p.brand })),
    teams: teams.map((t) => ({ id: t.id, name: t.name, category: t.category, memberCount: t.member_count })),
  };
}
