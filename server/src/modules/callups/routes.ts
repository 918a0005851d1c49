import { Type } from 'typebox';
import type { AppContext } from '../../context.ts';
import type { App } from '../../http/app-types.ts';
import { errorResponses, Id, IdParams, nullable, Timestamp } from '../../http/schemas.ts';
import { serviceCategories } from '../../lib/categories.ts';
import { requireActor } from '../auth/service.ts';
import * as callups from './service.ts';

const tags = ['callups'];

const CallupInput = Type.Object(
  {
    title: Type.String({ minLength: 2, maxLength: 100 }),
    description: Type.Optional(nullable(Type.String({ maxLength: 2000 }))),
    areaPrefix: Type.String({ pattern: '^[0-9]{2,12}$', description: 'The region subtree called up, e.g. 210321' }),
    categories: Type.Optional(Type.Array(Type.Enum(serviceCategories), { maxItems: 8, uniqueItems: true })),
    skills: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 20 }), { maxItems: 20 })),
    headcount: Type.Integer({ minimum: 1, maximum: 10_000_000 }),
    reserveOnly: Type.Optional(Type.Boolean({ description: 'Only the emergency reserve (default true)' })),
    sendSms: Type.Optional(Type.Boolean({ description: 'Also text everyone (default false)' })),
    posts: Type.Array(
      Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }), siteId: Type.Optional(nullable(Id)), address: Type.Optional(nullable(Type.String({ maxLength: 200 }))), capacity: Type.Integer({ minimum: 1, maximum: 1_000_000 }) }, { additionalProperties: false }),
      { minItems: 1, maxItems: 500 },
    ),
  },
  { additionalProperties: false },
);
const Summary = {
  id: Type.Integer(), title: Type.String(), description: nullable(Type.String()), areaPrefix: Type.String(), categories: Type.Array(Type.String()),
  skills: Type.Array(Type.String()), headcount: Type.Integer(), reserveOnly: Type.Boolean(), status: Type.Enum(['fanning_out', 'open', 'stood_down']),
  notified: Type.Integer({ description: 'Volunteers reached so far' }), accepted: Type.Integer(), declined: Type.Integer(), createdAt: Timestamp,
};
const Person = Type.Object({ volunteerId: Type.Integer(), name: Type.String(), phoneMasked: Type.String(), at: Timestamp });
const Board = Type.Object({
  ...Summary,
  posts: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), siteId: nullable(Type.Integer()), address: nullable(Type.String()), capacity: Type.Integer(), assigned: Type.Integer(), responders: Type.Array(Person) })),
  standby: Type.Array(Person, { description: 'Accepted with every post full' }),
});
const Mine = Type.Object({
  items: Type.Array(Type.Object({
    ...Summary, myAnswer: nullable(Type.String()), myPostId: nullable(Type.Integer()),
    posts: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), address: nullable(Type.String()), capacity: Type.Integer(), assigned: Type.Integer() })),
  })),
});
const answerFields = { decision: Type.Enum(['accept', 'decline']), postId: Type.Optional(Id) };
const Answer = Type.Object(answerFields, { additionalProperties: false });
const RecordedAnswer = Type.Object({ volunteerId: Id, ...answerFields }, { additionalProperties: false });
const AnswerResult = Type.Object({ callupId: Type.Integer(), status: Type.Enum(['accepted', 'declined']), postId: nullable(Type.Integer()) });
const Move = Type.Object({
  volunteerId: Id,
  postId: Type.Union([Id, Type.Null()], { description: 'The post to move to; null to stand by' }),
}, { additionalProperties: false });

export function callupRoutes(app: App, ctx: AppContext) {
  app.get('/callups', { config: { access: 'staff' }, schema: { tags, summary: 'Call-ups of my area', response: { 200: Type.Object({ items: Type.Array(Type.Object(Summary)) }), ...errorResponses } } },
    async (request) => callups.listCallups(ctx, requireActor(request)));
  app.post('/callups', { config: { access: 'staff' }, schema: { tags, summary: 'Launch a call-up; it fans out in the background', body: CallupInput, response: { 201: Board, ...errorResponses } } },
    async (request, reply) => reply.status(201).send(await callups.createCallup(ctx, requireActor(request), request.body)));
  app.get('/callups/mine', { config: { access: 'signedIn' }, schema: { tags, summary: 'Open call-ups that target me, with my answer', response: { 200: Mine, ...errorResponses } } },
    async (request) => callups.myCallups(ctx, requireActor(request)));
  app.get('/callups/:id', { config: { access: 'staff' }, schema: { tags, summary: 'The live board: responders by post', params: IdParams, response: { 200: Board, ...errorResponses } } },
    async (request) => callups.board(ctx, requireActor(request), request.params.id));
  app.post('/callups/:id/respond', { config: { access: 'signedIn', idempotent: true }, schema: { tags, summary: 'Accept (taking a place at a post) or decline', params: IdParams, body: Answer, response: { 200: AnswerResult, ...errorResponses } } },
    async (request) => callups.respond(ctx, requireActor(request), request.params.id, request.body));
  app.post('/callups/:id/withdraw', { config: { access: 'signedIn', idempotent: true }, schema: { tags, summary: 'Withdraw my accept; my place at the post goes to the first one standing by', params: IdParams, response: { 200: AnswerResult, ...errorResponses } } },
    async (request) => callups.withdraw(ctx, requireActor(request), request.params.id));
  app.post('/callups/:id/answers', {
    config: { access: 'staff', idempotent: true },
    schema: { tags, summary: 'Record, for a volunteer the call-up targets, their answer (代为登记: after a phone call, without the app), placed as their own would be; audited', params: IdParams, body: RecordedAnswer, response: { 200: Board, ...errorResponses } },
  }, async (request) => callups.recordAnswer(ctx, requireActor(request), request.params.id, request.body));
  app.post('/callups/:id/move', { config: { access: 'staff' }, schema: { tags, summary: 'Move a responder to another post (never past its capacity) or to standing by; the place left goes to the first one standing by', params: IdParams, body: Move, response: { 200: Board, ...errorResponses } } },
    async (request) => callups.moveResponder(ctx, requireActor(request), request.params.id, request.body));
  app.post('/callups/:id/stand-down', { config: { access: 'staff' }, schema: { tags, summary: 'Stand down: end the call-up and thank those who came', params: IdParams, response: { 200: Board, ...errorResponses } } },
    async (request) => callups.standDown(ctx, requireActor(request), request.params.id));
}
