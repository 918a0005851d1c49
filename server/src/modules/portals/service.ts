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
import * as stats from '../stats/service.ts';
import * as wishes from '../wishes/service.ts';

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
    stats.headline(ctx, prefix),
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
