import type { AppContext } from '../../context.ts';
import type { App } from '../../http/app-types.ts';
import { errorResponses, IdParams } from '../../http/schemas.ts';
import { requireActor } from '../auth/service.ts';
import {
  Coverage, CoverageListQuery, CoveragePage, CoverageQuery, Created, Group, GroupInput, GroupList, GroupMemberParams, HandOverRequest, ListedRecipient, MemberInput, RecipientDetail,
  PhotoParams, PhotoQuery, RecipientInput, RecipientList, RecipientQuery, UnitPair, UnitPairInput, UnitPairList, Visit, VisitInput,
} from './schemas.ts';
import * as care from './service.ts';

const tags = ['care'];

export function careRoutes(app: App, ctx: AppContext) {
  app.get('/unit-pairs', {
    config: { access: 'staff' },
    schema: { tags, summary: 'Unit ↔ community pairs in my area (包保)', response: { 200: UnitPairList, ...errorResponses } },
  }, async (request) => care.listUnitPairs(ctx, requireActor(request)));

  app.post('/unit-pairs', {
    config: { access: 'staff' },
    schema: { tags, summary: 'Pair a unit with a community', body: UnitPairInput, response: { 201: UnitPair, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await care.createUnitPair(ctx, requireActor(request), request.body)));

  app.get('/care-groups', {
    config: { access: 'staff' },
    schema: { tags, summary: 'Care groups in my area', response: { 200: GroupList, ...errorResponses } },
  }, async (request) => care.listGroups(ctx, requireActor(request)));

  app.post('/care-groups', {
    config: { access: 'staff' },
    schema: { tags, summary: 'Set up a care group (帮扶小组)', body: GroupInput, response: { 201: Group, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await care.createGroup(ctx, requireActor(request), request.body)));

  app.get('/care-groups/:id', {
    config: { access: 'staff' },
    schema: { tags, summary: 'A group with its members and (masked) recipients', params: IdParams, response: { 200: Group, ...errorResponses } },
  }, async (request) => care.getGroup(ctx, requireActor(request), request.params.id));

  app.post('/care-groups/:id/members', {
    config: { access: 'staff' },
    schema: { tags, summary: 'Add a member', params: IdParams, body: MemberInput, response: { 200: Group, ...errorResponses } },
  }, async (request) => care.addGroupMember(ctx, requireActor(request), request.params.id, request.body.volunteerId));

  app.delete('/care-groups/:id/members/:volunteerId', {
    config: { access: 'staff' },
    schema: { tags, summary: 'A member leaves the group', params: GroupMemberParams, response: { 200: Group, ...errorResponses } },
  }, async (request) => care.removeGroupMember(ctx, requireActor(request), request.params.id, request.params.volunteerId));

  app.post('/care-recipients', {
    config: { access: 'staff' },
    schema: { tags, summary: 'Add a care recipient to a group (sensitive; consent required)', body: RecipientInput, response: { 201: Created, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await care.addRecipient(ctx, requireActor(request), request.body)));

  app.get('/care-recipients/mine', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'The recipients of the groups I serve in (masked), with when visits are due', response: { 200: RecipientList, ...errorResponses } },
  }, async (request) => care.myRecipients(ctx, requireActor(request)));

  app.get('/care-recipients/:id', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'A recipient’s full record (members and staff only; every read is audited)', params: IdParams, querystring: RecipientQuery, response: { 200: RecipientDetail, ...errorResponses } },
  }, async (request) => care.getRecipient(ctx, requireActor(request), request.params.id, request.query.reason));

  app.post('/care-recipients/:id/visits', {
    config: { access: 'signedIn', idempotent: true },
    schema: { tags, summary: 'Log a visit (typed offline too: clientId makes a resend harmless)', params: IdParams, body: VisitInput, response: { 201: Visit, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await care.logVisit(ctx, requireActor(request), request.params.id, request.body)));

  app.get('/care-recipients/:id/photos/:fileId', {
    config: { access: 'signedIn' },
    schema: {
      tags, summary: 'A photo of a visit (members and staff who may read the recipient only; size=thumb for 320 px)',
      params: PhotoParams, querystring: PhotoQuery, response: { 200: { type: 'string', format: 'binary' }, ...errorResponses },
    },
  }, async (request, reply) => {
    const file = await care.readVisitPhoto(ctx, requireActor(request), request.params.id, request.params.fileId, request.query.size ?? 'full');
    // Private: a shared cache must never hand a recipient's photo to someone else.
    return reply.type(file.contentType).header('cache-control', 'private, max-age=3600').send(file.bytes);
  });

  app.post('/care-recipients/:id/hand-over', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Hand a recipient over to another member', params: IdParams, body: HandOverRequest, response: { 200: ListedRecipient, ...errorResponses } },
  }, async (request) => care.handOver(ctx, requireActor(request), request.params.id, request.body.toVolunteerId));

  app.get('/care/coverage', {
    config: { access: 'staff' },
    schema: { tags, summary: 'Coverage: recipients past their visit plan, members who left', querystring: CoverageQuery, response: { 200: Coverage, ...errorResponses } },
  }, async (request) => care.coverageReport(ctx, requireActor(request), request.query));

  app.get('/care/coverage/recipients', {
    config: { access: 'staff' },
    schema: { tags, summary: 'One page of the overdue recipients (longest first), or of those without an active caretaker', querystring: CoverageListQuery, response: { 200: CoveragePage, ...errorResponses } },
  }, async (request) => care.coverageList(ctx, requireActor(request), request.query));
}
