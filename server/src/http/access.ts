// The gate every route declares (`config: { access }`): checked once, here, before the
// body is parsed or validated, so an anonymous or non-staff caller learns nothing from a
// route's validation errors. A module route without a declaration stops the server from
// starting, and the authorization matrix test walks every declaration.
import type { FastifyRequest, RouteOptions } from 'fastify';
import { AppError } from '../lib/errors.ts';
import { isAdmin } from '../lib/scope.ts';

const STAFF_ONLY = { zh: '此功能仅限工作人员使用', en: 'Staff only' };

/** For a module's routes: the declaration is required; a public route needs no session in the API document. */
export function requireAccessDeclaration(route: RouteOptions) {
  const access = route.config?.access;
  if (!access) throw new Error(`${String(route.method)} ${route.url} declares no access (config: { access })`);
  if (access === 'public' && route.schema) route.schema = { ...route.schema, security: [] };
}

/** Throws the answer for a caller the route's declaration does not let in. */
export function checkAccess(request: FastifyRequest) {
  const access = request.routeOptions.config.access;
  if (!access || access === 'public') return;
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
  if (access === 'staff' && !isAdmin(request.actor)) throw new AppError('FORBIDDEN', { detail: STAFF_ONLY });
}
