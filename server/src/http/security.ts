// Security headers on every response, and a same-origin check on every state-changing
// request: the session cookie is SameSite=Lax, and a browser always sends Origin on a
// cross-site POST, so a foreign Origin is refused (CSRF).
import type { FastifyInstance } from 'fastify';
import { AppError } from '../lib/errors.ts';
import { sendError } from './errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

// antd writes its styles at run time, hence 'unsafe-inline' for styles only.
const PAGE_CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:",
  "font-src 'self' data:", "connect-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');
const API_CSP = "default-src 'none'; frame-ancestors 'none'";

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

export function registerSecurity(app: FastifyInstance) {
  app.addHook('onRequest', async (request, reply) => {
    if (SAFE_METHODS.has(request.method)) return;
    const origin = request.headers.origin;
    if (origin !== undefined && originHost(origin) !== request.host) {
      return sendError(request, reply, new AppError('CSRF_REJECTED'));
    }
  });

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    reply.header('cross-origin-opener-policy', 'same-origin');
    // HSTS only where the browser reached us over HTTPS (directly, or through a trusted proxy):
    // on plain HTTP (a laptop, the loopback) it would be meaningless, and browsers ignore it.
    if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    if (request.url.startsWith('/api/docs')) return; // swagger-ui sets its own
    const isApi = request.url.startsWith('/api/');
    reply.header('content-security-policy', isApi ? API_CSP : PAGE_CSP);
    if (isApi) reply.header('cache-control', 'no-store');
  });
}
