import type { AppContext } from '../../context.ts';
import type { App } from '../../http/app-types.ts';
import { errorResponses, IdParams, ReviewRequest, Suggestions } from '../../http/schemas.ts';
import { requireActor } from '../auth/service.ts';
import {
  Board, BoardQuery, Declined, DeclineRequest, DeliverRequest, DispatchRequest, GrabRequest, MenuItem, MenuItemInput, MenuList, MenuQuery, OrderDetail, OrderInput,
  OrderList, RateRequest, ReopenRequest, StaffMenuQuery, TeamOrderList,
} from './schemas.ts';
import * as orders from './service.ts';

const tags = ['orders'];
const detail = { 200: OrderDetail, ...errorResponses };

export function orderRoutes(app: App, ctx: AppContext) {
  app.get('/menu', {
    config: { access: 'public' },
    schema: { tags, summary: 'What a resident of a site can order (public)', querystring: MenuQuery, response: { 200: MenuList, ...errorResponses } },
  }, async (request) => orders.menuFor(ctx, request.query.siteId, request.query.category));

  app.get('/menu/items', {
    config: { access: 'staff' },
    schema: { tags, summary: 'Menu items of my area (review queue with status=pending)', querystring: StaffMenuQuery, response: { 200: MenuList, ...errorResponses } },
  }, async (request) => orders.staffMenu(ctx, requireActor(request), request.query.status));

  app.post('/menu/items', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Put a team’s service on a site’s menu (制单)', body: MenuItemInput, response: { 201: MenuItem, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await orders.createMenuItem(ctx, requireActor(request), request.body)));

  app.post('/menu/items/:id/review', {
    config: { access: 'staff' },
    schema: { tags, summary: 'Approve or reject a menu item (the level above)', params: IdParams, body: ReviewRequest, response: { 200: MenuItem, ...errorResponses } },
  }, async (request) => orders.reviewMenuItem(ctx, requireActor(request), request.params.id, request.body));

  app.post('/menu/items/:id/retire', {
    config: { access: 'staff' },
    schema: { tags, summary: 'Take an item off the menu (下架): no new orders; those placed go on', params: IdParams, response: { 200: MenuItem, ...errorResponses } },
  }, async (request) => orders.retireMenuItem(ctx, requireActor(request), request.params.id));

  app.post('/orders', {
    config: { access: 'signedIn', idempotent: true },
    schema: { tags, summary: 'Order a menu item or ask for a service (点单)', body: OrderInput, response: { 201: OrderDetail, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await orders.placeOrder(ctx, requireActor(request), request.body)));

  app.get('/orders/mine', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'My orders and their state', response: { 200: OrderList, ...errorResponses } },
  }, async (request) => orders.myOrders(ctx, requireActor(request)));

  app.get('/orders/team', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Orders for the teams I lead, and open ones to grab; the teams I lead', response: { 200: TeamOrderList, ...errorResponses } },
  }, async (request) => orders.teamOrders(ctx, requireActor(request)));

  app.get('/orders/board', {
    config: { access: 'staff' },
    schema: { tags, summary: 'The dispatch board: columns by state, overdue first', querystring: BoardQuery, response: { 200: Board, ...errorResponses } },
  }, async (request) => orders.dispatchBoard(ctx, requireActor(request), request.query.under));

  app.get('/orders/:id', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'One order with its timeline', params: IdParams, response: detail },
  }, async (request) => orders.getOrder(ctx, requireActor(request), request.params.id));

  app.get('/orders/:id/suggestions', {
    config: { access: 'staff' },
    schema: { tags, summary: 'Teams and volunteers who could serve it, ranked, with reasons', params: IdParams, response: { 200: Suggestions, ...errorResponses } },
  }, async (request) => orders.suggestionsForOrder(ctx, requireActor(request), request.params.id));

  app.post('/orders/:id/triage', {
    config: { access: 'staff' },
    schema: { tags, summary: 'Take the order in (分拣)', params: IdParams, response: detail },
  }, async (request) => orders.triageOrder(ctx, requireActor(request), request.params.id));

  app.post('/orders/:id/dispatch', {
    config: { access: 'staff' },
    schema: { tags, summary: 'Dispatch to a team, open for grabbing, or pass up/down a level (派单)', params: IdParams, body: DispatchRequest, response: detail },
  }, async (request) => orders.dispatchOrder(ctx, requireActor(request), request.params.id, request.body));

  app.post('/orders/:id/accept', {
    config: { access: 'signedIn', idempotent: true },
    schema: { tags, summary: 'The team accepts (接单)', params: IdParams, response: detail },
  }, async (request) => orders.acceptOrder(ctx, requireActor(request), request.params.id));

  app.post('/orders/:id/decline', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'The team declines with a reason; the order goes back to triage', params: IdParams, body: DeclineRequest, response: { 200: Declined, ...errorResponses } },
  }, async (request) => orders.declineOrder(ctx, requireActor(request), request.params.id, request.body.reason));

  app.post('/orders/:id/grab', {
    config: { access: 'signedIn', idempotent: true },
    schema: { tags, summary: 'Grab an open order for my team (抢单): the first wins', params: IdParams, body: GrabRequest, response: detail },
  }, async (request) => orders.grabOrder(ctx, requireActor(request), request.params.id, request.body.organizationId));

  app.post('/orders/:id/deliver', {
    config: { access: 'signedIn', idempotent: true },
    schema: { tags, summary: 'Deliver with a report and photos; hours into the ledger (送单)', params: IdParams, body: DeliverRequest, response: detail },
  }, async (request) => orders.deliverOrder(ctx, requireActor(request), request.params.id, request.body));

  app.post('/orders/:id/rate', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'The resident rates the service (评单), or staff over the order for them after a follow-up call (回访)', params: IdParams, body: RateRequest, response: detail },
  }, async (request) => orders.rateOrder(ctx, requireActor(request), request.params.id, request.body));

  app.post('/orders/:id/cancel', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'The resident cancels an order not yet accepted', params: IdParams, response: detail },
  }, async (request) => orders.cancelOrder(ctx, requireActor(request), request.params.id));

  app.post('/orders/:id/reopen', {
    config: { access: 'staff' },
    schema: { tags, summary: 'Staff take a dispatch back or reopen a finished order', params: IdParams, body: ReopenRequest, response: detail },
  }, async (request) => orders.reopenOrder(ctx, requireActor(request), request.params.id, request.body.note));
}
