import { sql, type Insertable, type Kysely, type SqlBool } from 'kysely';
import type { CareRecipientsTable, DB } from '../../db/schema.ts';
import { withinPrefixes, withinScope, type Actor } from '../../lib/scope.ts';

export function insertUnitPair(db: Kysely<DB>, row: Insertable<DB['unit_pairs']>) {
  return db.insertInto('unit_pairs').values(row).onConflict((oc) => oc.columns(['unit_name', 'site_id']).doNothing()).returning('id').executeTakeFirst();
}

export function scopedUnitPairs(db: Kysely<DB>, actor: Actor) {
  return db.selectFrom('unit_pairs').innerJoin('sites', 'sites.id', 'unit_pairs.site_id')
    .selectAll('unit_pairs').select('sites.name as site_name')
    .where(withinScope(actor, 'unit_pairs.region_code')).orderBy('unit_pairs.id', 'desc').limit(500).execute();
}

export function insertGroup(db: Kysely<DB>, row: Insertable<DB['care_groups']>) {
  return db.insertInto('care_groups').values(row).returning('id').executeTakeFirstOrThrow();
}

export function findGroup(db: Kysely<DB>, id: number) {
  return db.selectFrom('care_groups').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function addMembers(db: Kysely<DB>, groupId: number, volunteerIds: number[]) {
  if (volunteerIds.length === 0) return;
  await db.insertInto('care_group_members').values(volunteerIds.map((volunteerId) => ({ group_id: groupId, volunteer_id: volunteerId })))
    .onConflict((oc) => oc.columns(['group_id', 'volunteer_id']).doUpdateSet({ left_at: null, joined_at: sql<Date>`now()` })).execute();
}

export async function markLeft(db: Kysely<DB>, groupId: number, volunteerId: number, at: Date) {
  const result = await db.updateTable('care_group_members').set({ left_at: at })
    .where('group_id', '=', groupId).where('volunteer_id', '=', volunteerId).where('left_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function isActiveMember(db: Kysely<DB>, groupId: number, volunteerId: number) {
  return db.selectFrom('care_group_members').select('volunteer_id')
    .where('group_id', '=', groupId).where('volunteer_id', '=', volunteerId).where('left_at', 'is', null).executeTakeFirst();
}

export function groupMembers(db: Kysely<DB>, groupId: number) {
  return db.selectFrom('care_group_members').innerJoin('volunteers', 'volunteers.id', 'care_group_members.volunteer_id')
    .select(['volunteers.id', 'volunteers.name', 'volunteers.party_member', 'care_group_members.joined_at', 'care_group_members.left_at'])
    .where('care_group_members.group_id', '=', groupId).orderBy('care_group_members.joined_at').execute();
}

export function insertRecipient(db: Kysely<DB>, row: Insertable<CareRecipientsTable>) {
  return db.insertInto('care_recipients').values(row).returning('id').executeTakeFirstOrThrow();
}

/** Recipients with their last visit and caretaker. */
const withLastVisit = (db: Kysely<DB>) => db.selectFrom('care_recipients as r')
  .innerJoin('care_groups as g', 'g.id', 'r.group_id')
  .leftJoin('volunteers as c', 'c.id', 'r.caretaker_id')
  .selectAll('r')
  .select(['g.name as group_name', 'c.name as caretaker_name',
    sql<string | null>`(SELECT max(visited_on) FROM care_visits v WHERE v.recipient_id = r.id)::text`.as('last_visit'),
    sql<boolean>`EXISTS (SELECT 1 FROM care_group_members m WHERE m.group_id = r.group_id AND m.volunteer_id = r.caretaker_id AND m.left_at IS NULL)`.as('caretaker_active')])
  .where('r.closed_at', 'is', null);

export type RecipientRow = Awaited<ReturnType<ReturnType<typeof withLastVisit>['executeTakeFirstOrThrow']>>;

export function findRecipient(db: Kysely<DB>, id: number) {
  return withLastVisit(db).where('r.id', '=', id).executeTakeFirst();
}

export function recipientsOfGroups(db: Kysely<DB>, groupIds: number[]) {
  if (groupIds.length === 0) return Promise.resolve([]);
  return withLastVisit(db).where('r.group_id', 'in', groupIds).orderBy('r.id').execute();
}

/** No visit within the plan on `asOf`: the day it fell due has passed (due_on is kept on every recipient since 0008). */
const overdueOn = (asOf: string) => sql<SqlBool>`r.due_on < ${asOf}::date`;
/** The caretaker is gone, or has left the group. */
const withoutCaretaker = sql<SqlBool>`(r.caretaker_id IS NULL OR NOT EXISTS (SELECT 1 FROM care_group_members m
  WHERE m.group_id = r.group_id AND m.volunteer_id = r.caretaker_id AND m.left_at IS NULL))`;

export interface CoverageFilter {
  under: string | undefined;
  asOf: string;
}

/** The report's totals, counted by the database (the rows never come to Node). */
export function coverageTotals(db: Kysely<DB>, actor: Actor, filter: CoverageFilter) {
  let query = db.selectFrom('care_recipients as r')
    .select([
      sql<number>`count(*)::int`.as('recipients'),
      sql<number>`(count(*) FILTER (WHERE ${overdueOn(filter.asOf)}))::int`.as('overdue'),
      sql<number>`(count(*) FILTER (WHERE ${withoutCaretaker}))::int`.as('without_caretaker'),
    ])
    .where('r.closed_at', 'is', null).where(withinScope(actor, 'r.region_code'));
  if (filter.under) query = query.where(withinPrefixes([filter.under], 'r.region_code'));
  return query.executeTakeFirstOrThrow();
}

export type CoverageList = 'overdue' | 'withoutCaretaker';

/**
 * One page of the overdue recipients, or of those without an active caretaker: longest
 * overdue first, i.e. by (due_on, id), resumed after the last row seen (keyset).
 */
export function coveragePage(db: Kysely<DB>, actor: Actor, filter: CoverageFilter & { list: CoverageList; after: [string, number] | null; limit: number }) {
  let query = withLastVisit(db).where(withinScope(actor, 'r.region_code'))
    .where(filter.list === 'overdue' ? overdueOn(filter.asOf) : withoutCaretaker);
  if (filter.under) query = query.where(withinPrefixes([filter.under], 'r.region_code'));
  if (filter.after) query = query.where(sql<SqlBool>`(r.due_on, r.id) > (${filter.after[0]}::date, ${filter.after[1]})`);
  return query.orderBy('r.due_on').orderBy('r.id').limit(filter.limit + 1).execute();
}

/** The care groups a volunteer serves in now. */
export function groupsOf(db: Kysely<DB>, volunteerId: number) {
  return db.selectFrom('care_group_members').select('group_id').where('volunteer_id', '=', volunteerId).where('left_at', 'is', null).execute();
}

export function scopedGroups(db: Kysely<DB>, actor: Actor) {
  return db.selectFrom('care_groups as g').innerJoin('sites', 'sites.id', 'g.site_id')
    .select(['g.id', 'g.name', 'g.site_id', 'g.region_code', 'sites.name as site_name',
      sql<number>`(SELECT count(*) FROM care_group_members m WHERE m.group_id = g.id AND m.left_at IS NULL)`.as('members'),
      sql<number>`(SELECT count(*) FROM care_recipients r WHERE r.group_id = g.id AND r.closed_at IS NULL)`.as('recipients')])
    .where(withinScope(actor, 'g.region_code')).orderBy('g.id', 'desc').limit(1000).execute();
}

/** Members who left a group since a day, with the recipients they were looking after. */
export function recentLeavers(db: Kysely<DB>, actor: Actor, since: Date) {
  return db.selectFrom('care_group_members as m').innerJoin('care_groups as g', 'g.id', 'm.group_id')
    .innerJoin('volunteers as v', 'v.id', 'm.volunteer_id')
    .select(['g.id as group_id', 'g.name as group_name', 'v.id as volunteer_id', 'v.name as volunteer_name', 'm.left_at',
      sql<number>`(SELECT count(*) FROM care_recipients r WHERE r.caretaker_id = m.volunteer_id AND r.group_id = m.group_id AND r.closed_at IS NULL)`.as('orphans')])
    .where('m.left_at', '>=', since).where(withinScope(actor, 'g.region_code')).orderBy('m.left_at', 'desc').execute();
}

export async function setCaretaker(db: Kysely<DB>, recipientId: number, volunteerId: number) {
  await db.updateTable('care_recipients').set({ caretaker_id: volunteerId }).where('id', '=', recipientId).execute();
}

/** A visit, once per phone-side id; a resend returns the visit first stored. */
export async function insertVisit(db: Kysely<DB>, row: Insertable<DB['care_visits']>) {
  const inserted = await db.insertInto('care_visits').values(row).onConflict((oc) => oc.column('client_id').doNothing()).returningAll().executeTakeFirst();
  return inserted ?? (await db.selectFrom('care_visits').selectAll().where('client_id', '=', row.client_id).executeTakeFirstOrThrow());
}

/** Whether a file is a photo of one of the recipient's visits. */
export function isVisitPhoto(db: Kysely<DB>, recipientId: number, fileId: string) {
  return db.selectFrom('care_visits').select('id')
    .where('recipient_id', '=', recipientId).where(sql<SqlBool>`${fileId}::uuid = ANY (photos)`).limit(1).executeTakeFirst();
}

/** Visits whose follow-up is still in plain text (written before migration 0015). */
export function plainFollowUps(db: Kysely<DB>, limit: number) {
  return db.selectFrom('care_visits').select(['id', 'follow_up']).where('follow_up', 'is not', null).orderBy('id').limit(limit).execute();
}

/** Seals a follow-up written in plain text before follow-ups were encrypted. */
export async function sealFollowUp(db: Kysely<DB>, visitId: number, sealed: string) {
  await db.updateTable('care_visits').set({ follow_up_enc: sealed, follow_up: null })
    .where('id', '=', visitId).where('follow_up', 'is not', null).where('follow_up_enc', 'is', null).execute();
}

export function visitsOf(db: Kysely<DB>, recipientId: number) {
  return db.selectFrom('care_visits').innerJoin('volunteers', 'volunteers.id', 'care_visits.volunteer_id')
    .selectAll('care_visits').select('volunteers.name as volunteer_name')
    .where('care_visits.recipient_id', '=', recipientId).orderBy('care_visits.visited_on', 'desc').orderBy('care_visits.id', 'desc').limit(200).execute();
}

/** The last visit and the day the next one falls due, kept on the recipient (the statistics count by it). */
export async function refreshDue(db: Kysely<DB>, recipientId: number) {
  await sql`UPDATE care_recipients r SET last_visit_on = v.last, due_on = coalesce(v.last, china_day(r.created_at)) + r.visit_every_days
    FROM (SELECT max(visited_on) AS last FROM care_visits WHERE recipient_id = ${recipientId}) v WHERE r.id = ${recipientId}`.execute(db);
}
