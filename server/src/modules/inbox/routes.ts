import { Type } from 'typebox';
import type { AppContext } from '../../context.ts';
import type { App } from '../../http/app-types.ts';
import { Cursor, errorResponses, IdParams, Limit, Timestamp } from '../../http/schemas.ts';
import { requireActor } from '../auth/service.ts';
import * as inbox from './service.ts';

const tags = ['inbox'];

const InboxPage = Type.Object({
  unread: Type.Integer(),
  items: Type.Array(Type.Object({
    id: Type.Integer(), kind: Type.String(), title: Type.String(), body: Type.String(), link: Type.Union([Type.String(), Type.Null()]),
    createdAt: Timestamp, read: Type.Boolean(),
  })),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
const InboxQuery = Type.Object({ unread: Type.Optional(Type.Boolean()), cursor: Type.Optional(Cursor), limit: Limit }, { additionalProperties: false });
const Ok = Type.Object({ ok: Type.Boolean() });

export function inboxRoutes(app: App, ctx: AppContext) {
  app.get('/inbox', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'My messages, newest first, with the unread count', querystring: InboxQuery, response: { 200: InboxPage, ...errorResponses } },
  }, async (request) => inbox.myInbox(ctx, requireActor(request), request.query));

  app.post('/inbox/:id/read', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Mark one message read', params: IdParams, response: { 200: Ok, ...errorResponses } },
  }, async (request) => inbox.markRead(ctx, requireActor(request), request.params.id));

  app.post('/inbox/read-all', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Mark all my messages read', response: { 200: Ok, ...errorResponses } },
  }, async (request) => inbox.markRead(ctx, requireActor(request), 'all'));
}
