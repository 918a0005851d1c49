import { sql, type Insertable, type Kysely, type QueryCreator, type Selectable } from 'kysely';
import type { CampaignsTable, DB, WishesTable } from '../../db/schema.ts';
import { overPage } from '../../lib/paging.ts';
import { withinPrefixes, withinScope, type Actor } from '../../lib/scope.ts';

export type WishRow = Selectable<WishesTable>;

const withNames = (db: QueryCreator<DB>) => db.selectFrom('wishes')
  .innerJoin('sites', 'sites.id', 'wishes.site_id')
  .leftJoin('campaigns', 'campaigns.id', 'wishes.campaign_id')
  .leftJoin('volunteers as claimer', 'claimer.id', 'wishes.claimer_volunteer_id')
  .leftJoin('organizations as team', 'team.id', 'wishes.claimer_organization_id')
  .selectAll('wishes')
  .select(['sites.name as site_name', 'campaigns.name as campaign_name', 'claimer.name as claimer_volunteer_name', 'claimer.user_id as claimer_user_id',
    'team.name as claimer_organization_name']);

export type WishWithNames = Awaited<ReturnType<ReturnType<typeof withNames>['executeTakeFirstOrThrow']>>;

export function insertWish(db: Kysely<DB>, row: Insertable<WishesTable>) {
  return db.insertInto('wishes').values(row).returning('id').executeTakeFirstOrThrow();
}

export function findWish(db: Kysely<DB>, id: number) {
  return withNames(db).where('wishes.id', '=', id).executeTakeFirst();
}

export function findScopedWish(db: Kysely<DB>, actor: Actor, id: number) {
  return withNames(db).where('wishes.id', '=', id).where(withinScope(actor, 'wishes.region_code')).executeTakeFirst();
}

export interface WishFilter {
  under?: string | undefined;
  status?: string | undefined;
  campaignId?: number | undefined;
  category?: string | undefined;
  beneficiaryGroup?: string | undefined;
  overdue?: boolean | undefined;
}

function filtered(db: Kysely<DB>, filter: WishFilter) {
  let query = db.selectFrom('wishes').selectAll();
  if (filter.under) query = query.where(withinPrefixes([filter.under], 'wishes.region_code'));
  if (filter.status) query = query.where('wishes.status', '=', filter.status);
  if (filter.campaignId) query = query.where('wishes.campaign_id', '=', filter.campaignId);
  if (filter.category) query = query.where('wishes.category', '=', filter.category);
  if (filter.beneficiaryGroup) query = query.where('wishes.beneficiary_group', '=', filter.beneficiaryGroup);
  if (filter.overdue) query = query.where('wishes.overdue_at', 'is not', null);
  return query;
}

/** Newest first, one more than the page (paging.ts pageOf), cut before it is named. */
function namedPage(db: Kysely<DB>, query: ReturnType<typeof filtered>, beforeId: number | null, limit: number) {
  const page = (beforeId ? query.where('wishes.id', '<', beforeId) : query).orderBy('wishes.id', 'desc').limit(limit + 1);
  return withNames(overPage(db, 'wishes', page)).orderBy('wishes.id', 'desc').execute();
}

export function listScoped(db: Kysely<DB>, actor: Actor, filter: WishFilter, beforeId: number | null, limit: number) {
  return namedPage(db, filtered(db, filter).where(withinScope(actor, 'wishes.region_code')), beforeId, limit);
}

/** The public wall: wishes waiting for someone, and those already taken up. */
export function wall(db: Kysely<DB>, filter: WishFilter & { under: string }, beforeId: number | null, limit: number) {
  const query = filtered(db, { ...filter, status: undefined }).where('wishes.status', 'in', filter.status ? [filter.status] : ['published', 'claimed', 'fulfilled', 'confirmed']);
  return namedPage(db, query, beforeId, limit);
}

export function byPoster(db: Kysely<DB>, userId: number) {
  return withNames(db).where('wishes.posted_by', '=', userId).orderBy('wishes.id', 'desc').limit(100).execute();
}

export function byClaimer(db: Kysely<DB>, volunteerId: number | null, organizationIds: number[], userId: number) {
  return withNames(db).where((eb) => eb.or([
    eb('wishes.claimed_by', '=', userId),
    ...(volunteerId ? [eb('wishes.claimer_volunteer_id', '=', volunteerId)] : []),
    ...(organizationIds.length > 0 ? [eb('wishes.claimer_organization_id', 'in', organizationIds)] : []),
  ])).where('wishes.status', 'in', ['claimed', 'fulfilled', 'confirmed']).orderBy('wishes.id', 'desc').limit(100).execute();
}

/** Wishes that may repeat this one: same beneficiary, or the same site lately (text compared by the caller). */
export function duplicateCandidates(db: Kysely<DB>, wish: WishRow) {
  return withNames(db)
    .where('wishes.id', '<>', wish.id)
    .where('wishes.status', 'not in', ['rejected', 'merged', 'withdrawn'])
    .where((eb) => eb.or([
      eb('wishes.beneficiary_key', '=', wish.beneficiary_key),
      eb.and([eb('wishes.site_id', '=', wish.site_id), eb('wishes.created_at', '>', sql<Date>`now() - interval '180 days'`)]),
    ]))
    .orderBy('wishes.id', 'desc').limit(200).execute();
}

/** Open wishes of one family in one campaign (local practice: at most one). */
export function openFamilyWishes(db: Kysely<DB>, campaignId: number, beneficiaryKey: string) {
  return db.selectFrom('wishes').select('id').where('campaign_id', '=', campaignId).where('beneficiary_key', '=', beneficiaryKey)
    .where('status', 'in', ['submitted', 'published', 'claimed', 'fulfilled']).execute();
}

/** Claims past their deadline, locked, for the overdue task (several processes may run it). */
export function overdueClaims(db: Kysely<DB>, now: Date, limit: number) {
  return db.selectFrom('wishes').select(['id', 'title', 'claimed_by', 'claimer_unit', 'site_id', 'region_code', 'posted_by', 'on_behalf'])
    .where('status', '=', 'claimed').where('claim_deadline', '<', now)
    .orderBy('claim_deadline').limit(limit).forUpdate().skipLocked().execute();
}

/** The states a campaign counts: collected (on the wall or beyond) and fulfilled (圆梦). */
export const campaignCounts = {
  collected: ['published', 'claimed', 'fulfilled', 'confirmed'],
  fulfilled: ['fulfilled', 'confirmed'],
} as const;

/** Adds to the counters of the wish's campaign (none: nothing), in the caller's transaction. */
export async function adjustCampaignOf(db: Kysely<DB>, wishId: number, delta: { collected: number; fulfilled: number }) {
  await db.updateTable('campaigns')
    .set({ collected: sql<number>`collected + ${delta.collected}`, fulfilled: sql<number>`fulfilled + ${delta.fulfilled}` })
    .where('id', '=', db.selectFrom('wishes').select('campaign_id').where('wishes.id', '=', wishId))
    .execute();
}

/** Of these volunteers, the approved ones in good standing; with `area`, only those within it. */
export function activeVolunteers(db: Kysely<DB>, ids: number[], area: Actor | null) {
  const query = db.selectFrom('volunteers').select('id').where('id', 'in', ids).where('status', '=', 'active');
  return (area ? query.where(withinScope(area, 'region_code')) : query).execute();
}

export function insertCampaign(db: Kysely<DB>, row: Insertable<CampaignsTable>) {
  return db.insertInto('campaigns').values(row).onConflict((oc) => oc.column('name').doNothing()).returningAll().executeTakeFirst();
}

export function findCampaign(db: Kysely<DB>, id: number) {
  return db.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Campaigns of an area (codes under the prefixes) and those of the regions above it. */
export function listCampaigns(db: Kysely<DB>, area: { prefixes: string[]; ancestors: string[] } | null) {
  let query = db.selectFrom('campaigns').selectAll();
  if (area) {
    query = query.where((eb) => eb.or([
      withinPrefixes(area.prefixes, 'region_code'),
      ...(area.ancestors.length > 0 ? [eb('region_code', 'in', area.ancestors)] : []),
    ]));
  }
  return query.orderBy('id', 'desc').execute();
}

/** Counted from the wishes themselves, to check the live counters. */
export function recountCampaign(db: Kysely<DB>, campaignId: number) {
  return db.selectFrom('wishes').select([
    sql<number>`count(*) FILTER (WHERE status IN (${sql.join(campaignCounts.collected)}))`.as('collected'),
    sql<number>`count(*) FILTER (WHERE status IN (${sql.join(campaignCounts.fulfilled)}))`.as('fulfilled'),
  ]).where('campaign_id', '=', campaignId).executeTakeFirstOrThrow();
}

