import { sql, type Insertable, type Kysely } from 'kysely';
import type { DB, MenuItemsTable, OrdersTable } from '../../db/schema.ts';
import { withinPrefixes, withinScope, type Actor } from '../../lib/scope.ts';

/** The states in which an order holds a place of its menu item (finished and cancelled ones free it). */
export const ordersInProgress = ['ordered', 'triaged', 'dispatched', 'accepted'];

const menuWithNames = (db: Kysely<DB>) => db.selectFrom('menu_items')
  .innerJoin('sites', 'sites.id', 'menu_items.site_id')
  .innerJoin('organizations', 'organizations.id', 'menu_items.organization_id')
  .selectAll('menu_items')
  .select(['sites.name as site_name', 'sites.kind as site_kind', 'organizations.name as organization_name'])
  .select(sql<number>`(SELECT count(*)::int FROM orders WHERE orders.menu_item_id = menu_items.id AND orders.status IN (${sql.join(ordersInProgress)}))`.as('used'));

export type MenuItemWithNames = Awaited<ReturnType<ReturnType<typeof menuWithNames>['executeTakeFirstOrThrow']>>;

export function insertMenuItem(db: Kysely<DB>, row: Insertable<MenuItemsTable>) {
  return db.insertInto('menu_items').values(row).returning('id').executeTakeFirstOrThrow();
}

export function findMenuItem(db: Kysely<DB>, id: number) {
  return menuWithNames(db).where('menu_items.id', '=', id).executeTakeFirst();
}

export function findScopedMenuItem(db: Kysely<DB>, actor: Actor, id: number) {
  return menuWithNames(db).where('menu_items.id', '=', id).where(withinScope(actor, 'menu_items.region_code')).executeTakeFirst();
}

/** Approved items of the given sites (a resident's station, institute and center). */
export function menuOf(db: Kysely<DB>, siteIds: number[], category: string | undefined) {
  let query = menuWithNames(db).where('menu_items.site_id', 'in', siteIds).where('menu_items.status', '=', 'approved');
  if (category) query = query.where('menu_items.category', '=', category);
  return query.orderBy('menu_items.category').orderBy('menu_items.id').execute();
}

export function scopedMenu(db: Kysely<DB>, actor: Actor, status: string | undefined) {
  let query = menuWithNames(db).where(withinScope(actor, 'menu_items.region_code'));
  if (status) query = query.where('menu_items.status', '=', status);
  return query.orderBy('menu_items.id', 'desc').limit(500).execute();
}

export async function decideMenuItem(db: Kysely<DB>, id: number, decision: { status: string; reason: string | null; by: number }) {
  const result = await db.updateTable('menu_items')
    .set({ status: decision.status, reject_reason: decision.reason, reviewed_by: decision.by, reviewed_at: sql<Date>`now()` })
    .where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The item locked (FOR UPDATE): orders for it wait here one by one. */
export function lockMenuItem(db: Kysely<DB>, id: number) {
  return db.selectFrom('menu_items').select(['id', 'status', 'capacity']).where('id', '=', id).forUpdate().executeTakeFirst();
}

/**
 * The places of an item taken by orders in progress. Asked after the lock, as a statement of
 * its own: under READ COMMITTED it then sees the orders of whoever held the lock before.
 */
export async function placesTaken(db: Kysely<DB>, menuItemId: number) {
  const row = await db.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('menu_item_id', '=', menuItemId).where('status', 'in', ordersInProgress).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Withdraws an item from the menu; false when it was not on it (any more). */
export async function retireMenuItem(db: Kysely<DB>, id: number) {
  const result = await db.updateTable('menu_items').set({ status: 'retired' }).where('id', '=', id).where('status', '=', 'approved').executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

const orderWithNames = (db: Kysely<DB>) => db.selectFrom('orders')
  .innerJoin('sites as home', 'home.id', 'orders.site_id')
  .innerJoin('sites as handler', 'handler.id', 'orders.handler_site_id')
  .leftJoin('organizations', 'organizations.id', 'orders.organization_id')
  .innerJoin('users as resident', 'resident.id', 'orders.resident_id')
  .selectAll('orders')
  .select(['home.name as site_name', 'handler.name as handler_name', 'handler.kind as handler_kind', 'organizations.name as organization_name',
    'resident.name as resident_name']);

export type OrderWithNames = Awaited<ReturnType<ReturnType<typeof orderWithNames>['executeTakeFirstOrThrow']>>;

export function insertOrder(db: Kysely<DB>, row: Insertable<OrdersTable>) {
  return db.insertInto('orders').values(row).returning('id').executeTakeFirstOrThrow();
}

export function findOrder(db: Kysely<DB>, id: number) {
  return orderWithNames(db).where('orders.id', '=', id).executeTakeFirst();
}

/** An order handled in, or coming from, the actor's area. */
export function findScopedOrder(db: Kysely<DB>, actor: Actor, id: number) {
  return orderWithNames(db).where('orders.id', '=', id)
    .where((eb) => eb.or([withinScope(actor, 'orders.handler_region_code'), withinScope(actor, 'orders.region_code')])).executeTakeFirst();
}

/** The dispatch board: open orders handled in the actor's area, overdue first, then by deadline. */
export function board(db: Kysely<DB>, actor: Actor, under: string | undefined) {
  let query = orderWithNames(db).where(withinScope(actor, 'orders.handler_region_code'))
    .where((eb) => eb.or([eb('orders.status', 'in', ['ordered', 'triaged', 'dispatched', 'accepted', 'delivered']),
      eb.and([eb('orders.status', '=', 'rated'), eb('orders.rated_at', '>', sql<Date>`now() - interval '7 days'`)])]));
  if (under) query = query.where(withinPrefixes([under], 'orders.handler_region_code'));
  return query.orderBy('orders.overdue', 'desc').orderBy(sql`orders.deadline NULLS LAST`).orderBy('orders.id').limit(1000).execute();
}

export function byResident(db: Kysely<DB>, userId: number) {
  return orderWithNames(db).where('orders.resident_id', '=', userId).orderBy('orders.id', 'desc').limit(100).execute();
}

/** Orders for teams: dispatched to them, or open for grabbing in their county. */
export function forTeams(db: Kysely<DB>, organizationIds: number[], counties: string[]) {
  if (organizationIds.length === 0) return Promise.resolve([]);
  return orderWithNames(db).where((eb) => eb.or([
    eb('orders.organization_id', 'in', organizationIds),
    eb.and([eb('orders.open_for_grab', '=', true), eb('orders.status', '=', 'dispatched'), withinPrefixes(counties, 'orders.handler_region_code')]),
  ])).orderBy('orders.id', 'desc').limit(200).execute();
}

/** Open orders past their deadline, locked for the escalation task. */
export function overdueOrders(db: Kysely<DB>, now: Date, limit: number) {
  return db.selectFrom('orders').innerJoin('sites', 'sites.id', 'orders.handler_site_id')
    .select(['orders.id', 'orders.status', 'orders.title', 'orders.handler_site_id', 'sites.parent_id', 'sites.kind as handler_kind'])
    .where('orders.status', 'in', ['ordered', 'triaged', 'dispatched', 'accepted', 'delivered']).where('orders.deadline', '<', now)
    .orderBy('orders.deadline').limit(limit).forUpdate('orders').skipLocked().execute();
}

