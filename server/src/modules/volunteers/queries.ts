import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { DB, VolunteersTable } from '../../db/schema.ts';
import { likePrefix } from '../../lib/like.ts';
import { withinPrefixes, withinScope, type Actor } from '../../lib/scope.ts';

export type VolunteerRow = Selectable<VolunteersTable>;
export type NewVolunteerRow = Omit<Insertable<VolunteersTable>, 'volunteer_no'>;

/** Inserts a volunteer with the next volunteer number; nothing when the ID number exists. */
export function insertVolunteer(db: Kysely<DB>, provinceCode: string, row: NewVolunteerRow) {
  return db.insertInto('volunteers')
    .values({ ...row, volunteer_no: sql<string>`${provinceCode} || lpad(nextval('volunteer_no_seq')::text, 9, '0')` })
    .onConflict((oc) => oc.column('id_hash').doNothing())
    .returning(['id', 'volunteer_no'])
    .executeTakeFirst();
}

/** The volunteer holding an ID number, with where they live, for the duplicate message. */
export function findByIdHash(db: Kysely<DB>, idHash: string) {
  return db.selectFrom('volunteers').innerJoin('sites', 'sites.id', 'volunteers.site_id')
    .select(['volunteers.id', 'volunteers.volunteer_no', 'volunteers.name', 'volunteers.region_code', 'sites.name as site_name'])
    .where('volunteers.id_hash', '=', idHash).executeTakeFirst();
}

export function findByUserId(db: Kysely<DB>, userId: number) {
  return db.selectFrom('volunteers').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

export function findScoped(db: Kysely<DB>, actor: Actor, id: number) {
  return db.selectFrom('volunteers').selectAll().where('id', '=', id).where(withinScope(actor, 'region_code')).executeTakeFirst();
}

export function findById(db: Kysely<DB>, id: number) {
  return db.selectFrom('volunteers').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface VolunteerFilter {
  under?: string | undefined;
  siteId?: number | undefined;
  category?: string | undefined;
  skill?: string | undefined;
  organizationId?: number | undefined;
  partyMember?: boolean | undefined;
  emergencyReserve?: boolean | undefined;
  status?: string | undefined;
  /** active: served in the last 12 months; inactive: served before; never: no record at all. */
  activity?: 'active' | 'inactive' | 'never' | undefined;
  q?: string | undefined;
  phoneSuffix?: string | undefined;
}

/** A subtree's volunteers, keyset-paged in (region_code, id) order. */
export function listScoped(
  db: Kysely<DB>, actor: Actor, filter: VolunteerFilter, activeSince: string, after: [string, number] | null, limit: number,
) {
  let query = db.selectFrom('volunteers').selectAll().where(withinScope(actor, 'region_code'));
  if (filter.under) query = query.where(withinPrefixes([filter.under], 'region_code'));
  if (filter.siteId) query = query.where('site_id', '=', filter.siteId);
  if (filter.category) query = query.where('categories', '@>', sql<string[]>`ARRAY[${filter.category}]::text[]`);
  if (filter.skill) query = query.where('skills', '@>', sql<string[]>`ARRAY[${filter.skill}]::text[]`);
  if (filter.partyMember !== undefined) query = query.where('party_member', '=', filter.partyMember);
  if (filter.emergencyReserve !== undefined) query = query.where('emergency_reserve', '=', filter.emergencyReserve);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.activity === 'active') query = query.where('last_served_on', '>=', activeSince);
  if (filter.activity === 'inactive') query = query.where('last_served_on', '<', activeSince);
  if (filter.activity === 'never') query = query.where('last_served_on', 'is', null);
  if (filter.q) {
    const text = filter.q;
    query = query.where((eb) => eb.or([eb('name', 'like', likePrefix(text)), eb('name_initials', 'like', likePrefix(text.toLowerCase()))]));
  }
  if (filter.phoneSuffix) {
    query = filter.phoneSuffix.length === 4
      ? query.where('phone_tail', '=', filter.phoneSuffix)
      : query.where('phone_tail', 'like', `%${filter.phoneSuffix}`);
  }
  if (filter.organizationId) {
    const orgId = filter.organizationId;
    query = query.where((eb) => eb.exists(eb.selectFrom('memberships').select(sql`1`.as('one'))
      .whereRef('memberships.volunteer_id', '=', 'volunteers.id')
      .where('memberships.organization_id', '=', orgId).where('memberships.status', '=', 'active')));
  }
  if (after) query = query.where((eb) => eb.or([eb('region_code', '>', after[0]), eb.and([eb('region_code', '=', after[0]), eb('id', '>', after[1])])]));
  return query.orderBy('region_code').orderBy('id').limit(limit + 1).execute();
}

export function siteNames(db: Kysely<DB>, siteIds: number[]) {
  if (siteIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('sites').select(['id', 'name', 'region_code', 'kind']).where('id', 'in', siteIds).execute();
}

export function membershipsOf(db: Kysely<DB>, volunteerId: number) {
  return db.selectFrom('memberships').innerJoin('organizations', 'organizations.id', 'memberships.organization_id')
    .select(['organizations.id', 'organizations.name', 'organizations.category', 'memberships.status', 'memberships.requested_at'])
    .where('memberships.volunteer_id', '=', volunteerId).orderBy('memberships.requested_at').execute();
}

export async function updateVolunteer(db: Kysely<DB>, id: number, fields: Partial<Omit<NewVolunteerRow, 'id_hash'>>) {
  await db.updateTable('volunteers').set({ ...fields, updated_at: sql<Date>`now()` }).where('id', '=', id).execute();
}

/** Moves a pending volunteer to a decision; false when someone decided first. */
export async function decide(db: Kysely<DB>, id: number, decision: { status: 'active' | 'rejected'; reason: string | null; by: number }) {
  const result = await db.updateTable('volunteers')
    .set({ status: decision.status, reject_reason: decision.reason, reviewed_by: decision.by, reviewed_at: sql<Date>`now()`, updated_at: sql<Date>`now()` })
    .where('id', '=', id).where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
