import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { DB, ServiceHoursTable } from '../../db/schema.ts';
import { withinScope, type Actor } from '../../lib/scope.ts';

export type EntryRow = Selectable<ServiceHoursTable>;
export type NewEntryRow = Insertable<ServiceHoursTable>;

/** Whether the entry `s` has been cancelled by a reversing entry. */
const reversed = sql<boolean>`EXISTS (SELECT 1 FROM service_hours r WHERE r.reverses_id = s.id)`;

/** Earlier service entries for the same service, with whether each was reversed. */
export function entriesFor(db: Kysely<DB>, volunteerId: number, source: string, sourceId: number) {
  return db.selectFrom('service_hours as s')
    .select(['s.id', 's.attempt', reversed.as('reversed')])
    .where('s.volunteer_id', '=', volunteerId).where('s.source', '=', source).where('s.source_id', '=', sourceId)
    .where('s.kind', '=', 'service').orderBy('s.attempt').execute();
}

/** The service entries of one service (an order, a wish) not yet reversed. */
export function standingEntriesOf(db: Kysely<DB>, source: string, sourceId: number) {
  return db.selectFrom('service_hours as s').select(['s.id', 's.volunteer_id'])
    .where('s.source', '=', source).where('s.source_id', '=', sourceId).where('s.kind', '=', 'service')
    .where(({ not }) => not(reversed))
    .orderBy('s.id').execute();
}

export function insertEntry(db: Kysely<DB>, row: NewEntryRow) {
  return db.insertInto('service_hours').values(row).returningAll().executeTakeFirstOrThrow();
}

export function findEntry(db: Kysely<DB>, id: number) {
  return db.selectFrom('service_hours').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findScopedEntry(db: Kysely<DB>, actor: Actor, id: number) {
  return db.selectFrom('service_hours').selectAll().where('id', '=', id).where(withinScope(actor, 'region_code')).executeTakeFirst();
}

export function isReversed(db: Kysely<DB>, id: number) {
  return db.selectFrom('service_hours').select('id').where('reverses_id', '=', id).executeTakeFirst();
}

/**
 * Adds to a volunteer's totals (creating them), in the caller's transaction. An update
 * first: an INSERT … ON CONFLICT checks its proposed row, and a reversal's is negative.
 */
export async function addToTotals(db: Kysely<DB>, volunteerId: number, minutes: number, entries: number) {
  const updated = await db.updateTable('volunteer_hours')
    .set({ minutes: sql<number>`minutes + ${minutes}`, entries: sql<number>`entries + ${entries}` })
    .where('volunteer_id', '=', volunteerId).executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 1) return;
  await db.insertInto('volunteer_hours').values({ volunteer_id: volunteerId, minutes, entries })
    .onConflict((oc) => oc.column('volunteer_id').doUpdateSet({
      minutes: sql<number>`volunteer_hours.minutes + ${minutes}`,
      entries: sql<number>`volunteer_hours.entries + ${entries}`,
    })).execute();
}

/** The last day (China time) with a standing service entry, written to the volunteer. */
export async function refreshLastServed(db: Kysely<DB>, volunteerId: number) {
  await sql`
    UPDATE volunteers SET last_served_on = (
      SELECT max((s.started_at AT TIME ZONE 'Asia/Shanghai')::date) FROM service_hours s
      WHERE s.volunteer_id = ${volunteerId} AND s.kind = 'service'
        AND NOT EXISTS (SELECT 1 FROM service_hours r WHERE r.reverses_id = s.id)
    ) WHERE id = ${volunteerId}`.execute(db);
}

/**
 * Locks the volunteers' rows, in id order so that two lockers never wait on each other in
 * a circle. Every check of a volunteer's ledger followed by an entry it allows runs under
 * this lock, so a concurrent one waits and then sees the entry.
 */
export async function lockVolunteers(db: Kysely<DB>, volunteerIds: number[]) {
  if (volunteerIds.length === 0) return;
  await db.selectFrom('volunteers').select('id').where('id', 'in', volunteerIds).orderBy('id').forNoKeyUpdate().execute();
}

/**
 * The volunteer's standing activity entries whose time overlaps [from, to). Orders and
 * wishes record a reconstructed time (the report's moment minus the minutes), so only
 * activity entries, timed by check-in and check-out, can say which minutes are taken.
 */
export function activityTimesWithin(db: Kysely<DB>, volunteerId: number, from: Date, to: Date) {
  return db.selectFrom('service_hours as s').select(['s.started_at', 's.ended_at'])
    .where('s.volunteer_id', '=', volunteerId).where('s.kind', '=', 'service').where('s.source', '=', 'activity')
    .where('s.started_at', '<', to).where('s.ended_at', '>', from)
    .where(({ not }) => not(reversed)).execute();
}

export function totalsOf(db: Kysely<DB>, volunteerId: number) {
  return db.selectFrom('volunteer_hours').select(['minutes', 'entries']).where('volunteer_id', '=', volunteerId).executeTakeFirst();
}

/** A volunteer's ledger, newest first, keyset-paged by id. */
export function ledgerOf(db: Kysely<DB>, volunteerId: number, beforeId: number | null, limit: number) {
  let query = db.selectFrom('service_hours as s')
    .leftJoin('activities as a', (join) => join.onRef('a.id', '=', 's.source_id').on('s.source', '=', 'activity'))
    .leftJoin('organizations as o', 'o.id', 's.organization_id')
    .leftJoin('sites as st', 'st.id', 's.site_id')
    .selectAll('s')
    .select(['a.title as activity_title', 'o.name as organization_name', 'st.name as site_name',
      reversed.as('reversed'),
      sql<string | null>`(SELECT d.status FROM hour_disputes d WHERE d.entry_id = s.id ORDER BY d.id DESC LIMIT 1)`.as('dispute_status')])
    .where('s.volunteer_id', '=', volunteerId);
  if (beforeId) query = query.where('s.id', '<', beforeId);
  return query.orderBy('s.id', 'desc').limit(limit + 1).execute();
}

/** Ledger entries recorded in the actor's area, newest first (the staff's ledger view). */
export function scopedLedger(db: Kysely<DB>, actor: Actor, filter: { volunteerId?: number | undefined }, beforeId: number | null, limit: number) {
  let query = db.selectFrom('service_hours as s')
    .innerJoin('volunteers as v', 'v.id', 's.volunteer_id')
    .leftJoin('activities as a', (join) => join.onRef('a.id', '=', 's.source_id').on('s.source', '=', 'activity'))
    .leftJoin('organizations as o', 'o.id', 's.organization_id')
    .leftJoin('sites as st', 'st.id', 's.site_id')
    .selectAll('s')
    .select(['v.name as volunteer_name', 'v.volunteer_no', 'a.title as activity_title', 'o.name as organization_name', 'st.name as site_name',
      reversed.as('reversed'),
      sql<string | null>`(SELECT d.status FROM hour_disputes d WHERE d.entry_id = s.id ORDER BY d.id DESC LIMIT 1)`.as('dispute_status')])
    .where(withinScope(actor, 's.region_code'));
  if (filter.volunteerId) query = query.where('s.volunteer_id', '=', filter.volunteerId);
  if (beforeId) query = query.where('s.id', '<', beforeId);
  return query.orderBy('s.id', 'desc').limit(limit + 1).execute();
}

export function insertDispute(db: Kysely<DB>, dispute: { entry_id: number; volunteer_id: number; region_code: string; claim: string; claimed_minutes: number | null }) {
  return db.insertInto('hour_disputes').values(dispute)
    .onConflict((oc) => oc.column('entry_id').where('status', '=', 'open').doNothing())
    .returningAll().executeTakeFirst();
}

export function lockOpenDispute(db: Kysely<DB>, actor: Actor, id: number) {
  return db.selectFrom('hour_disputes').selectAll().where('id', '=', id).where('status', '=', 'open')
    .where(withinScope(actor, 'region_code')).forUpdate().executeTakeFirst();
}

export async function resolveDispute(db: Kysely<DB>, id: number, resolution: { status: 'corrected' | 'rejected'; text: string; by: number }) {
  await db.updateTable('hour_disputes')
    .set({ status: resolution.status, resolution: resolution.text, resolved_by: resolution.by, resolved_at: sql<Date>`now()` })
    .where('id', '=', id).execute();
}

export function openDisputes(db: Kysely<DB>, actor: Actor, afterId: number | null, limit: number) {
  let query = db.selectFrom('hour_disputes as d').innerJoin('volunteers as v', 'v.id', 'd.volunteer_id')
    .innerJoin('service_hours as s', 's.id', 'd.entry_id')
    .select(['d.id', 'd.entry_id', 'd.claim', 'd.claimed_minutes', 'd.status', 'd.created_at', 'v.name as volunteer_name', 's.minutes'])
    .where('d.status', '=', 'open').where(withinScope(actor, 'd.region_code'));
  if (afterId) query = query.where('d.id', '>', afterId);
  return query.orderBy('d.id').limit(limit + 1).execute();
}
