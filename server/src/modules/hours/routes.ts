import type { AppContext } from '../../context.ts';
import type { App } from '../../http/app-types.ts';
import { errorResponses, IdParams } from '../../http/schemas.ts';
import { requireActor } from '../auth/service.ts';
import {
  Correction, CorrectRequest, DisputePage, DisputeRequest, DisputeResult, LedgerPage, LedgerQuery, MyHours, PageQuery, ResolveRequest, Reversal,
  ReverseRequest,
} from './schemas.ts';
import * as hours from './service.ts';

const tags = ['hours'];

export function hourRoutes(app: App, ctx: AppContext) {
  app.get('/hours/mine', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'My service hours, stars and records', querystring: PageQuery, response: { 200: MyHours, ...errorResponses } },
  }, async (request) => hours.myHours(ctx, requireActor(request), request.query));

  app.get('/hours', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Ledger entries recorded in my area, newest first', querystring: LedgerQuery, response: { 200: LedgerPage, ...errorResponses } },
  }, async (request) => hours.scopedLedger(ctx, requireActor(request), request.query));

  app.post('/hours/:id/reverse', {
    config: { access: 'staff' },
    schema: { tags, summary: 'Reverse an entry (a new, negative entry; reason kept)', params: IdParams, body: ReverseRequest, response: { 200: Reversal, ...errorResponses } },
  }, async (request) => {
    const reversal = await hours.reverseAsStaff(ctx, requireActor(request), request.params.id, request.body.reason);
    return { reversal: { id: reversal.id } };
  });

  app.post('/hours/:id/correct', {
    config: { access: 'staff' },
    schema: { tags, summary: 'Correct an entry: reversal plus the right minutes', params: IdParams, body: CorrectRequest, response: { 200: Correction, ...errorResponses } },
  }, async (request) => {
    const { reversal, replacement } = await hours.correctAsStaff(ctx, requireActor(request), request.params.id, request.body);
    return { reversal: { id: reversal.id }, replacement: { id: replacement.id, minutes: replacement.minutes } };
  });

  app.post('/hours/:id/dispute', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Dispute one of my entries', params: IdParams, body: DisputeRequest, response: { 201: DisputeResult, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await hours.disputeEntry(ctx, requireActor(request), request.params.id, request.body)));

  app.get('/hour-disputes', {
    config: { access: 'staff' },
    schema: { tags, summary: 'Open disputes in my area', querystring: PageQuery, response: { 200: DisputePage, ...errorResponses } },
  }, async (request) => hours.listDisputes(ctx, requireActor(request), request.query));

  app.post('/hour-disputes/:id/resolve', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Resolve a dispute: correct the entry or reject the claim', params: IdParams, body: ResolveRequest, response: { 200: DisputeResult, ...errorResponses } },
  }, async (request) => hours.resolveDispute(ctx, requireActor(request), request.params.id, request.body));
}
