// Practice sites: the network tree staff browse, and the points they add and keep.
import type { Kysely } from 'kysely';
import { inTransaction, type AppContext } from '../../context.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { decodeCursor, pageOf } from '../../lib/paging.ts';
import { isRegionCode, regionLevel, regionLineage, regionPrefix } from '../../lib/region-code.ts';
import { covers, requireAdmin, requireInScope, scopePrefixes, type Actor, type SiteKind } from '../../lib/scope.ts';
import { recordAudit } from '../audit/service.ts';
import * as regions from '../regions/service.ts';
import * as q from './queries.ts';

export const pointTypes = ['family_workshop', 'square', 'library', 'culture_hall', 'school', 'enterprise', 'park', 'other'] as const;
export type PointType = (typeof pointTypes)[number];

export const createNetworkSites = (ctx: AppContext, provinceCode: string) => q.insertNetworkSites(ctx.db, provinceCode);
export const countSitesByKind = (ctx: AppContext, prefix: string) => q.countSitesByKind(ctx.db, prefix);
export const findSiteByRegion = (ctx: AppContext, regionCode: string, kind: SiteKind) => q.findSiteByRegion(ctx.db, regionCode, kind);

type Counts = Record<SiteKind, number>;
const noCounts = (): Counts => ({ province: 0, city: 0, center: 0, institute: 0, station: 0, point: 0 });

function presentSite(row: q.SiteRow & { child_count: number }) {
  return {
    id: row.id,
    kind: row.kind as SiteKind,
    regionCode: row.region_code,
    parentId: row.parent_id,
    name: row.name,
    pointType: row.point_type as PointType | null,
    address: row.address,
    longitude: row.longitude,
    latitude: row.latitude,
    contactName: row.contact_name,
    contactTel: row.contact_tel,
    description: row.description,
    childCount: row.child_count,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

const scopedSite = (db: Kysely<DB>, actor: Actor, id: number) => requireInScope(actor, () => q.findScopedSite(db, actor, id));

/** The sites the actor's admin grants stand on: the roots of their network tree. */
export async function mySites(ctx: AppContext, actor: Actor) {
  requireAdmin(actor);
  const prefixes = scopePrefixes(actor);
  const roots = actor.grants.filter((grant) => prefixes.includes(regionPrefix(grant.regionCode)) && grant.siteKind !== 'point');
  const unique = [...new Map(roots.map((grant) => [grant.siteId, grant])).values()];
  return Promise.all(unique.map(async (grant) => nodeOf(ctx.db, await scopedSite(ctx.db, actor, grant.siteId))));
}

type NodeRow = { id: number; kind: string; name: string; region_code: string; point_type: string | null; child_count: number };

function presentNode(row: NodeRow, counts: Counts) {
  return {
    id: row.id, kind: row.kind as SiteKind, name: row.name, regionCode: row.region_code,
    pointType: row.point_type as PointType | null, childCount: row.child_count, counts,
  };
}

async function nodeOf(db: Kysely<DB>, site: q.SiteRow & { child_count: number }) {
  const counts = noCounts();
  if (site.kind !== 'point') {
    for (const row of await q.countSubtrees(db, regionPrefix(site.region_code), regionPrefix(site.region_code).length)) {
      counts[row.kind as SiteKind] += row.count;
    }
    counts[site.kind as SiteKind] -= 1;
  }
  return presentNode(site, counts);
}

export async function getSite(ctx: AppContext, actor: Actor, id: number) {
  const site = await scopedSite(ctx.db, actor, id);
  const ancestors = (await q.findNetworkSitesOn(ctx.db, regionLineage(site.region_code)))
    .filter((row) => row.id !== site.id)
    .map((row) => ({ id: row.id, kind: row.kind as SiteKind, name: row.name, regionCode: row.region_code, inScope: covers(actor, row.region_code) }));
  return { ...presentSite(site), ancestors, counts: (await nodeOf(ctx.db, site)).counts };
}

/** Direct children of a site, each with the number of sites of each kind below it. */
export async function listChildSites(ctx: AppContext, actor: Actor, id: number) {
  const parent = await scopedSite(ctx.db, actor, id);
  const children = await q.findChildSites(ctx.db, parent.id);
  const networkChild = children.find((child) => child.kind !== 'point');
  const counts = new Map<string, Counts>();
  if (networkChild) {
    const length = regionPrefix(networkChild.region_code).length;
    for (const row of await q.countSubtrees(ctx.db, regionPrefix(parent.region_code), length)) {
      const entry = counts.get(row.prefix) ?? noCounts();
      entry[row.kind as SiteKind] += row.count;
      counts.set(row.prefix, entry);
    }
  }
  return children.map((child) => {
    const own = child.kind === 'point' ? noCounts() : { ...(counts.get(regionPrefix(child.region_code)) ?? noCounts()) };
    if (child.kind !== 'point') own[child.kind as SiteKind] -= 1;
    return presentNode(child, own);
  });
}

export async function listSites(
  ctx: AppContext,
  actor: Actor,
  filter: q.SiteFilter & { cursor?: string | undefined; limit: number },
) {
  requireAdmin(actor);
  const after = decodeCursor(filter.cursor);
  const rows = await q.listScopedSites(ctx.db, actor, filter, after ? Number(after[0]) : null, filter.limit);
  const page = pageOf(rows, filter.limit, (row) => [row.id]);
  const paths = await regions.regionPaths(ctx, page.items.map((row) => row.region_code));
  return { items: page.items.map((row) => ({ ...presentSite(row), regionPath: paths.get(row.region_code)! })), nextCursor: page.nextCursor };
}

export interface PointInput {
  parentId: number;
  name: string;
  pointType: PointType;
  regionCode?: string | undefined;
  address?: string | null | undefined;
  longitude?: number | null | undefined;
  latitude?: number | null | undefined;
  contactName?: string | null | undefined;
  contactTel?: string | null | undefined;
  description?: string | null | undefined;
}

function fieldsOf(input: Partial<PointInput>): q.SiteFields {
  return {
    name: input.name?.trim(),
    point_type: input.pointType,
    address: input.address,
    longitude: input.longitude,
    latitude: input.latitude,
    contact_name: input.contactName,
    contact_tel: input.contactTel,
    description: input.description,
  };
}

function checkCoordinates(input: Partial<PointInput>) {
  if ((input.longitude == null) !== (input.latitude == null)) {
    throw new AppError('VALIDATION_FAILED', {
      field: input.longitude == null ? 'longitude' : 'latitude',
      detail: { zh: '经度和纬度须同时填写', en: 'Longitude and latitude go together' },
    });
  }
}

/** A point (家庭工作坊, 广场, 农家书屋...) under a center, institute or station. */
export async function createPoint(ctx: AppContext, actor: Actor, input: PointInput) {
  const parent = await scopedSite(ctx.db, actor, input.parentId);
  if (!['center', 'institute', 'station'].includes(parent.kind)) {
    throw new AppError('VALIDATION_FAILED', {
      field: 'parentId',
      detail: { zh: '实践点只能建在中心、所或站之下', en: 'Points belong under a center, institute or station' },
    });
  }
  checkCoordinates(input);
  const regionCode = input.regionCode ?? parent.region_code;
  const insideParent = isRegionCode(regionCode) && regionCode.startsWith(regionPrefix(parent.region_code))
    && regionLevel(regionCode) >= regionLevel(parent.region_code);
  if (!insideParent || !(await q.regionExists(ctx.db, regionCode))) {
    throw new AppError('VALIDATION_FAILED', {
      field: 'regionCode',
      detail: { zh: '所在区划须在上级阵地的辖区之内', en: 'The region must lie inside the parent site’s area' },
    });
  }
  const { id } = await q.insertPoint(ctx.db, {
    ...fieldsOf(input), name: input.name.trim(), point_type: input.pointType, region_code: regionCode, parent_id: parent.id,
  });
  return getSite(ctx, actor, id);
}

export async function updateSite(ctx: AppContext, actor: Actor, id: number, patch: Partial<Omit<PointInput, 'parentId' | 'regionCode'>>) {
  const site = await scopedSite(ctx.db, actor, id);
  if (patch.pointType && site.kind !== 'point') {
    throw new AppError('VALIDATION_FAILED', { field: 'pointType', detail: { zh: '只有实践点有类型', en: 'Only points have a type' } });
  }
  checkCoordinates({
    longitude: patch.longitude === undefined ? site.longitude : patch.longitude,
    latitude: patch.latitude === undefined ? site.latitude : patch.latitude,
  });
  await q.updateSite(ctx.db, id, fieldsOf(patch));
  return getSite(ctx, actor, id);
}

/** Points can be retired; the network's own sites follow the divisions and stay. */
export async function deleteSite(ctx: AppContext, actor: Actor, id: number) {
  const site = await scopedSite(ctx.db, actor, id);
  if (site.kind !== 'point') {
    throw new AppError('FORBIDDEN', { detail: { zh: '只能删除实践点', en: 'Only points can be deleted' } });
  }
  await inTransaction(ctx, async (tx) => {
    await q.softDeleteSite(tx.db, id);
    await recordAudit(tx, {
      actorId: actor.userId, action: 'site_delete', subject: `site:${id}`, regionCode: site.region_code, reason: null,
      details: { name: site.name, kind: site.kind },
    });
  });
}

export interface SiteSummary {
  id: number;
  kind: SiteKind;
  name: string;
  regionCode: string;
}

const summary = (row: { id: number; kind: string; name: string; region_code: string }): SiteSummary =>
  ({ id: row.id, kind: row.kind as SiteKind, name: row.name, regionCode: row.region_code });

/** The kinds of site people can belong to. */
export const homeSiteKinds: readonly SiteKind[] = ['center', 'institute', 'station'];

/** A site people can belong to (center, institute or station), or null. */
export async function findHomeSite(ctx: AppContext, id: number): Promise<SiteSummary | null> {
  const row = await q.findLiveSite(ctx.db, id);
  return row && homeSiteKinds.includes(row.kind as SiteKind) ? summary(row) : null;
}

/** A live site inside the actor's area, or null. */
export async function findSiteInScope(ctx: AppContext, actor: Actor, id: number): Promise<SiteSummary | null> {
  const row = await q.findScopedSite(ctx.db, actor, id);
  return row ? summary(row) : null;
}

/** The practice site of a division (its center, institute or station), for public pickers. */
export async function networkSiteOn(ctx: AppContext, regionCode: string): Promise<SiteSummary> {
  const [row] = await q.findNetworkSitesOn(ctx.db, [regionCode]);
  if (!row) throw notFound('code');
  return summary(row);
}

/** Any live site with its place and its parent, or null. */
/** The accounts of a site's staff (its admins): whom to tell of work waiting there. */
export async function staffOf(ctx: AppContext, siteId: number): Promise<number[]> {
  return (await q.staffOfSite(ctx.db, siteId)).map((row) => row.user_id);
}

export async function findSite(ctx: AppContext, id: number) {
  const row = await ctx.db.selectFrom('sites').select(['id', 'kind', 'name', 'region_code', 'address', 'longitude', 'latitude', 'parent_id'])
    .where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return row ? { ...summary(row), address: row.address, longitude: row.longitude, latitude: row.latitude, parentId: row.parent_id } : null;
}

/** The network sites on many division codes at once (an import resolves a batch's codes in one query). */
export async function networkSitesOn(ctx: AppContext, regionCodes: string[]): Promise<Map<string, SiteSummary>> {
  if (regionCodes.length === 0) return new Map();
  const rows = await q.findNetworkSitesOn(ctx.db, regionCodes);
  return new Map(rows.map((row) => [row.region_code, summary(row)]));
}
