// Builds the Fastify app: plugins, the error shape, sessions, then each module's routes.
import fs from 'node:fs';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import ajvFormats from 'ajv-formats';
import Fastify, { type FastifySchema, type FastifyServerOptions } from 'fastify';
import type { AppContext } from './context.ts';
import { checkAccess, requireAccessDeclaration } from './http/access.ts';
import type { App, RouteEntry } from './http/app-types.ts';
import { registerErrorHandling, sendError, sendFrameworkError } from './http/errors.ts';
import { registerIdempotency } from './http/idempotency.ts';
import { ErrorResponse } from './http/schemas.ts';
import { registerSecurity } from './http/security.ts';
import { registerWeb } from './http/web.ts';
import { AppError } from './lib/errors.ts';
import { loadActor, SESSION_COOKIE } from './modules/auth/service.ts';
import { modules } from './modules/index.ts';

// ajv-formats is CommonJS; its typings and Fastify's disagree on the option type only.
type AjvPlugin = NonNullable<NonNullable<FastifyServerOptions['ajv']>['plugins']>[number];
const formats = ajvFormats.default as unknown as AjvPlugin;

export const API_PREFIX = '/api/v1';
const version = (JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/**
 * In the document, a query parameter with a default is optional to the caller (the
 * validator fills it in), though the schema lists it as present for the handler's type.
 */
function documentDefaults({ schema, url }: { schema: FastifySchema; url: string }) {
  const query = schema?.querystring as { properties?: Record<string, { default?: unknown }>; required?: string[] } | undefined;
  if (!query?.required || !query.properties) return { schema, url };
  const required = query.required.filter((name) => query.properties![name]?.default === undefined);
  return { schema: { ...schema, querystring: { ...query, required } }, url };
}

export interface BuildOptions {
  logger?: FastifyServerOptions['logger'];
  /** Serve the built web console from config.webDist (off for API-only tests). */
  web?: boolean;
}

export async function buildApp(ctx: AppContext, options: BuildOptions = {}): Promise<App> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    trustProxy: ctx.config.trustProxy,
    frameworkErrors: sendFrameworkError,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true }, plugins: [formats] },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.addSchema(ErrorResponse);
  registerErrorHandling(app);
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Lianxin 连心桥 API',
        version,
        description: 'New Era Civilization Practice volunteer service platform. Errors are {error: {code, message, field?}}; '
          + 'messages are Chinese unless Accept-Language asks for English.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
      security: [{ session: [] }],
    },
    transform: documentDefaults,
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  // The route table, for tests that must cover every route (documents, authorization).
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routeTable.push({ method, url: route.url, access: route.config?.access });
  });

  registerSecurity(app);
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token && request.url.startsWith('/api/')) request.actor = await loadActor(ctx, token);
    checkAccess(request);
  });
  registerIdempotency(app, ctx);

  for (const module of modules) {
    await app.register(async (scope) => {
      scope.addHook('onRoute', requireAccessDeclaration);
      module.routes(scope as unknown as App, ctx);
    }, { prefix: module.prefix ?? API_PREFIX });
  }

  if (options.web) registerWeb(app, ctx.config.webDist);
  else app.setNotFoundHandler((request, reply) => sendError(request, reply, new AppError('ROUTE_NOT_FOUND')));
  return app;
}
