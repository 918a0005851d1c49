// Serves the built web apps: the staff console at / and the phone H5 at /m/. Files are
// read from disk per request (a rebuild needs no restart), brotli or gzip copies when the
// browser takes them. Unknown paths under the apps fall back to their index.html
// (client-side routing); unknown API paths answer the JSON error.
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../lib/errors.ts';
import { sendError } from './errors.ts';

export function registerWeb(app: FastifyInstance, webDist: string) {
  fs.mkdirSync(webDist, { recursive: true });
  void app.register(fastifyStatic, {
    root: webDist,
    wildcard: true,
    preCompressed: true,
    // Hashed assets never change; the HTML must always be fresh.
    setHeaders: (reply, file) =>
      reply.header('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
  app.setNotFoundHandler((request, reply) => {
    const url = request.url;
    const page = url.startsWith('/m/') || url === '/m' ? 'm/index.html' : 'index.html';
    if (url.startsWith('/api/') || url === '/api' || request.method !== 'GET' || !fs.existsSync(path.join(webDist, page))) {
      return sendError(request, reply, new AppError('ROUTE_NOT_FOUND'));
    }
    return reply.type('text/html; charset=utf-8').sendFile(page);
  });
}
