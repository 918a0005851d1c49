// Service orders (点单 → 制单 → 派单 → 接单 → 送单 → 评单) on both front ends: the API's
// shapes (derived from the generated `paths`), the states as runtime lists, and the small
// rules both screens share: each order's timer, the board's order (overdue first), and what
// the person looking may do next.
import type { RequestBody as Body, Ok } from '../api/derive';
import type { paths } from '../api/schema';
import type { Translate } from './i18n';

export type MenuItem = Ok<paths['/api/v1/menu']['get']>['items'][number];
export type MenuItemStatus = MenuItem['status'];
export type NewMenuItem = Body<paths['/api/v1/menu/items']['post']>;
export type Order = Ok<paths['/api/v1/orders/mine']['get']>['items'][number];
export type OrderDetail = Ok<paths['/api/v1/orders/{id}']['get']>;
export type OrderStatus = Order['status'];
export type Board = Ok<paths['/api/v1/orders/board']['get']>;
export type BoardColumn = keyof Board['columns'];
export type Suggestion = Ok<paths['/api/v1/orders/{id}/suggestions']['get']>['organizations'][number];
export type DispatchRequest = Body<paths['/api/v1/orders/{id}/dispatch']['post']>;
export type Portal = Ok<paths['/api/v1/portals/{id}']['get']>;

export const orderStatuses: readonly OrderStatus[] = ['ordered', 'triaged', 'dispatched', 'accepted', 'delivered', 'rated', 'cancelled'];
export const boardColumns: readonly BoardColumn[] = ['ordered', 'triaged', 'dispatched', 'accepted', 'delivered', 'rated'];
export const menuItemStatuses: readonly MenuItemStatus[] = ['pending', 'approved', 'rejected', 'retired'];

/** The limits of the orders API's request schemas. */
export const orderLimits = {
  title: { min: 2, max: 60 },
  details: 1000,
  address: 200,
  menuDescription: 1000,
  place: 200,
  schedule: 100,
  capacity: 100000,
  reason: { min: 2, max: 200 },
  report: { min: 2, max: 2000 },
  photos: 9,
  ratingComment: 500,
  hours: { min: 1, max: 720 },
  note: 200,
} as const;

const isOneOf = <T extends string>(values: readonly T[], value: string): value is T => (values as readonly string[]).includes(value);
export const asOrderStatus = (code: string): OrderStatus | null => (isOneOf(orderStatuses, code) ? code : null);

/** An order's state in words (a code the web does not know shows as it is). */
export function orderStatusName(t: Translate, code: string): string {
  const status = asOrderStatus(code);
  return status ? t(`order.status.${status}`) : code;
}

const MINUTE = 60_000;

export interface Timer {
  /** Past the deadline of its current state. */
  late: boolean;
  /** Whole minutes left (or past, when late). */
  minutes: number;
}

/** The clock of an open order: time left in its state, or how long past; null when nothing waits (delivered, rated). */
export function timerOf(order: Pick<Order, 'deadline'>, now: number): Timer | null {
  if (!order.deadline) return null;
  const diff = Date.parse(order.deadline) - now;
  return { late: diff < 0, minutes: Math.floor(Math.abs(diff) / MINUTE) };
}

/** "2 天 3 小时", "5 小时 20 分", "12 分钟": the two largest units that matter. */
export function formatDuration(minutes: number, t: Translate): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return t('order.duration.dh', { d: days, h: hours });
  if (hours > 0) return t('order.duration.hm', { h: hours, m: rest });
  return t('order.duration.m', { m: rest });
}

/** "还剩 5 小时 20 分" or "已超时 2 小时 3 分". */
export function timerText(timer: Timer, t: Translate): string {
  return t(timer.late ? 'order.timer.late' : 'order.timer.left', { time: formatDuration(timer.minutes, t) });
}

/**
 * The board's order within a column: orders flagged overdue (escalated from below) first,
 * then those past their deadline, then the soonest deadline; orders without one last.
 */
export function boardSort<T extends Pick<Order, 'id' | 'overdue' | 'deadline'>>(orders: readonly T[], now: number): T[] {
  const due = (order: T) => (order.deadline ? Date.parse(order.deadline) : Number.POSITIVE_INFINITY);
  const rank = (order: T) => (order.overdue ? 0 : due(order) < now ? 1 : 2);
  return [...orders].sort((a, b) => rank(a) - rank(b) || due(a) - due(b) || a.id - b.id);
}

/** Orders needing attention on a board: flagged overdue or past their deadline. */
export function attentionCount(board: Board, now: number): number {
  return boardColumns.flatMap((column) => board.columns[column]).filter((order) => order.overdue || (timerOf(order, now)?.late ?? false)).length;
}

export type OrderStep = 'cancel' | 'rate' | 'accept' | 'decline' | 'grab' | 'deliver';

/** Where the person looking stands: they ordered it; the teams they lead. */
export interface OrderStanding {
  resident: boolean;
  myTeamIds: readonly number[];
}

/** What this person can do with an order on the phone, in the order the screen offers them. */
export function orderSteps(order: Pick<Order, 'status' | 'organization' | 'openForGrab'>, who: OrderStanding): OrderStep[] {
  const steps: OrderStep[] = [];
  const mine = order.organization !== null && who.myTeamIds.includes(order.organization.id);
  if (order.status === 'dispatched' && mine) steps.push('accept', 'decline');
  if (order.status === 'dispatched' && order.openForGrab && order.organization === null && who.myTeamIds.length > 0) steps.push('grab');
  if (order.status === 'accepted' && mine) steps.push('deliver');
  if (order.status === 'delivered' && who.resident) steps.push('rate');
  if (who.resident && (order.status === 'ordered' || order.status === 'triaged' || order.status === 'dispatched')) steps.push('cancel');
  return steps;
}

export type StaffStep = 'triage' | 'dispatch' | 'rate' | 'reopen';

/** What the handling area's staff can do next on the board. */
export function staffSteps(order: Pick<Order, 'status'>): StaffStep[] {
  switch (order.status) {
    case 'ordered': return ['triage'];
    case 'triaged': return ['dispatch'];
    case 'delivered': return ['rate', 'reopen']; // rate for the resident after a follow-up call (回访)
    case 'dispatched': case 'accepted': case 'rated': case 'cancelled': return ['reopen'];
  }
}

/** Sites one level up and down from the handler that an order may be passed to (home kinds only). */
export const passableKinds: readonly string[] = ['center', 'institute', 'station'];

const levels: readonly string[] = ['province', 'city', 'center', 'institute', 'station'];
/** How many digits of a region code name the area of a site of each level. */
const prefixLength = [2, 4, 6, 9, 12];
const adminRoles: readonly string[] = ['province_admin', 'city_admin', 'center_admin', 'institute_admin', 'station_admin'];

/**
 * Whether one of my roles is above a menu item's site and covers it, so I may review it (the
 * server decides; this keeps 通过/驳回 off the items of my own level, which wait for the level above).
 */
export function mayReviewMenuItem(item: { site: Pick<MenuItem['site'], 'kind' | 'regionCode'> }, grants: readonly { role: string; site: { kind: string; regionCode: string } }[]): boolean {
  const itemLevel = levels.indexOf(item.site.kind);
  return grants.some((grant) => {
    const mine = levels.indexOf(grant.site.kind);
    if (!adminRoles.includes(grant.role) || mine < 0 || itemLevel <= mine) return false;
    return item.site.regionCode.startsWith(grant.site.regionCode.slice(0, prefixLength[mine]));
  });
}
