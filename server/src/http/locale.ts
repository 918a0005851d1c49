import type { FastifyRequest } from 'fastify';
import type { Locale } from '../lib/errors.ts';

/** Chinese unless the client asks for English first (Accept-Language: en...). */
export function requestLocale(request: FastifyRequest): Locale {
  const header = request.headers['accept-language'];
  return typeof header === 'string' && /^\s*en\b/i.test(header) ? 'en' : 'zh';
}
