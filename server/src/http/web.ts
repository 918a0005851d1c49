// Serves the built web apps: the staff console at / and the phone H5 at /m/. Unknown
// paths under them fall back to their index.html (client-side routing); unknown API
// paths answer the JSON error.
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../lib/errors.ts';
import { sendError } from './errors.ts';

export function registerWeb(app: FastifyInstance, webDist: string) {
  const built = fs.existsSync(path.join(webDist, 'index.html'));
  if (built) {
    void app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      // Hashed assets never change; the HTML must always be fresh.
      setHeaders: (reply, file) =>
        reply.header('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache'),
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const url = request.url;
    if (url.startsWith('/api/') || url === '/api' || request.method !== 'GET' || !built) {
      return sendError(request, reply, new AppError('ROUTE_NOT_FOUND'));
    }
    return reply.type('text/html; charset=utf-8').sendFile(url.startsWith('/m/') || url === '/m' ? 'm/index.html' : 'index.html');
  });
}
