// Retried requests from phones: a route marked `config: { idempotent: true }` honours an
// Idempotency-Key header. The first request with a key reserves it; its answer (any
// non-5xx) is stored and replayed to every retry, so a retry never doubles a record. A
// retry arriving while the first is still running is told so (409), never run twice.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { AppError } from '../lib/errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Honour the Idempotency-Key header on this route. */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    idempotencySlot: { userKey: string; key: string } | null;
  }
}

const KEY = /^[A-Za-z0-9_.:-]{8,100}$/;

function slotOf(request: FastifyRequest): { userKey: string; key: string } | null {
  const header = request.headers['idempotency-key'];
  if (header === undefined) return null;
  if (typeof header !== 'string' || !KEY.test(header)) {
    throw new AppError('VALIDATION_FAILED', {
      field: 'Idempotency-Key',
      detail: { zh: 'Idempotency-Key 须为 8 至 100 个字母、数字或 _.:-', en: 'Idempotency-Key must be 8 to 100 letters, digits or _.:-' },
    });
  }
  return { userKey: request.actor ? `user:${request.actor.userId}` : 'anonymous', key: header };
}

export function registerIdempotency(app: FastifyInstance, ctx: AppContext) {
  app.decorateRequest('idempotencySlot', null);

  app.addHook('preHandler', async (request, reply) => {
    if (!request.routeOptions.config.idempotent) return;
    const slot = slotOf(request);
    if (!slot) return;
    const route = `${request.method} ${request.routeOptions.url}`;
    const reserved = await ctx.db.insertInto('idempotency_keys').values({ user_key: slot.userKey, key: slot.key, route })
      .onConflict((oc) => oc.columns(['user_key', 'key']).doNothing()).returning('key').executeTakeFirst();
    if (reserved) {
      request.idempotencySlot = slot;
      return;
    }
    const earlier = await ctx.db.selectFrom('idempotency_keys').select(['route', 'status', 'response'])
      .where('user_key', '=', slot.userKey).where('key', '=', slot.key).executeTakeFirstOrThrow();
    if (earlier.route !== route) {
      throw new AppError('VALIDATION_FAILED', {
        field: 'Idempotency-Key', detail: { zh: '该 Idempotency-Key 已用于其他请求', en: 'This Idempotency-Key was used for another request' },
      });
    }
    if (earlier.status === null) throw new AppError('IDEMPOTENCY_IN_PROGRESS');
    return reply.status(earlier.status).header('idempotent-replayed', 'true').send(earlier.response);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const slot = request.idempotencySlot;
    if (!slot) return payload;
    if (reply.statusCode >= 500) {
      // Nothing was kept: let the retry run.
      await ctx.db.deleteFrom('idempotency_keys').where('user_key', '=', slot.userKey).where('key', '=', slot.key).execute();
    } else {
      await ctx.db.updateTable('idempotency_keys')
        .set({ status: reply.statusCode, response: typeof payload === 'string' && payload ? payload : 'null' })
        .where('user_key', '=', slot.userKey).where('key', '=', slot.key).execute();
    }
    return payload;
  });
}
