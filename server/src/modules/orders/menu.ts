// The life of a menu item after it is published: the level that published it (or one above)
// can retire it (下架: no new orders; the orders already placed go on), and an item with a
// capacity takes only as many orders in progress as it has places. Ordering locks the item
// row, so two residents ordering the last place at once cannot both get it.
import { inTransaction, type AppContext } from '../../context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { adminRoleSiteKind, adminRoles, rankOver, requireInScope, roleRank, type Actor, type SiteKind } from '../../lib/scope.ts';
import { recordAudit } from '../audit/service.ts';
import * as q from './queries.ts';

/** The rank of the admin role that runs a site of this kind (-1 for none). */
export const levelRank = (kind: string) => {
  const role = adminRoles.find((candidate) => adminRoleSiteKind[candidate] === (kind as SiteKind));
  return role ? roleRank(role) : -1;
};

/** The level that published an item, or one above it, takes it off the menu (audited with who did). */
export async function retireMenuItem(ctx: AppContext, actor: Actor, id: number) {
  const item = await requireInScope(actor, () => q.findScopedMenuItem(ctx.db, actor, id));
  if (rankOver(actor, item.region_code) < levelRank(item.site_kind)) {
    throw new AppError('FORBIDDEN', { detail: { zh: '只有发布该服务的一级或其上级可以下架', en: 'Only the level that published the item, or one above, can retire it' } });
  }
  await inTransaction(ctx, async (tx) => {
    if (!(await q.retireMenuItem(tx.db, id))) throw new AppError('INVALID_TRANSITION', { params: { state: item.status } });
    await recordAudit(tx, {
      actorId: actor.userId, action: 'menu_item_retire', subject: `menu_item:${id}`, regionCode: item.region_code, reason: null,
      details: { siteId: item.site_id, title: item.title, ordersInProgress: item.used },
    });
  });
  return (await q.findMenuItem(ctx.db, id))!;
}

export const retired = () => new AppError('MENU_ITEM_RETIRED', { field: 'menuItemId' });

/**
 * Takes a place of the item for a new order, in the order's transaction: the item row stays
 * locked until it commits, so the count of orders in progress cannot change underneath.
 */
export async function takePlace(tx: AppContext, menuItemId: number) {
  const item = await q.lockMenuItem(tx.db, menuItemId);
  if (!item) throw notFound('menuItemId');
  if (item.status === 'retired') throw retired();
  if (item.status !== 'approved') throw notFound('menuItemId');
  await requireFreePlace(tx, item);
}

/**
 * Staff reopen an order: one that had finished or been cancelled had given its place back,
 * so it takes one again, under the same lock and the same rule as a new order. One still in
 * progress keeps the place it holds. The item's own state does not matter here: retiring
 * stops new orders, and a reopened order is one already placed.
 */
export async function retakePlace(tx: AppContext, order: { id: number; menu_item_id: number | null }) {
  if (order.menu_item_id === null) return;
  const item = await q.lockMenuItem(tx.db, order.menu_item_id);
  // Its state read under the lock: whether it holds a place cannot change underneath any more.
  const status = (await q.findOrder(tx.db, order.id))?.status;
  if (item && status && !q.ordersInProgress.includes(status)) await requireFreePlace(tx, item);
}

/** Refuses when the orders in progress already fill the item's places (the item row locked). */
async function requireFreePlace(tx: AppContext, item: { id: number; capacity: number | null }) {
  if (item.capacity !== null && (await q.placesTaken(tx.db, item.id)) >= item.capacity) {
    throw new AppError('MENU_ITEM_FULL', {
      field: 'menuItemId',
      detail: { zh: `该服务共 ${item.capacity} 个名额，已满，请等有名额空出后再点单`, en: `All ${item.capacity} places of this service are taken; order again when one frees up` },
    });
  }
}
