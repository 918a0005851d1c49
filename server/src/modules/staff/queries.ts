import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { likeContains } from '../../lib/like.ts';
import { withinScope, type Actor, type Role } from '../../lib/scope.ts';

export interface StaffFilter {
  siteId?: number | undefined;
  role?: Role | undefined;
  q?: string | undefined;
  phoneSuffix?: string | undefined;
}

/** People holding a staff role (team leader and up) on a site inside the actor's scope. */
export function listStaff(db: Kysely<DB>, actor: Actor, filter: StaffFilter, afterId: number | null, limit: number) {
  let query = db.selectFrom('users')
    .select(['users.id', 'users.name', 'users.phone_masked', 'users.status', 'users.created_at'])
    .where((eb) => eb.exists(
      eb.selectFrom('grants').select(sql`1`.as('one'))
        .whereRef('grants.user_id', '=', 'users.id')
        .where('grants.role', 'not in', ['resident', 'volunteer'])
        .where(withinScope(actor, 'grants.region_code'))
        .$if(!!filter.siteId, (qb) => qb.where('grants.site_id', '=', filter.siteId!))
        .$if(!!filter.role, (qb) => qb.where('grants.role', '=', filter.role!)),
    ));
  if (filter.q) query = query.where('users.name', 'like', likeContains(filter.q));
  if (filter.phoneSuffix) query = query.where('users.phone_masked', 'like', `%${filter.phoneSuffix}`);
  if (afterId) query = query.where('users.id', '>', afterId);
  return query.orderBy('users.id').limit(limit + 1).execute();
}

/** Grants of these users that lie inside the actor's scope. */
export function scopedGrantsOf(db: Kysely<DB>, actor: Actor, userIds: number[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('grants').innerJoin('sites', 'sites.id', 'grants.site_id')
    .select(['grants.id', 'grants.user_id', 'grants.role', 'grants.region_code', 'sites.id as site_id', 'sites.name as site_name', 'sites.kind as site_kind'])
    .where('grants.user_id', 'in', userIds).where(withinScope(actor, 'grants.region_code'))
    .orderBy('grants.id').execute();
}

/** Every grant of these users (for whether the actor outranks them all; never shown). */
export function allGrantsOf(db: Kysely<DB>, userIds: number[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('grants').select(['user_id', 'role', 'region_code']).where('user_id', 'in', userIds).execute();
}

/** A user the actor may manage: one living or holding a role inside the actor's scope. */
export function findUserInScope(db: Kysely<DB>, actor: Actor, userId: number) {
  return db.selectFrom('users').select(['id', 'name', 'phone_masked', 'status', 'created_at', 'region_code'])
    .where('id', '=', userId)
    .where((eb) => eb.or([
      withinScope(actor, 'users.region_code'),
      eb.exists(eb.selectFrom('grants').select(sql`1`.as('one')).whereRef('grants.user_id', '=', 'users.id').where(withinScope(actor, 'grants.region_code'))),
    ]))
    .executeTakeFirst();
}

export async function deleteGrant(db: Kysely<DB>, grantId: number) {
  await db.deleteFrom('grants').where('id', '=', grantId).execute();
}

export async function setStatus(db: Kysely<DB>, userId: number, status: 'active' | 'disabled') {
  await db.updateTable('users').set({ status, updated_at: sql<Date>`now()` }).where('id', '=', userId).execute();
}

export async function setName(db: Kysely<DB>, userId: number, name: string) {
  await db.updateTable('users').set({ name, updated_at: sql<Date>`now()` }).where('id', '=', userId).execute();
}

export async function setTemporaryPassword(db: Kysely<DB>, userId: number, passwordHash: string) {
  await db.updateTable('users')
    .set({ password_hash: passwordHash, must_change_password: true, password_changed_at: sql<Date>`now()`, updated_at: sql<Date>`now()` })
    .where('id', '=', userId).execute();
}
