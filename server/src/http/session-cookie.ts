// The session cookie, set the same way wherever a session starts.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { SESSION_COOKIE, type Client } from '../modules/auth/service.ts';

export function setSessionCookie(ctx: AppContext, reply: FastifyReply, token: string) {
  void reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.secureCookies,
    maxAge: ctx.config.sessionHours * 3600,
  });
}

/** Who is asking, for the session record; the old token is ended on sign-in (rotation). */
export function clientOf(request: FastifyRequest): Client {
  return { ip: request.ip, userAgent: request.headers['user-agent'] ?? null, previousToken: request.cookies[SESSION_COOKIE] };
}
