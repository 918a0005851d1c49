import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { DB, OrganizationsTable } from '../../db/schema.ts';
import { likePrefix } from '../../lib/like.ts';
import { withinPrefixes, withinScope, type Actor } from '../../lib/scope.ts';

export type OrganizationRow = Selectable<OrganizationsTable>;
export type NewOrganizationRow = Insertable<OrganizationsTable>;

const withSite = (db: Kysely<DB>) => db.selectFrom('organizations')
  .innerJoin('sites', 'sites.id', 'organizations.site_id')
  .selectAll('organizations')
  .select(['sites.name as site_name', 'sites.kind as site_kind']);

export type OrganizationWithSite = Awaited<ReturnType<ReturnType<typeof withSite>['executeTakeFirstOrThrow']>>;

export function insertOrganization(db: Kysely<DB>, row: NewOrganizationRow) {
  return db.insertInto('organizations').values(row)
    .onConflict((oc) => oc.columns(['site_id', 'name']).doNothing())
    .returning('id').executeTakeFirst();
}

export function findOrganization(db: Kysely<DB>, id: number) {
  return withSite(db).where('organizations.id', '=', id).executeTakeFirst();
}

export function findScopedOrganization(db: Kysely<DB>, actor: Actor, id: number) {
  return withSite(db).where('organizations.id', '=', id).where(withinScope(actor, 'organizations.region_code')).executeTakeFirst();
}

export interface OrganizationFilter {
  under?: string | undefined;
  category?: string | undefined;
  status?: string | undefined;
  minMembers?: number | undefined;
  maxMembers?: number | undefined;
  q?: string | undefined;
}

function filtered(db: Kysely<DB>, filter: OrganizationFilter) {
  let query = withSite(db);
  if (filter.under) query = query.where(withinPrefixes([filter.under], 'organizations.region_code'));
  if (filter.category) query = query.where('organizations.category', '=', filter.category);
  if (filter.status) query = query.where('organizations.status', '=', filter.status);
  if (filter.minMembers !== undefined) query = query.where('organizations.member_count', '>=', filter.minMembers);
  if (filter.maxMembers !== undefined) query = query.where('organizations.member_count', '<=', filter.maxMembers);
  if (filter.q) {
    const text = filter.q;
    query = query.where((eb) => eb.or([
      eb('organizations.name', 'like', likePrefix(text)),
      eb('organizations.name_initials', 'like', likePrefix(text.toLowerCase())),
    ]));
  }
  return query;
}

/** Keyset page in (region_code, id) order; scoped to the actor unless `prefixes` is given. */
export function listOrganizations(
  db: Kysely<DB>, area: { actor: Actor } | { prefixes: string[] }, filter: OrganizationFilter, after: [string, number] | null, limit: number,
) {
  let query = filtered(db, filter).where('actor' in area ? withinScope(area.actor, 'organizations.region_code') : withinPrefixes(area.prefixes, 'organizations.region_code'));
  if (after) {
    query = query.where((eb) => eb.or([
      eb('organizations.region_code', '>', after[0]),
      eb.and([eb('organizations.region_code', '=', after[0]), eb('organizations.id', '>', after[1])]),
    ]));
  }
  return query.orderBy('organizations.region_code').orderBy('organizations.id').limit(limit + 1).execute();
}

export async function updateOrganization(db: Kysely<DB>, id: number, fields: Partial<NewOrganizationRow>) {
  await db.updateTable('organizations').set({ ...fields, updated_at: sql<Date>`now()` }).where('id', '=', id).execute();
}

/** Decides a pending organization; false when someone decided first. */
export async function decideOrganization(db: Kysely<DB>, id: number, decision: { status: 'approved' | 'rejected'; reason: string | null; by: number }) {
  const result = await db.updateTable('organizations')
    .set({ status: decision.status, reject_reason: decision.reason, reviewed_by: decision.by, reviewed_at: sql<Date>`now()`, updated_at: sql<Date>`now()` })
    .where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function findMembership(db: Kysely<DB>, organizationId: number, volunteerId: number) {
  return db.selectFrom('memberships').selectAll().where('organization_id', '=', organizationId).where('volunteer_id', '=', volunteerId).executeTakeFirst();
}

/** A join request, or a renewed one after leaving; false when already pending or active. */
export async function requestMembership(db: Kysely<DB>, organizationId: number, volunteerId: number) {
  const result = await db.insertInto('memberships')
    .values({ organization_id: organizationId, volunteer_id: volunteerId, status: 'pending' })
    .onConflict((oc) => oc.columns(['organization_id', 'volunteer_id']).doUpdateSet({
      status: 'pending', requested_at: sql<Date>`now()`, decided_at: null, decided_by: null,
    }).where('memberships.status', 'not in', ['pending', 'active']))
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

/** The membership row, locked until the transaction ends (decisions are made on it). */
export function lockMembership(db: Kysely<DB>, organizationId: number, volunteerId: number) {
  return db.selectFrom('memberships').selectAll()
    .where('organization_id', '=', organizationId).where('volunteer_id', '=', volunteerId)
    .forUpdate().executeTakeFirst();
}

export async function setMembershipStatus(db: Kysely<DB>, organizationId: number, volunteerId: number, status: string, by: number | null) {
  await db.updateTable('memberships').set({ status, decided_at: sql<Date>`now()`, decided_by: by })
    .where('organization_id', '=', organizationId).where('volunteer_id', '=', volunteerId).execute();
}

export async function adjustMemberCount(db: Kysely<DB>, organizationId: number, delta: number) {
  if (delta === 0) return;
  await db.updateTable('organizations').set({ member_count: sql<number>`member_count + ${delta}` }).where('id', '=', organizationId).execute();
}

export function listMembers(db: Kysely<DB>, organizationId: number, status: string | undefined, afterId: number | null, limit: number) {
  let query = db.selectFrom('memberships').innerJoin('volunteers', 'volunteers.id', 'memberships.volunteer_id')
    .select(['volunteers.id', 'volunteers.volunteer_no', 'volunteers.name', 'volunteers.phone_masked', 'volunteers.skills',
      'volunteers.party_member', 'volunteers.birth_date', 'memberships.status', 'memberships.requested_at', 'memberships.decided_at'])
    .where('memberships.organization_id', '=', organizationId);
  if (status) query = query.where('memberships.status', '=', status);
  if (afterId) query = query.where('volunteers.id', '>', afterId);
  return query.orderBy('volunteers.id').limit(limit + 1).execute();
}

export function countActiveMembers(db: Kysely<DB>, organizationId: number) {
  return db.selectFrom('memberships').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organization_id', '=', organizationId).where('status', '=', 'active').executeTakeFirstOrThrow();
}

/** The organization and every parent above it, following parent_id up (a guard bounds a cycle already there). */
export async function lineageIds(db: Kysely<DB>, id: number): Promise<number[]> {
  const result = await sql<{ id: number }>`
    WITH RECURSIVE up(id, parent_id, depth) AS (
      SELECT id, parent_id, 0 FROM organizations WHERE id = ${id}
      UNION ALL
      SELECT o.id, o.parent_id, up.depth + 1 FROM organizations o JOIN up ON o.id = up.parent_id WHERE up.depth < 50
    )
    SELECT id FROM up`.execute(db);
  return result.rows.map((row) => row.id);
}
