import { sql, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import type { DB, SitesTable } from '../../db/schema.ts';
import { likeContains } from '../../lib/like.ts';
import { withinPrefixes, withinScope, type Actor, type SiteKind } from '../../lib/scope.ts';

export type SiteRow = Selectable<SitesTable>;

/**
 * The network's own sites, made from the imported divisions in five statements: the
 * province and city guidance centers, one center per county, one institute per township
 * and one station per village/community. Re-running adds only what is missing.
 */
export async function insertNetworkSites(db: Kysely<DB>, provinceCode: string) {
  const levels: { kind: SiteKind; level: number; parentKind: SiteKind | null; name: RawBuilder<string> }[] = [
    { kind: 'province', level: 1, parentKind: null, name: sql`r.name || '新时代文明实践指导中心'` },
    { kind: 'city', level: 2, parentKind: 'province', name: sql`r.name || '新时代文明实践指导中心'` },
    { kind: 'center', level: 3, parentKind: 'city', name: sql`r.name || '新时代文明实践中心'` },
    { kind: 'institute', level: 4, parentKind: 'center', name: sql`r.name || '新时代文明实践所'` },
    // 满融村村民委员会 -> 满融村新时代文明实践站; 多福巷社区居委会 -> 多福巷社区新时代文明实践站
    {
      kind: 'station', level: 5, parentKind: 'institute',
      name: sql`regexp_replace(regexp_replace(r.name, '村?(村民委员会|村委会)$', '村'), '(社区)?(居民委员会|居委会)$', '社区') || '新时代文明实践站'`,
    },
  ];
  for (const { kind, level, parentKind, name } of levels) {
    const parent = parentKind
      ? sql`(SELECT p.id FROM sites p WHERE p.region_code = r.parent_code AND p.kind = ${parentKind})`
      : sql`NULL::integer`;
    await sql`
      INSERT INTO sites (kind, region_code, parent_id, name)
      SELECT ${kind}, r.code, ${parent}, ${name}
      FROM regions r
      WHERE r.level = ${level} AND ${withinPrefixes([provinceCode], sql.ref('r.code'))}
      ORDER BY r.code
      ON CONFLICT (region_code, kind) WHERE kind <> 'point' DO NOTHING`.execute(db);
  }
}

export async function countSitesByKind(db: Kysely<DB>, prefix: string) {
  return db.selectFrom('sites').select(['kind', (eb) => eb.fn.countAll<number>().as('count')])
    .where(withinPrefixes([prefix], 'region_code')).where('deleted_at', 'is', null)
    .groupBy('kind').execute();
}

const childCount = sql<number>`(SELECT count(*) FROM sites c WHERE c.parent_id = sites.id AND c.deleted_at IS NULL)`.as('child_count');

/** The staff of a site (its admins), to tell them of work waiting there. */
export function staffOfSite(db: Kysely<DB>, siteId: number) {
  return db.selectFrom('grants').select('user_id').where('site_id', '=', siteId).where('role', 'like', '%_admin').execute();
}

/** A live site inside the actor's scope, or nothing. */
export function findScopedSite(db: Kysely<DB>, actor: Actor, id: number) {
  return db.selectFrom('sites').selectAll().select(childCount)
    .where('id', '=', id).where('deleted_at', 'is', null).where(withinScope(actor, 'region_code'))
    .executeTakeFirst();
}

export function findSiteByRegion(db: Kysely<DB>, regionCode: string, kind: SiteKind) {
  return db.selectFrom('sites').selectAll().where('region_code', '=', regionCode).where('kind', '=', kind)
    .where('deleted_at', 'is', null).executeTakeFirst();
}

/** The network sites on the given region codes (a site's ancestors by its lineage). */
export function findNetworkSitesOn(db: Kysely<DB>, regionCodes: string[]) {
  return db.selectFrom('sites').select(['id', 'kind', 'name', 'region_code'])
    .where('region_code', 'in', regionCodes).where('kind', '<>', 'point').where('deleted_at', 'is', null)
    .orderBy('region_code').execute();
}

export function findChildSites(db: Kysely<DB>, parentId: number) {
  return db.selectFrom('sites').select(['id', 'kind', 'name', 'region_code', 'point_type', childCount])
    .where('parent_id', '=', parentId).where('deleted_at', 'is', null)
    .orderBy(sql`kind = 'point'`).orderBy('region_code').orderBy('id')
    .execute();
}

/** Site counts by kind, grouped by the leading `prefixLength` digits, inside a subtree. */
export function countSubtrees(db: Kysely<DB>, parentPrefix: string, prefixLength: number) {
  // A literal length, so that the select and the GROUP BY are the same expression.
  const prefix = sql<string>`left(region_code, ${sql.lit(Math.trunc(prefixLength))})`;
  return db.selectFrom('sites')
    .select([prefix.as('prefix'), 'kind', (eb) => eb.fn.countAll<number>().as('count')])
    .where(withinPrefixes([parentPrefix], 'region_code')).where('deleted_at', 'is', null)
    .groupBy([prefix, 'kind'])
    .execute();
}

export interface SiteFilter {
  parentId?: number | undefined;
  kind?: SiteKind | undefined;
  q?: string | undefined;
  under?: string | undefined;
}

export function listScopedSites(db: Kysely<DB>, actor: Actor, filter: SiteFilter, afterId: number | null, limit: number) {
  let query = db.selectFrom('sites').selectAll().select(childCount)
    .where('deleted_at', 'is', null).where(withinScope(actor, 'region_code'));
  if (filter.parentId) query = query.where('parent_id', '=', filter.parentId);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.q) query = query.where('name', 'like', likeContains(filter.q));
  if (filter.under) query = query.where(withinPrefixes([filter.under], 'region_code'));
  if (afterId) query = query.where('id', '>', afterId);
  return query.orderBy('id').limit(limit + 1).execute();
}

export interface SiteFields {
  name?: string | undefined;
  point_type?: string | undefined;
  address?: string | null | undefined;
  longitude?: number | null | undefined;
  latitude?: number | null | undefined;
  contact_name?: string | null | undefined;
  contact_tel?: string | null | undefined;
  description?: string | null | undefined;
}

export function insertPoint(db: Kysely<DB>, point: SiteFields & { name: string; point_type: string; region_code: string; parent_id: number }) {
  return db.insertInto('sites').values({ ...point, kind: 'point' }).returning('id').executeTakeFirstOrThrow();
}

export async function updateSite(db: Kysely<DB>, id: number, fields: SiteFields) {
  await db.updateTable('sites').set({ ...fields, updated_at: sql<Date>`now()` }).where('id', '=', id).execute();
}

export async function softDeleteSite(db: Kysely<DB>, id: number) {
  await db.updateTable('sites').set({ deleted_at: sql<Date>`now()`, updated_at: sql<Date>`now()` }).where('id', '=', id).execute();
}

export function regionExists(db: Kysely<DB>, code: string) {
  return db.selectFrom('regions').select('code').where('code', '=', code).executeTakeFirst();
}

export function findLiveSite(db: Kysely<DB>, id: number) {
  return db.selectFrom('sites').select(['id', 'kind', 'name', 'region_code']).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}
