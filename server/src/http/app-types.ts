import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault,
} from 'fastify';
import type { Actor } from '../lib/scope.ts';

/** The Fastify instance every module registers its routes on, typed from the schemas. */
export type App = FastifyInstance<
  RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider
>;

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered, as method and URL pattern. */
    routeTable: { method: string; url: string }[];
  }

  interface FastifyRequest {
    /** The signed-in user with their grants, or null for an anonymous request. */
    actor: Actor | null;
  }
}
