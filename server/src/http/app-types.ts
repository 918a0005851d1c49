import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault,
} from 'fastify';
import type { Actor } from '../lib/scope.ts';

/** The Fastify instance every module registers its routes on, typed from the schemas. */
export type App = FastifyInstance<
  RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider
>;

/**
 * Who may call a route at all, declared next to it: anyone, anyone signed in, or staff (an
 * admin grant at any level). Checked before the request is even validated; rank and
 * region are the service's own checks on the rows it touches.
 */
export type Access = 'public' | 'signedIn' | 'staff';

export interface RouteEntry {
  method: string;
  url: string;
  /** Declared on every route a module registers; absent on the web pages and the API docs. */
  access?: Access;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered, as method and URL pattern. */
    routeTable: RouteEntry[];
  }

  interface FastifyContextConfig {
    access?: Access;
  }

  interface FastifyRequest {
    /** The signed-in user with their grants, or null for an anonymous request. */
    actor: Actor | null;
  }
}
