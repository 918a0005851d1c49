import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Grant, Role, SiteKind } from '../../lib/scope.ts';

export function findUserByPhoneHash(db: Kysely<DB>, phoneHash: string) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'password_hash', 'status', 'region_code'])
    .where('phone_hash', '=', phoneHash)
    .executeTakeFirst();
}

export function findUserById(db: Kysely<DB>, userId: number) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'phone_masked', 'password_hash', 'status', 'must_change_password', 'region_code'])
    .where('id', '=', userId)
    .executeTakeFirst();
}

/**
 * The live session behind a token hash, with its user and their grants, in one round
 * trip: every signed-in request starts here (the actor cache aside), so it is plain SQL,
 * spared the query builder's work on each call.
 */
export async function findSession(db: Kysely<DB>, tokenHash: string) {
  const { rows } = await sql<{ userId: number; name: string; status: string; grants: GrantRow[] }>`
    SELECT u.id AS "userId", u.name, u.status, (
      SELECT coalesce(json_agg(json_build_object('id', g.id, 'role', g.role, 'site_id', g.site_id, 'region_code', g.region_code,
        'name', s.name, 'kind', s.kind) ORDER BY g.id), '[]')
      FROM grants g JOIN sites s ON s.id = g.site_id WHERE g.user_id = u.id) AS grants
    FROM sessions JOIN users u ON u.id = sessions.user_id
    WHERE sessions.token_hash = ${tokenHash} AND sessions.expires_at > now()`.execute(db);
  return rows[0];
}

interface GrantRow {
  id: number;
  role: string;
  site_id: number;
  region_code: string;
  name: string;
  kind: string;
}

export function toGrant(row: GrantRow): Grant {
  return { id: row.id, role: row.role as Role, siteId: row.site_id, siteName: row.name, siteKind: row.kind as SiteKind, regionCode: row.region_code };
}

export async function findGrants(db: Kysely<DB>, userId: number): Promise<Grant[]> {
  const rows = await db
    .selectFrom('grants')
    .innerJoin('sites', 'sites.id', 'grants.site_id')
    .select(['grants.id', 'grants.role', 'grants.site_id', 'grants.region_code', 'sites.name', 'sites.kind'])
    .where('grants.user_id', '=', userId)
    .orderBy('grants.id')
    .execute();
  return rows.map(toGrant);
}

export async function insertSession(
  db: Kysely<DB>,
  session: { tokenHash: string; userId: number; hours: number; ip: string; userAgent: string | null },
) {
  await db
    .insertInto('sessions')
    .values({
      token_hash: session.tokenHash,
      user_id: session.userId,
      expires_at: sql<Date>`now() + make_interval(hours => ${session.hours})`,
      ip: session.ip,
      user_agent: session.userAgent,
    })
    .execute();
}

export async function deleteSession(db: Kysely<DB>, tokenHash: string) {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

/** Ends the user's other sessions (after a password change) and the expired ones. */
export async function deleteSessionsExcept(db: Kysely<DB>, userId: number, keepTokenHash: string | null) {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepTokenHash) query = query.where('token_hash', '<>', keepTokenHash);
  await query.execute();
}

export async function deleteExpiredSessions(db: Kysely<DB>, userId: number) {
  await db.deleteFrom('sessions').where('user_id', '=', userId).where('expires_at', '<=', sql<Date>`now()`).execute();
}

export async function recordLoginAttempt(
  db: Kysely<DB>,
  attempt: { phoneHash: string; ip: string; userId: number | null; succeeded: boolean },
) {
  await db
    .insertInto('login_attempts')
    .values({ phone_hash: attempt.phoneHash, ip: attempt.ip, user_id: attempt.userId, succeeded: attempt.succeeded })
    .execute();
}

/** Failed attempts in the window, for one phone number and for one address. */
export async function countRecentFailures(db: Kysely<DB>, phoneHash: string, ip: string, minutes: number) {
  const since = sql<Date>`now() - make_interval(mins => ${minutes})`;
  const row = await db
    .selectNoFrom((eb) => [
      eb.selectFrom('login_attempts').select((e) => e.fn.countAll<number>().as('n'))
        .where('phone_hash', '=', phoneHash).where('succeeded', '=', false).where('at', '>', since).as('byPhone'),
      eb.selectFrom('login_attempts').select((e) => e.fn.countAll<number>().as('n'))
        .where('ip', '=', ip).where('succeeded', '=', false).where('at', '>', since).as('byIp'),
    ])
    .executeTakeFirstOrThrow();
  return { byPhone: Number(row.byPhone ?? 0), byIp: Number(row.byIp ?? 0) };
}

export async function updatePassword(db: Kysely<DB>, userId: number, passwordHash: string) {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash, must_change_password: false, password_changed_at: sql<Date>`now()`, updated_at: sql<Date>`now()` })
    .where('id', '=', userId)
    .execute();
}

export function insertUser(
  db: Kysely<DB>,
  user: { name: string; phone_hash: string; phone_enc: string; phone_masked: string; password_hash: string; region_code: string; must_change_password: boolean; created_by: number | null },
) {
  return db.insertInto('users').values(user).returning('id').executeTakeFirstOrThrow();
}

export async function insertGrant(db: Kysely<DB>, grant: { user_id: number; role: Role; site_id: number; region_code: string; granted_by: number | null }) {
  return db.insertInto('grants').values(grant)
    .onConflict((oc) => oc.columns(['user_id', 'role', 'site_id']).doNothing())
    .returning('id').executeTakeFirst();
}
