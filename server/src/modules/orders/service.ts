// Service orders (点单 → 制单 → 派单 → 接单/抢单 → 送单 → 评单). Residents order from the menu
// their station, institute and center publish (or ask freely); the handling site triages and
// dispatches to a team, passes the order up or down a level, or opens it for grabbing; the
// team accepts or declines, delivers with a report, and the resident rates. Every open state
// has a deadline; past it the order escalates to the level above, flagged on its board.
import { sql } from 'kysely';
import { inTransaction, type AppContext } from '../../context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { maskName, maskPhone } from '../../lib/pii.ts';
import { regionLineage } from '../../lib/region-code.ts';
import { rejectionReason, type Review } from '../../lib/review.ts';
import { covers, rankOver, requireAdmin, requireInScope, type Actor } from '../../lib/scope.ts';
import { move, started, timeline } from '../../lib/workflow.ts';
import { checkOwnFiles } from '../files/service.ts';
import * as hours from '../hours/service.ts';
import * as inbox from '../inbox/service.ts';
import * as matching from '../matching/service.ts';
import * as organizations from '../organizations/service.ts';
import * as sites from '../sites/service.ts';
import * as volunteers from '../volunteers/service.ts';
import * as menu from './menu.ts';
import * as q from './queries.ts';

const HOUR = 3600_000;
/** How long each open state may last before the order escalates (hours). */
/** Hours each state may last; a delivered order waits this long for the resident's rating, then the level above follows it up (回访). */
export const stateDeadlineHours: Record<string, number> = { ordered: 24, triaged: 24, dispatched: 24, accepted: 72, delivered: 72 };
const deadlineFor = (status: string, now = new Date()) => new Date(now.getTime() + (stateDeadlineHours[status] ?? 24) * HOUR);

export type OrderStatus = 'ordered' | 'triaged' | 'dispatched' | 'accepted' | 'delivered' | 'rated' | 'cancelled';

function invalid(field: string, zh: string, en: string) {
  return new AppError('VALIDATION_FAILED', { field, detail: { zh, en } });
}

// The menu (制单) ---------------------------------------------------------------

export interface MenuItemInput {
  siteId: number;
  organizationId: number;
  title: string;
  category: string;
  description?: string | null | undefined;
  place?: string | null | undefined;
  schedule?: string | null | undefined;
  capacity?: number | null | undefined;
}


function presentMenuItem(row: q.MenuItemWithNames) {
  return {
    id: row.id, title: row.title, category: row.category, description: row.description, place: row.place, schedule: row.schedule,
    capacity: row.capacity, used: row.used, status: row.status as 'pending' | 'approved' | 'rejected' | 'retired', rejectReason: row.reject_reason,
    site: { id: row.site_id, name: row.site_name, kind: row.site_kind, regionCode: row.region_code },
    organization: { id: row.organization_id, name: row.organization_name },
  };
}

/** A site's staff put a team's service on the menu; the level above approves it. */
export async function createMenuItem(ctx: AppContext, actor: Actor, input: MenuItemInput) {
  const site = await sites.findSiteInScope(ctx, actor, input.siteId);
  if (!site || !sites.homeSiteKinds.includes(site.kind)) throw notFound('siteId');
  const organization = await organizations.organizationManagedBy(ctx, actor, input.organizationId);
  if (!organization || organization.status !== 'approved') throw notFound('organizationId');
  const approved = rankOver(actor, site.regionCode) > menu.levelRank(site.kind);
  const { id } = await q.insertMenuItem(ctx.db, {
    site_id: site.id, region_code: site.regionCode, organization_id: organization.id, title: input.title.trim(), category: input.category,
    description: input.description ?? null, place: input.place ?? null, schedule: input.schedule ?? null, capacity: input.capacity ?? null,
    status: approved ? 'approved' : 'pending', reviewed_by: approved ? actor.userId : null, reviewed_at: approved ? new Date() : null, created_by: actor.userId,
  });
  return presentMenuItem((await q.findMenuItem(ctx.db, id))!);
}

export async function reviewMenuItem(ctx: AppContext, actor: Actor, id: number, review: Review) {
  const item = await requireInScope(actor, () => q.findScopedMenuItem(ctx.db, actor, id));
  if (rankOver(actor, item.region_code) <= menu.levelRank(item.site_kind)) {
    throw new AppError('FORBIDDEN', { detail: { zh: '菜单须由上一级审核', en: 'The level above reviews the menu' } });
  }
  const reason = rejectionReason(review);
  if (!(await q.decideMenuItem(ctx.db, id, { status: reason === null ? 'approved' : 'rejected', reason, by: actor.userId }))) {
    throw new AppError('ALREADY_DECIDED');
  }
  return presentMenuItem((await q.findMenuItem(ctx.db, id))!);
}

/** What a resident of a site can order: its station's, institute's and center's approved items (public). */
export async function menuFor(ctx: AppContext, siteId: number, category: string | undefined) {
  const site = await sites.findHomeSite(ctx, siteId);
  if (!site) throw notFound('siteId');
  const lineage = await sites.networkSitesOn(ctx, regionLineage(site.regionCode));
  return { items: (await q.menuOf(ctx.db, [...lineage.values()].map((s) => s.id), category)).map(presentMenuItem) };
}

/** The level that published an item takes it off the menu (下架). */
export async function retireMenuItem(ctx: AppContext, actor: Actor, id: number) {
  return presentMenuItem(await menu.retireMenuItem(ctx, actor, id));
}

export async function staffMenu(ctx: AppContext, actor: Actor, status: string | undefined) {
  requireAdmin(actor);
  return { items: (await q.scopedMenu(ctx.db, actor, status)).map(presentMenuItem) };
}

// Orders -------------------------------------------------------------------------

/** Staff read their messages in the console (the order opened on the board); residents and teams on the phone. */
const consoleLink = (id: number) => `/orders?order=${id}`;
const phoneLink = (id: number) => `/m/orders/${id}`;
const leadersOf = (tx: AppContext, organizationId: number | null) => organizations.leaderUserIds(tx, organizationId ? [organizationId] : []);

function presentOrder(ctx: AppContext, row: q.OrderWithNames, full: boolean) {
  return {
    id: row.id,
    title: row.title,
    details: row.details,
    category: row.category,
    menuItemId: row.menu_item_id,
    resident: full ? row.resident_name : maskName(row.resident_name),
    contactPhone: full && row.contact_phone_enc ? ctx.pii.decrypt(row.contact_phone_enc) : row.contact_phone_masked,
    address: full ? row.address : null,
    site: { id: row.site_id, name: row.site_name, regionCode: row.region_code },
    handler: { id: row.handler_site_id, name: row.handler_name, kind: row.handler_kind, regionCode: row.handler_region_code },
    status: row.status as OrderStatus,
    organization: row.organization_id ? { id: row.organization_id, name: row.organization_name ?? '' } : null,
    openForGrab: row.open_for_grab,
    deadline: row.deadline?.toISOString() ?? null,
    overdue: row.overdue,
    escalations: row.escalations,
    declineReason: row.decline_reason,
    deliveryReport: row.delivery_report,
    deliveryPhotos: row.delivery_photos.map((id) => `/api/v1/files/${id}`),
    rating: row.rating,
    ratingComment: row.rating_comment,
    createdAt: row.created_at.toISOString(),
  };
}

/** Who may act on an order: the handling area's staff, the resident, or the team it went to. */
async function roleOn(ctx: AppContext, actor: Actor, row: q.OrderWithNames) {
  return {
    staff: covers(actor, row.handler_region_code) || covers(actor, row.region_code),
    resident: row.resident_id === actor.userId,
    team: row.organization_id !== null && (await organizations.organizationManagedBy(ctx, actor, row.organization_id)) !== null,
  };
}

export async function getOrder(ctx: AppContext, actor: Actor, id: number) {
  const row = await q.findOrder(ctx.db, id);
  const role = row ? await roleOn(ctx, actor, row) : null;
  // An order open for grabbing is on a public board of its county: any signed-in team may look.
  const grabbable = row?.open_for_grab && row.status === 'dispatched';
  if (!row || !role || (!role.staff && !role.resident && !role.team && !grabbable)) throw notFound('id');
  const events = await timeline(ctx, 'order', id);
  return {
    ...presentOrder(ctx, row, role.staff || role.resident || role.team),
    timeline: events.map((e) => ({ from: e.from_status, to: e.to_status, note: e.note, actor: e.actor_name ? maskName(e.actor_name) : null, at: e.at.toISOString() })),
  };
}

export interface OrderInput {
  menuItemId?: number | undefined;
  title?: string | undefined;
  details?: string | null | undefined;
  category?: string | undefined;
  siteId: number;
  address?: string | null | undefined;
  contactPhone?: string | null | undefined;
}

/** A resident orders a menu item, or asks for something off the menu. */
export async function placeOrder(ctx: AppContext, actor: Actor, input: OrderInput) {
  const site = await sites.findHomeSite(ctx, input.siteId);
  if (!site) throw notFound('siteId');
  let title = input.title?.trim();
  let category = input.category;
  if (input.menuItemId) {
    const item = await q.findMenuItem(ctx.db, input.menuItemId);
    const offered = (await menuFor(ctx, site.id, undefined)).items.some((i) => i.id === input.menuItemId);
    if (!item || !offered) throw item?.status === 'retired' ? menu.retired() : notFound('menuItemId');
    title ??= item.title;
    category ??= item.category;
  }
  if (!title || !category) throw invalid('title', '请选择菜单服务，或写明需要的服务和类别', 'Choose a menu item, or say what you need and its category');
  const id = await inTransaction(ctx, async (tx) => {
    if (input.menuItemId) await menu.takePlace(tx, input.menuItemId);
    const row = await q.insertOrder(tx.db, {
      menu_item_id: input.menuItemId ?? null, title, details: input.details ?? null, category, resident_id: actor.userId,
      contact_phone_enc: input.contactPhone ? ctx.pii.encrypt(input.contactPhone) : null,
      contact_phone_masked: input.contactPhone ? maskPhone(input.contactPhone) : null, address: input.address ?? null,
      site_id: site.id, region_code: site.regionCode, handler_site_id: site.id, handler_region_code: site.regionCode, deadline: deadlineFor('ordered'),
    });
    await started(tx, 'order', row.id, 'ordered', actor.userId);
    await inbox.notify(tx, await sites.staffOf(tx, site.id), {
      kind: 'order_new', title: `新的点单：${title}`, body: '请在 24 小时内分拣派单。', link: consoleLink(row.id),
    });
    return row.id;
  });
  return getOrder(ctx, actor, id);
}

/** The handling area's staff, or 404. */
async function handled(ctx: AppContext, actor: Actor, id: number) {
  const row = await requireInScope(actor, () => q.findScopedOrder(ctx.db, actor, id));
  if (!covers(actor, row.handler_region_code)) throw notFound('id');
  return row;
}

export async function triageOrder(ctx: AppContext, actor: Actor, id: number) {
  const order = await handled(ctx, actor, id);
  await inTransaction(ctx, async (tx) => {
    await move(tx, { subject: 'order', id, from: ['ordered'], to: 'triaged', actorId: actor.userId, set: { deadline: deadlineFor('triaged'), overdue: false } });
    await inbox.notify(tx, [order.resident_id], { kind: 'order_triaged', title: `您的点单“${order.title}”已受理`, body: '工作人员正在为您安排服务队伍。', link: phoneLink(id) });
  });
  return getOrder(ctx, actor, id);
}

export interface Dispatch {
  /** To a team of the handling area; or open it for grabbing; or pass it to another level's site. */
  organizationId?: number | undefined;
  openForGrab?: boolean | undefined;
  passToSiteId?: number | undefined;
  hours?: number | undefined;
  note?: string | undefined;
}

export async function dispatchOrder(ctx: AppContext, actor: Actor, id: number, dispatch: Dispatch) {
  const order = await handled(ctx, actor, id);
  const chosen = [dispatch.organizationId !== undefined, dispatch.openForGrab === true, dispatch.passToSiteId !== undefined].filter(Boolean).length;
  if (chosen !== 1) throw invalid('organizationId', '请选择派给队伍、开放抢单或转交上下级之一', 'Choose one: a team, open for grabbing, or another level');
  const deadline = new Date(Date.now() + (dispatch.hours ?? stateDeadlineHours.dispatched!) * HOUR);
  await inTransaction(ctx, async (tx) => {
    if (dispatch.passToSiteId !== undefined) {
      const target = await sites.findSite(tx, dispatch.passToSiteId);
      const handlerSite = await sites.findSite(tx, order.handler_site_id);
      // One level up (to the site above, even outside my area) or one level down.
      const adjacent = target && handlerSite && (target.id === handlerSite.parentId || target.parentId === handlerSite.id);
      if (!target || !adjacent || !sites.homeSiteKinds.includes(target.kind)) throw notFound('passToSiteId');
      await move(tx, {
        subject: 'order', id, from: ['triaged'], to: 'triaged', actorId: actor.userId, note: dispatch.note ?? `转交${target.name}`,
        // The receiving level has the hours asked for (else the usual day) to dispatch it.
        set: { handler_site_id: target.id, handler_region_code: target.regionCode, deadline: dispatch.hours ? deadline : deadlineFor('triaged'), overdue: false },
      });
      await inbox.notify(tx, await sites.staffOf(tx, target.id), {
        kind: 'order_passed', title: `转来的点单：${order.title}`, body: `${order.handler_name}转交，请分拣派单。`, link: consoleLink(id),
      });
      return;
    }
    if (dispatch.organizationId !== undefined) {
      const team = await organizations.organizationManagedBy(tx, actor, dispatch.organizationId);
      if (!team || team.status !== 'approved' || !covers(actor, team.regionCode)) throw notFound('organizationId');
    }
    await move(tx, {
      subject: 'order', id, from: ['triaged'], to: 'dispatched', actorId: actor.userId, note: dispatch.note ?? null,
      set: { organization_id: dispatch.organizationId ?? null, open_for_grab: dispatch.openForGrab === true, deadline, overdue: false, decline_reason: null },
    });
    const leaders = dispatch.organizationId ? await organizations.leaderUserIds(tx, [dispatch.organizationId]) : [];
    await inbox.notify(tx, leaders, { kind: 'order_dispatched', title: `派单：${order.title}`, body: '请尽快接单或说明原因。', link: phoneLink(id) }); // leaders use the phone
    await inbox.notify(tx, [order.resident_id], { kind: 'order_dispatched', title: `您的点单“${order.title}”已派单`, body: '服务队伍接单后会与您联系。', link: phoneLink(id) }, { sms: true });
  });
  return getOrder(ctx, actor, id);
}

/** The team the order went to accepts it. */
export async function acceptOrder(ctx: AppContext, actor: Actor, id: number) {
  const order = await q.findOrder(ctx.db, id);
  if (!order || !(await roleOn(ctx, actor, order)).team) throw notFound('id');
  await inTransaction(ctx, async (tx) => {
    await move(tx, { subject: 'order', id, from: ['dispatched'], to: 'accepted', actorId: actor.userId, set: { deadline: deadlineFor('accepted'), overdue: false } });
    await tellTaken(tx, order, order.organization_name ?? '服务队伍', 'order_accepted');
  });
  return getOrder(ctx, actor, id);
}

/** A team took the order (accepted it, or grabbed it): the handling staff and the resident are told. */
async function tellTaken(tx: AppContext, order: q.OrderWithNames, team: string, kind: 'order_accepted' | 'order_grabbed') {
  const verb = kind === 'order_grabbed' ? '抢单' : '接单';
  await inbox.notify(tx, await sites.staffOf(tx, order.handler_site_id), { kind, title: `已${verb}：${order.title}`, body: `${team}已${verb}，请跟进服务。`, link: consoleLink(order.id) });
  await inbox.notify(tx, [order.resident_id], { kind, title: `您的点单“${order.title}”已有队伍${verb}`, body: `${team}会尽快与您联系。`, link: phoneLink(order.id) });
}

/** The team declines with a reason; the order goes back to the handling site to dispatch again. */
export async function declineOrder(ctx: AppContext, actor: Actor, id: number, reason: string) {
  const order = await q.findOrder(ctx.db, id);
  if (!order || !(await roleOn(ctx, actor, order)).team) throw notFound('id');
  await inTransaction(ctx, async (tx) => {
    await move(tx, {
      subject: 'order', id, from: ['dispatched'], to: 'triaged', actorId: actor.userId, note: `拒单：${reason}`,
      set: { organization_id: null, open_for_grab: false, decline_reason: reason, deadline: deadlineFor('triaged') },
    });
    await inbox.notify(tx, await sites.staffOf(tx, order.handler_site_id), {
      kind: 'order_declined', title: `拒单：${order.title}`, body: `${order.organization_name ?? '队伍'}：${reason}。请重新派单。`, link: consoleLink(id),
    });
  });
  // The team no longer holds the order: it learns only that it went back.
  return { id, status: 'triaged' as const };
}

/** 抢单: the first eligible team takes an open order; everyone else is told it is gone. */
export async function grabOrder(ctx: AppContext, actor: Actor, id: number, organizationId: number) {
  const team = await organizations.organizationManagedBy(ctx, actor, organizationId);
  const order = await q.findOrder(ctx.db, id);
  if (!order || !team || team.status !== 'approved' || team.regionCode.slice(0, 6) !== order.handler_region_code.slice(0, 6)) throw notFound('id');
  try {
    await inTransaction(ctx, async (tx) => {
      await move(tx, {
        subject: 'order', id, from: ['dispatched'], to: 'accepted', actorId: actor.userId, note: `抢单：${team.name}`,
        when: sql<boolean>`t.open_for_grab AND t.organization_id IS NULL`,
        set: { organization_id: organizationId, open_for_grab: false, deadline: deadlineFor('accepted'), overdue: false },
      });
      await tellTaken(tx, order, team.name, 'order_grabbed');
    });
  } catch (error) {
    // Lost the race (or the order was taken back): say so in words, not as a state code.
    if (error instanceof AppError && error.code === 'INVALID_TRANSITION') {
      throw new AppError('CONFLICT', { detail: { zh: '手慢了，这个点单已被其他队伍抢走或已收回', en: 'Too late: another team has taken this order, or it was taken back' } });
    }
    throw error;
  }
  return getOrder(ctx, actor, id);
}

export interface Delivery {
  report: string;
  photos?: string[] | undefined;
  participants?: { volunteerId: number; minutes: number }[] | undefined;
}

/** The team delivers with a report; the members' hours go into the ledger in the same transaction. */
export async function deliverOrder(ctx: AppContext, actor: Actor, id: number, delivery: Delivery) {
  const order = await q.findOrder(ctx.db, id);
  if (!order || !(await roleOn(ctx, actor, order)).team || !order.organization_id) throw notFound('id');
  const participants = delivery.participants ?? [];
  await organizations.requireActiveMembers(ctx, order.organization_id, participants.map((p) => p.volunteerId));
  await checkOwnFiles(ctx, actor.userId, delivery.photos ?? []);
  const now = new Date();
  await inTransaction(ctx, async (tx) => {
    await move(tx, {
      subject: 'order', id, from: ['accepted'], to: 'delivered', actorId: actor.userId, note: delivery.report,
      set: {
        delivery_report: delivery.report, delivery_photos: delivery.photos ?? [], delivered_at: now, deadline: deadlineFor('delivered', now), overdue: false,
        delivered_on_time: order.deadline === null || order.deadline >= now,
      },
    });
    await hours.recordServiceHoursOfAll(tx, participants.map((person) => ({
      volunteerId: person.volunteerId, source: 'order', sourceId: id, organizationId: order.organization_id, siteId: order.site_id,
      regionCode: order.region_code, startedAt: new Date(now.getTime() - person.minutes * 60_000), endedAt: now, minutes: person.minutes,
      content: `点单服务：${order.title}`, recordedBy: actor.userId,
    })));
    await inbox.notify(tx, [order.resident_id], { kind: 'order_delivered', title: `您的点单“${order.title}”已完成`, body: '请为这次服务评价。', link: phoneLink(id) }, { sms: true });
    await inbox.notify(tx, await sites.staffOf(tx, order.handler_site_id), {
      kind: 'order_delivered', title: `已送单：${order.title}`, body: `${order.organization_name ?? '服务队伍'}已完成服务，等待居民评价。`, link: consoleLink(id),
    });
  });
  return getOrder(ctx, actor, id);
}

/**
 * The resident rates the service; or staff over the order rate it for them after asking
 * them (回访), as a resident without the app or past the rating's deadline needs.
 */
export async function rateOrder(ctx: AppContext, actor: Actor, id: number, rating: { score: number; comment?: string | null | undefined }) {
  const row = await q.findOrder(ctx.db, id);
  const forResident = row !== undefined && row.resident_id !== actor.userId && (covers(actor, row.handler_region_code) || covers(actor, row.region_code));
  await inTransaction(ctx, async (tx) => {
    await move(tx, {
      subject: 'order', id, from: ['delivered'], to: 'rated', actorId: actor.userId,
      ...(forResident ? { note: '回访代评' } : { by: sql<boolean>`t.resident_id = ${actor.userId}` }),
      set: { rating: rating.score, rating_comment: rating.comment ?? null, rated_at: new Date(), deadline: null, overdue: false },
    });
    const order = (await q.findOrder(tx.db, id))!;
    await inbox.notify(tx, await leadersOf(tx, order.organization_id), {
      kind: 'order_rated', title: `居民评价：${order.title}`, body: `${rating.score} 星${rating.comment ? `，“${rating.comment}”` : ''}`, link: phoneLink(id),
    });
  });
  return getOrder(ctx, actor, id);
}

/** The resident cancels an order not yet being served. */
export async function cancelOrder(ctx: AppContext, actor: Actor, id: number) {
  await inTransaction(ctx, async (tx) => {
    await move(tx, {
      subject: 'order', id, from: ['ordered', 'triaged', 'dispatched'], to: 'cancelled', actorId: actor.userId, by: sql<boolean>`t.resident_id = ${actor.userId}`,
      set: { deadline: null, overdue: false },
    });
    const order = (await q.findOrder(tx.db, id))!;
    const message = { kind: 'order_cancelled', title: `点单已取消：${order.title}`, body: '居民取消了这个点单，无需再服务。' };
    await inbox.notify(tx, await sites.staffOf(tx, order.handler_site_id), { ...message, link: consoleLink(id) });
    await inbox.notify(tx, await leadersOf(tx, order.organization_id), { ...message, link: phoneLink(id) });
  });
  return getOrder(ctx, actor, id);
}

/**
 * Staff take a dispatch back, or reopen a finished order: it returns to triage. The hours a
 * delivery recorded are reversed with it (reason and actor kept in the ledger), so the
 * next delivery records the service afresh and nobody is credited twice. A finished or
 * cancelled order takes a place of its menu item again, refused when the item is full.
 */
export async function reopenOrder(ctx: AppContext, actor: Actor, id: number, note: string) {
  const order = await handled(ctx, actor, id);
  await inTransaction(ctx, async (tx) => {
    await menu.retakePlace(tx, order);
    await move(tx, {
      subject: 'order', id, from: ['dispatched', 'accepted', 'delivered', 'rated', 'cancelled'], to: 'triaged', actorId: actor.userId, note,
      set: { organization_id: null, open_for_grab: false, deadline: deadlineFor('triaged'), overdue: false },
    });
    await hours.reverseServiceHours(tx, { source: 'order', sourceId: id }, `订单重开：${note}`, actor.userId);
    const message = { kind: 'order_reopened', title: `点单重新安排：${order.title}`, link: phoneLink(id) };
    await inbox.notify(tx, await leadersOf(tx, order.organization_id), { ...message, body: `工作人员收回了这个点单：${note}` });
    await inbox.notify(tx, [order.resident_id], { ...message, body: `工作人员将重新为您安排：${note}` });
  });
  return getOrder(ctx, actor, id);
}

/**
 * Orders past their state's deadline move up to the level above (station → institute →
 * center → city), flagged overdue there; the new handler's staff are told. `now` is a
 * parameter so tests control the clock.
 */
export async function escalateOverdueOrders(ctx: AppContext, now = new Date()) {
  return inTransaction(ctx, async (tx) => {
    const overdue = await q.overdueOrders(tx.db, now, 200);
    for (const order of overdue) {
      const above = order.parent_id ? await sites.findSite(tx, order.parent_id) : null;
      const target = above ?? (await sites.findSite(tx, order.handler_site_id))!;
      await tx.db.updateTable('orders').set({
        handler_site_id: target.id, handler_region_code: target.regionCode, overdue: true, escalations: sql<number>`escalations + 1`,
        deadline: deadlineFor(order.status, now), updated_at: now,
      }).where('id', '=', order.id).execute();
      await tx.db.insertInto('workflow_events').values({
        subject: 'order', subject_id: order.id, from_status: order.status, to_status: order.status, actor_id: null, note: `超时未处理，升级至${target.name}`,
      }).execute();
      await inbox.notify(tx, await sites.staffOf(tx, target.id), {
        kind: 'order_escalated', title: `超时点单：${order.title}`, link: consoleLink(order.id),
        body: order.status === 'delivered' ? '服务已完成，居民超时未评价，请回访并代为评价。' : '下级超时未处理，已升级到本级，请督办。',
      });
    }
    return overdue.length;
  });
}

/** The dispatch board: columns by state, overdue first. */
export async function dispatchBoard(ctx: AppContext, actor: Actor, under: string | undefined) {
  requireAdmin(actor);
  const rows = await q.board(ctx.db, actor, under);
  const columns: Record<string, ReturnType<typeof presentOrder>[]> = { ordered: [], triaged: [], dispatched: [], accepted: [], delivered: [], rated: [] };
  for (const row of rows) columns[row.status]?.push(presentOrder(ctx, row, true));
  return { columns, overdue: rows.filter((row) => row.overdue).length };
}

export async function myOrders(ctx: AppContext, actor: Actor) {
  return { items: (await q.byResident(ctx.db, actor.userId)).map((row) => presentOrder(ctx, row, true)) };
}

/** For team leaders: orders sent to their teams, and open ones they may grab; and those teams (approved ones grab). */
export async function teamOrders(ctx: AppContext, actor: Actor) {
  const teams = await organizations.organizationsLedBy(ctx, (await volunteers.volunteerOfUser(ctx, actor.userId))?.id ?? null);
  const counties = await organizations.countiesOf(ctx, teams);
  const led = teams.length === 0 ? [] : await ctx.db.selectFrom('organizations').select(['id', 'name'])
    .where('id', 'in', teams).where('status', '=', 'approved').orderBy('id').execute();
  return {
    items: (await q.forTeams(ctx.db, teams, counties)).map((row) => presentOrder(ctx, row, row.organization_id !== null && teams.includes(row.organization_id))),
    teams: led,
  };
}


/** Teams and volunteers who could serve this order, each with the reasons. */
export async function suggestionsForOrder(ctx: AppContext, actor: Actor, id: number) {
  const order = await handled(ctx, actor, id);
  const item = order.menu_item_id ? await q.findMenuItem(ctx.db, order.menu_item_id) : undefined;
  return matching.suggest(ctx, actor, {
    regionCode: order.region_code, categories: [order.category], siteId: order.site_id, text: `${order.title} ${order.details ?? ''}`, schedule: item?.schedule,
  });
}
