import { sql, type Insertable, type Kysely, type QueryCreator, type RawBuilder, type Selectable } from 'kysely';
import type { ActivitiesTable, AttendanceTable, DB } from '../../db/schema.ts';
import { overPage } from '../../lib/paging.ts';
import { withinPrefixes, withinScope, type Actor } from '../../lib/scope.ts';

export type ActivityRow = Selectable<ActivitiesTable>;
export type AttendanceRow = Selectable<AttendanceTable>;

const withProject = (db: QueryCreator<DB>) => db.selectFrom('activities')
  .innerJoin('projects', 'projects.id', 'activities.project_id')
  .innerJoin('organizations', 'organizations.id', 'projects.organization_id')
  .innerJoin('sites', 'sites.id', 'activities.site_id')
  .selectAll('activities')
  .select(['projects.name as project_name', 'projects.organization_id', 'organizations.name as organization_name', 'sites.name as site_name']);

export type ActivityWithNames = Awaited<ReturnType<ReturnType<typeof withProject>['executeTakeFirstOrThrow']>>;

export function insertActivities(db: Kysely<DB>, rows: Insertable<ActivitiesTable>[]) {
  return db.insertInto('activities').values(rows).returning('id').execute();
}

export function findActivity(db: Kysely<DB>, id: number) {
  return withProject(db).where('activities.id', '=', id).executeTakeFirst();
}

/**
 * Locks the activity against other seat changes. NO KEY UPDATE, not UPDATE: a check-in or
 * sign-up inserting a row that refers to the activity need not wait for it (and a check-in
 * holding its sign-up while it does could otherwise deadlock with a withdrawal).
 */
export function lockActivity(db: Kysely<DB>, id: number) {
  return db.selectFrom('activities').selectAll().where('id', '=', id).forNoKeyUpdate().executeTakeFirst();
}

export interface ActivityFilter {
  under?: string | undefined;
  projectId?: number | undefined;
  status?: string | undefined;
  category?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** A page of activities in the actor's area, newest first, cut before it is named. */
export function listScopedActivities(db: Kysely<DB>, actor: Actor, filter: ActivityFilter, after: [string, number] | null, limit: number) {
  let query = db.selectFrom('activities').selectAll().where(withinScope(actor, 'activities.region_code'));
  if (filter.under) query = query.where(withinPrefixes([filter.under], 'activities.region_code'));
  if (filter.projectId) query = query.where('activities.project_id', '=', filter.projectId);
  if (filter.status) query = query.where('activities.status', '=', filter.status);
  if (filter.category) query = query.where('activities.category', '=', filter.category);
  if (filter.from) query = query.where('activities.starts_at', '>=', new Date(filter.from));
  if (filter.to) query = query.where('activities.starts_at', '<', new Date(filter.to));
  if (after) {
    query = query.where((eb) => eb.or([
      eb('activities.starts_at', '<', new Date(after[0])),
      eb.and([eb('activities.starts_at', '=', new Date(after[0])), eb('activities.id', '<', after[1])]),
    ]));
  }
  const page = query.orderBy('activities.starts_at', 'desc').orderBy('activities.id', 'desc').limit(limit + 1);
  return withProject(overPage(db, 'activities', page)).orderBy('activities.starts_at', 'desc').orderBy('activities.id', 'desc').execute();
}

/**
 * Published activities still open for sign-up, nearest first: a bounding box narrows
 * the rows, the haversine distance orders them.
 */
export function browseActivities(db: Kysely<DB>, filter: { latitude?: number; longitude?: number; radiusKm: number; category?: string; under?: string }, limit: number) {
  let query = withProject(db)
    .where('activities.status', '=', 'published')
    .where('activities.ends_at', '>', sql<Date>`now()`)
    .where('activities.recruit_until', '>', sql<Date>`now()`);
  if (filter.category) query = query.where('activities.category', '=', filter.category);
  if (filter.under) query = query.where(withinPrefixes([filter.under], 'activities.region_code'));
  if (filter.latitude !== undefined && filter.longitude !== undefined) {
    const lat = filter.latitude;
    const lng = filter.longitude;
    const dLat = filter.radiusKm / 111;
    const dLng = filter.radiusKm / (111 * Math.max(Math.cos((lat * Math.PI) / 180), 0.01));
    const distance = sql<number>`6371 * 2 * asin(sqrt(power(sin(radians(activities.latitude - ${lat}) / 2), 2)
      + cos(radians(${lat})) * cos(radians(activities.latitude)) * power(sin(radians(activities.longitude - ${lng}) / 2), 2)))`;
    return query.select(distance.as('distance_km'))
      .where('activities.latitude', '>=', lat - dLat).where('activities.latitude', '<=', lat + dLat)
      .where('activities.longitude', '>=', lng - dLng).where('activities.longitude', '<=', lng + dLng)
      .orderBy('distance_km').orderBy('activities.starts_at').limit(limit).execute();
  }
  return query.select(sql<number | null>`NULL::double precision`.as('distance_km')).orderBy('activities.starts_at').limit(limit).execute();
}

export async function updateActivity(db: Kysely<DB>, id: number, fields: Partial<Insertable<ActivitiesTable>>) {
  await db.updateTable('activities').set({ ...fields, updated_at: sql<Date>`now()` }).where('id', '=', id).execute();
}

/** Takes a seat if one is free; the quota can never be exceeded by concurrent sign-ups. */
export async function takeSeat(db: Kysely<DB>, activityId: number) {
  const result = await db.updateTable('activities').set({ confirmed_count: sql<number>`confirmed_count + 1` })
    .where('id', '=', activityId).where('confirmed_count', '<', sql<number>`quota`).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function adjustCounts(db: Kysely<DB>, activityId: number, confirmed: number, waitlisted: number) {
  if (confirmed === 0 && waitlisted === 0) return;
  await db.updateTable('activities').set({
    confirmed_count: sql<number>`confirmed_count + ${confirmed}`,
    waitlist_count: sql<number>`waitlist_count + ${waitlisted}`,
  }).where('id', '=', activityId).execute();
}

export function findSignup(db: Kysely<DB>, activityId: number, volunteerId: number) {
  return db.selectFrom('signups').selectAll().where('activity_id', '=', activityId).where('volunteer_id', '=', volunteerId).executeTakeFirst();
}

export function lockSignup(db: Kysely<DB>, activityId: number, volunteerId: number) {
  return db.selectFrom('signups').selectAll().where('activity_id', '=', activityId).where('volunteer_id', '=', volunteerId).forUpdate().executeTakeFirst();
}

/** Creates the sign-up, or revives a cancelled one; null when one is already live. */
export function claimSignup(db: Kysely<DB>, activityId: number, volunteerId: number) {
  return db.insertInto('signups').values({ activity_id: activityId, volunteer_id: volunteerId, status: 'pending' })
    .onConflict((oc) => oc.columns(['activity_id', 'volunteer_id']).doUpdateSet({ status: 'pending', created_at: sql<Date>`now()`, updated_at: sql<Date>`now()` })
      .where('signups.status', 'in', ['cancelled', 'rejected']))
    .returning('status').executeTakeFirst();
}

export async function setSignupStatus(db: Kysely<DB>, activityId: number, volunteerId: number, status: string) {
  await db.updateTable('signups').set({ status, updated_at: sql<Date>`now()` })
    .where('activity_id', '=', activityId).where('volunteer_id', '=', volunteerId).execute();
}

/** The longest-waiting volunteer on the waiting list, locked. */
export function firstWaitlisted(db: Kysely<DB>, activityId: number) {
  return db.selectFrom('signups').select('volunteer_id').where('activity_id', '=', activityId).where('status', '=', 'waitlisted')
    .orderBy('created_at').orderBy('volunteer_id').limit(1).forUpdate().skipLocked().executeTakeFirst();
}

export function roster(db: Kysely<DB>, activityId: number) {
  return db.selectFrom('signups')
    .innerJoin('volunteers', 'volunteers.id', 'signups.volunteer_id')
    .leftJoin('attendance', (join) => join.onRef('attendance.activity_id', '=', 'signups.activity_id').onRef('attendance.volunteer_id', '=', 'signups.volunteer_id'))
    .select(['volunteers.id', 'volunteers.name', 'volunteers.volunteer_no', 'volunteers.phone_masked', 'volunteers.user_id', 'signups.status', 'signups.created_at',
      'attendance.check_in_at', 'attendance.check_in_method', 'attendance.check_out_at', 'attendance.check_out_method', 'attendance.flagged', 'attendance.confirmed_at'])
    .where('signups.activity_id', '=', activityId)
    .orderBy('signups.created_at').orderBy('volunteers.id').execute();
}

export function signedUpUsers(db: Kysely<DB>, activityId: number, statuses: string[]) {
  return db.selectFrom('signups').innerJoin('volunteers', 'volunteers.id', 'signups.volunteer_id')
    .select(['volunteers.user_id']).where('signups.activity_id', '=', activityId).where('signups.status', 'in', statuses).execute();
}

/** The activity with the signed-in person's volunteer id and sign-up status, in one round trip. */
export function checkInContext(db: Kysely<DB>, activityId: number, userId: number) {
  return db.selectFrom('activities')
    .leftJoin('volunteers', (join) => join.on('volunteers.user_id', '=', userId))
    .leftJoin('signups', (join) => join.onRef('signups.activity_id', '=', 'activities.id').onRef('signups.volunteer_id', '=', 'volunteers.id'))
    .selectAll('activities')
    .select(['volunteers.id as volunteer_id', 'signups.status as signup_status'])
    .where('activities.id', '=', activityId)
    .executeTakeFirst();
}

/** Whether anyone has checked in (check-in opens before the start). */
export async function anyAttendance(db: Kysely<DB>, activityId: number) {
  return Boolean(await db.selectFrom('attendance').select('volunteer_id').where('activity_id', '=', activityId).limit(1).executeTakeFirst());
}

export function findAttendance(db: Kysely<DB>, activityId: number, volunteerId: number) {
  return db.selectFrom('attendance').selectAll().where('activity_id', '=', activityId).where('volunteer_id', '=', volunteerId).executeTakeFirst();
}

/**
 * FROM … WHERE of the volunteer's attendance at other activities whose counted time
 * overlaps [from, to): each clipped to its activity's window, one not checked out yet
 * running to the end. Reached through the volunteer's sign-ups (indexed by volunteer, and
 * every attendance has one), not by a scan of every attendance: check-in runs this on each scan.
 */
function otherAttendanceOverlapping(volunteerId: number | RawBuilder<number>, activityId: number | RawBuilder<number>, from: Moment, to: Moment) {
  return sql`FROM signups s
    JOIN attendance o ON o.activity_id = s.activity_id AND o.volunteer_id = s.volunteer_id
    JOIN activities x ON x.id = s.activity_id
    WHERE s.volunteer_id = ${volunteerId} AND s.activity_id <> ${activityId}
      AND greatest(o.check_in_at, x.starts_at) < least(coalesce(o.check_out_at, x.ends_at), x.ends_at)
      AND greatest(o.check_in_at, x.starts_at) < ${to}
      AND least(coalesce(o.check_out_at, x.ends_at), x.ends_at) > ${from}`;
}

/** A point in time: a value, or an expression of the statement it is used in. */
type Moment = Date | RawBuilder<Date>;

/** The first of the volunteer's attendances at other activities overlapping [from, to), if any. */
export async function overlappingAttendance(db: Kysely<DB>, volunteerId: number, activityId: number, from: Date, to: Date) {
  const { rows } = await sql<{ id: number; title: string }>`SELECT x.id, x.title ${otherAttendanceOverlapping(volunteerId, activityId, from, to)} LIMIT 1`.execute(db);
  return rows[0];
}

/** Check-in opens this long before the start. */
export const CHECK_IN_OPENS_EARLY_MINUTES = 30;

export interface CheckInAsked {
  activityId: number;
  userId: number;
  at: Date;
  method: string;
}

/**
 * Records check-ins (a batch of them: check-in-batch.ts), each once, in one statement:
 * each only from the person's own confirmed sign-up (held FOR SHARE, so a withdrawal
 * either waits and then sees the check-in, or goes first and this inserts nothing), the
 * activity published and open for check-in at its `at` (from CHECK_IN_OPENS_EARLY_MINUTES
 * before the start to the end), and no other attendance overlapping the time it would
 * count, from `at` or the start to the end. A second scan changes nothing. The rows
 * recorded come back with whose they are; one asked for and not returned was repeated,
 * withdrawn, closed or overlapping, which the caller then explains.
 *
 * Plain SQL, every phone's check-in running it: built with the query builder, it cost 60%
 * more per check-in (the builder's work on each call, and PostgreSQL planning it again for
 * the states it was given as parameters).
 */
export async function insertCheckIns(db: Kysely<DB>, asked: CheckInAsked[]) {
  const { rows } = await sql<AttendanceRow & { user_id: number }>`
    WITH asked AS (
      SELECT * FROM unnest(${asked.map((a) => a.activityId)}::int[], ${asked.map((a) => a.userId)}::int[],
        ${asked.map((a) => a.at.toISOString())}::timestamptz[], ${asked.map((a) => a.method)}::text[]) AS t(activity_id, user_id, at, method)
    ), recorded AS (
      INSERT INTO attendance (activity_id, volunteer_id, check_in_at, check_in_method)
      SELECT me.activity_id, me.volunteer_id, asked.at, asked.method
      FROM asked
      JOIN volunteers v ON v.user_id = asked.user_id
      JOIN signups me ON me.volunteer_id = v.id AND me.activity_id = asked.activity_id
      JOIN activities a ON a.id = me.activity_id
      WHERE me.status = 'confirmed' AND a.status = 'published'
        AND asked.at >= a.starts_at - make_interval(mins => ${CHECK_IN_OPENS_EARLY_MINUTES}) AND asked.at <= a.ends_at
        AND NOT EXISTS (SELECT ${otherAttendanceOverlapping(sql.ref('me.volunteer_id'), sql.ref('me.activity_id'), sql`greatest(asked.at, a.starts_at)`, sql.ref('a.ends_at'))})
      FOR SHARE OF me
      ON CONFLICT (activity_id, volunteer_id) DO NOTHING
      RETURNING *
    )
    SELECT recorded.*, v.user_id FROM recorded JOIN volunteers v ON v.id = recorded.volunteer_id`.execute(db);
  return rows;
}

/** The volunteer's check-ins by phone (not roster marks) since `since`, at activities other than this one. */
export async function checkInsSince(db: Kysely<DB>, userId: number, activityId: number, since: Date): Promise<number> {
  const row = await db.selectFrom('volunteers as v')
    .innerJoin('signups as s', 's.volunteer_id', 'v.id')
    .innerJoin('attendance as o', (join) => join.onRef('o.activity_id', '=', 's.activity_id').onRef('o.volunteer_id', '=', 's.volunteer_id'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('v.user_id', '=', userId).where('s.activity_id', '<>', activityId)
    .where('o.check_in_at', '>=', since).where('o.check_in_method', '<>', 'roster')
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function setCheckOut(db: Kysely<DB>, activityId: number, volunteerId: number, at: Date, method: string) {
  const result = await db.updateTable('attendance').set({ check_out_at: at, check_out_method: method, flagged: false })
    .where('activity_id', '=', activityId).where('volunteer_id', '=', volunteerId)
    .where('check_out_at', 'is', null).where('confirmed_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Roster marking by the leader: sets both times (before confirmation). */
export async function upsertRosterAttendance(db: Kysely<DB>, row: { activity_id: number; volunteer_id: number; check_in_at: Date; check_out_at: Date | null }) {
  await db.insertInto('attendance').values({ ...row, check_in_method: 'roster', check_out_method: row.check_out_at ? 'roster' : null })
    .onConflict((oc) => oc.columns(['activity_id', 'volunteer_id']).doUpdateSet({
      check_in_at: row.check_in_at, check_out_at: row.check_out_at, check_out_method: row.check_out_at ? 'roster' : null, flagged: false,
    }).where('attendance.confirmed_at', 'is', null))
    .execute();
}

/**
 * Closes forgotten check-outs of finished activities at the activity's end, flagged so
 * that nobody counts them without a person looking.
 */
export async function closeForgottenCheckOuts(db: Kysely<DB>, activityId?: number) {
  let query = db.updateTable('attendance')
    .from('activities')
    .set({ check_out_at: sql<Date>`activities.ends_at`, check_out_method: 'auto', flagged: true })
    .whereRef('activities.id', '=', 'attendance.activity_id')
    .where('attendance.check_out_at', 'is', null)
    .where('activities.ends_at', '<', sql<Date>`now()`);
  if (activityId) query = query.where('attendance.activity_id', '=', activityId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Attendance not yet in the ledger, of sign-ups still confirmed: a sign-up withdrawn or
 * rejected earns no hours, whatever attendance it left behind.
 */
const pendingAttendance = (db: Kysely<DB>, activityId: number) => db.selectFrom('attendance')
  .where('attendance.activity_id', '=', activityId).where('attendance.confirmed_at', 'is', null)
  .where(({ exists, selectFrom }) => exists(selectFrom('signups').select('signups.volunteer_id')
    .whereRef('signups.activity_id', '=', 'attendance.activity_id').whereRef('signups.volunteer_id', '=', 'attendance.volunteer_id')
    .where('signups.status', '=', 'confirmed')));

export async function unconfirmedVolunteerIds(db: Kysely<DB>, activityId: number) {
  return (await pendingAttendance(db, activityId).select('attendance.volunteer_id').execute()).map((row) => row.volunteer_id);
}

export function unconfirmedAttendance(db: Kysely<DB>, activityId: number) {
  return pendingAttendance(db, activityId).selectAll('attendance').orderBy('attendance.volunteer_id').forUpdate().execute();
}

export async function markConfirmed(db: Kysely<DB>, activityId: number, volunteerId: number, by: number) {
  await db.updateTable('attendance').set({ confirmed_at: sql<Date>`now()`, confirmed_by: by })
    .where('activity_id', '=', activityId).where('volunteer_id', '=', volunteerId).execute();
}

export function upsertEvaluation(db: Kysely<DB>, row: { activity_id: number; volunteer_id: number; direction: string; score: number; comment: string | null; by_user: number }) {
  return db.insertInto('evaluations').values(row)
    .onConflict((oc) => oc.columns(['activity_id', 'volunteer_id', 'direction']).doUpdateSet({ score: row.score, comment: row.comment, by_user: row.by_user }))
    .execute();
}

export function activityRating(db: Kysely<DB>, activityId: number) {
  return db.selectFrom('evaluations').select([(eb) => eb.fn.avg<number>('score').as('average'), (eb) => eb.fn.countAll<number>().as('count')])
    .where('activity_id', '=', activityId).where('direction', '=', 'of_activity').executeTakeFirstOrThrow();
}

/** Activities organized by these teams (the leader's own), latest start first. */
export function listTeamActivities(db: Kysely<DB>, organizationIds: number[], limit: number) {
  if (organizationIds.length === 0) return Promise.resolve([]);
  return withProject(db).where('projects.organization_id', 'in', organizationIds)
    .orderBy('activities.starts_at', 'desc').orderBy('activities.id', 'desc').limit(limit).execute();
}

/** The volunteers' latest comments on the activity, newest first (blank ones left out). */
export function recentActivityComments(db: Kysely<DB>, activityId: number, limit: number) {
  return db.selectFrom('evaluations').select(['score', 'comment', 'created_at'])
    .where('activity_id', '=', activityId).where('direction', '=', 'of_activity')
    .where('comment', 'is not', null).where('comment', '<>', '')
    .orderBy('created_at', 'desc').orderBy('volunteer_id', 'desc').limit(limit).execute();
}

/** The leader's ratings of each volunteer's service at the activity. */
export function volunteerRatings(db: Kysely<DB>, activityId: number) {
  return db.selectFrom('evaluations').select(['volunteer_id', 'score', 'comment'])
    .where('activity_id', '=', activityId).where('direction', '=', 'of_volunteer').orderBy('volunteer_id').execute();
}

/**
 * How leaders rated this volunteer's service, activity by activity. Reached through the
 * volunteer's sign-ups (indexed by volunteer; a rated volunteer attended, so signed up),
 * then the evaluation's own key, not by a scan of every evaluation.
 */
export function ratingsOfVolunteer(db: Kysely<DB>, volunteerId: number) {
  return db.selectFrom('signups')
    .innerJoin('evaluations', (join) => join.onRef('evaluations.activity_id', '=', 'signups.activity_id')
      .onRef('evaluations.volunteer_id', '=', 'signups.volunteer_id').on('evaluations.direction', '=', 'of_volunteer'))
    .select(['evaluations.activity_id', 'evaluations.score', 'evaluations.comment', 'evaluations.created_at'])
    .where('signups.volunteer_id', '=', volunteerId)
    .orderBy('evaluations.created_at', 'desc').orderBy('evaluations.activity_id', 'desc').execute();
}
