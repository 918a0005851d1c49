import type { App } from '../../http/app-types.ts';
import { errorResponses } from '../../http/schemas.ts';
import { clientOf, setSessionCookie } from '../../http/session-cookie.ts';
import type { AppContext } from '../../context.ts';
import { ChangePasswordRequest, LoginRequest, MeResponse, OkResponse } from './schemas.ts';
import * as auth from './service.ts';

const tags = ['auth'];

export function authRoutes(app: App, ctx: AppContext) {
  app.post('/auth/login', {
    config: { access: 'public' },
    schema: {
      tags, summary: 'Sign in with phone number and password; sets the session cookie',
      body: LoginRequest, response: { 200: MeResponse, ...errorResponses },
    },
  }, async (request, reply) => {
    const { token, me } = await auth.login(ctx, request.body.phone, request.body.password, clientOf(request));
    setSessionCookie(ctx, reply, token);
    return me;
  });

  app.post('/auth/logout', {
    config: { access: 'public' },
    schema: { tags, summary: 'End this session', response: { 200: OkResponse, ...errorResponses } },
  }, async (request, reply) => {
    await auth.logout(ctx, request.cookies[auth.SESSION_COOKIE]);
    void reply.clearCookie(auth.SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get('/auth/me', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Who am I: the signed-in user and their role grants', response: { 200: MeResponse, ...errorResponses } },
  }, async (request) => auth.me(ctx, auth.requireActor(request).userId));

  app.post('/auth/password', {
    config: { access: 'signedIn' },
    schema: {
      tags, summary: 'Change my password; ends my other sessions',
      body: ChangePasswordRequest, response: { 200: OkResponse, ...errorResponses },
    },
  }, async (request, reply) => {
    const token = await auth.changePassword(ctx, auth.requireActor(request), request.body, clientOf(request));
    setSessionCookie(ctx, reply, token);
    return { ok: true };
  });
}
