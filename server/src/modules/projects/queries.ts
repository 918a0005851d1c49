import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { DB, ProjectsTable } from '../../db/schema.ts';
import { likePrefix } from '../../lib/like.ts';
import { withinPrefixes, withinScope, type Actor } from '../../lib/scope.ts';

export type ProjectRow = Selectable<ProjectsTable>;

const withNames = (db: Kysely<DB>) => db.selectFrom('projects')
  .innerJoin('organizations', 'organizations.id', 'projects.organization_id')
  .innerJoin('sites', 'sites.id', 'projects.site_id')
  .leftJoin('brands', 'brands.id', 'projects.brand_id')
  .selectAll('projects')
  .select(['organizations.name as organization_name', 'sites.name as site_name', 'brands.name as brand_name']);

export type ProjectWithNames = Awaited<ReturnType<ReturnType<typeof withNames>['executeTakeFirstOrThrow']>>;

/** The brands, active ones only unless asked: a retired brand is kept for the projects filed under it. */
export function listBrands(db: Kysely<DB>, includeRetired: boolean) {
  let query = db.selectFrom('brands').select(['id', 'name', 'description', 'region_code', 'retired_at']);
  if (!includeRetired) query = query.where('retired_at', 'is', null);
  return query.orderBy(sql`retired_at IS NOT NULL`).orderBy('id').execute();
}

export function insertBrand(db: Kysely<DB>, brand: { name: string; description: string | null; region_code: string; created_by: number }) {
  return db.insertInto('brands').values(brand).onConflict((oc) => oc.column('name').doNothing()).returning('id').executeTakeFirst();
}

export function findBrand(db: Kysely<DB>, id: number) {
  return db.selectFrom('brands').select(['id', 'name', 'description', 'region_code', 'retired_at']).where('id', '=', id).executeTakeFirst();
}

/** A brand a project may be filed under: one not retired. */
export function activeBrandExists(db: Kysely<DB>, id: number) {
  return db.selectFrom('brands').select('id').where('id', '=', id).where('retired_at', 'is', null).executeTakeFirst();
}

/** Renames, redescribes, retires or brings back a brand; false when the new name is another brand's. */
export async function updateBrand(db: Kysely<DB>, id: number, fields: { name?: string; description?: string | null; retired?: boolean }) {
  const nameTaken = fields.name !== undefined
    && await db.selectFrom('brands').select('id').where('name', '=', fields.name).where('id', '<>', id).executeTakeFirst();
  if (nameTaken) return false;
  await db.updateTable('brands').set({
    ...(fields.name !== undefined && { name: fields.name }),
    ...(fields.description !== undefined && { description: fields.description }),
    ...(fields.retired !== undefined && { retired_at: fields.retired ? sql<Date>`coalesce(retired_at, now())` : null }),
  }).where('id', '=', id).execute();
  return true;
}

export function insertProject(db: Kysely<DB>, row: Insertable<ProjectsTable>) {
  return db.insertInto('projects').values(row).returning('id').executeTakeFirstOrThrow();
}

export function findProject(db: Kysely<DB>, id: number) {
  return withNames(db).where('projects.id', '=', id).executeTakeFirst();
}

export function findScopedProject(db: Kysely<DB>, actor: Actor, id: number) {
  return withNames(db).where('projects.id', '=', id).where(withinScope(actor, 'projects.region_code')).executeTakeFirst();
}

export interface ProjectFilter {
  under?: string | undefined;
  status?: string | undefined;
  brandId?: number | undefined;
  category?: string | undefined;
  organizationId?: number | undefined;
  q?: string | undefined;
}

export function listScopedProjects(db: Kysely<DB>, actor: Actor, filter: ProjectFilter, beforeId: number | null, limit: number) {
  let query = withNames(db).where(withinScope(actor, 'projects.region_code'));
  if (filter.under) query = query.where(withinPrefixes([filter.under], 'projects.region_code'));
  if (filter.status) query = query.where('projects.status', '=', filter.status);
  if (filter.brandId) query = query.where('projects.brand_id', '=', filter.brandId);
  if (filter.category) query = query.where('projects.category', '=', filter.category);
  if (filter.organizationId) query = query.where('projects.organization_id', '=', filter.organizationId);
  if (filter.q) query = query.where('projects.name', 'like', likePrefix(filter.q));
  if (beforeId) query = query.where('projects.id', '<', beforeId);
  return query.orderBy('projects.id', 'desc').limit(limit + 1).execute();
}

export async function updateProject(db: Kysely<DB>, id: number, fields: Partial<Insertable<ProjectsTable>>) {
  await db.updateTable('projects').set({ ...fields, updated_at: sql<Date>`now()` }).where('id', '=', id).execute();
}

/** Moves the project from one of `from` to `to`; false when it was not in `from`. */
export async function moveProject(db: Kysely<DB>, id: number, from: string[], to: string, extra: Partial<Insertable<ProjectsTable>> = {}) {
  const result = await db.updateTable('projects').set({ ...extra, status: to, updated_at: sql<Date>`now()` })
    .where('id', '=', id).where('status', 'in', from).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
