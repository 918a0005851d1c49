import type { AppContext } from '../../context.ts';
import type { App } from '../../http/app-types.ts';
import { errorResponses } from '../../http/schemas.ts';
import { requireActor, SESSION_COOKIE } from '../auth/service.ts';
import { DataExport, EraseMineRequest, EraseRequest, EraseResult, UserIdParams } from './schemas.ts';
import * as privacy from './service.ts';

const tags = ['privacy'];

export function privacyRoutes(app: App, ctx: AppContext) {
  app.get('/me/data-export', {
    config: { access: 'signedIn' },
    schema: {
      tags, summary: 'A copy of all my data, my own numbers in full (audited)',
      response: { 200: DataExport, ...errorResponses },
    },
  }, async (request, reply) => {
    const document = await privacy.exportMyData(ctx, requireActor(request));
    return reply.header('content-disposition', 'attachment; filename="lianxin-my-data.json"').send(document);
  });

  app.post('/me/erase', {
    config: { access: 'signedIn' },
    schema: {
      tags, summary: 'Erase my account: identity removed, service hours kept anonymous; signs me out everywhere',
      body: EraseMineRequest, response: { 200: EraseResult, ...errorResponses },
    },
  }, async (request, reply) => {
    const result = await privacy.eraseMine(ctx, requireActor(request), request.body.currentPassword);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return result;
  });

  app.post('/privacy/erase/:userId', {
    config: { access: 'staff' },
    schema: {
      tags, summary: 'Erase a person on their request (center admins and above over their region; audited)',
      params: UserIdParams, body: EraseRequest, response: { 200: EraseResult, ...errorResponses },
    },
  }, async (request) => privacy.eraseAsStaff(ctx, requireActor(request), request.params.userId, request.body.reason));
}
