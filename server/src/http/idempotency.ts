// Retried requests from phones: a route marked `config: { idempotent: true }` honours an
// Idempotency-Key header. The first request with a key reserves it; its answer (any
// non-5xx) is stored and replayed to every retry, so a retry never doubles a record. A
// retry arriving while the first is still running is told so (409), never run twice.
// The write's own transaction stamps the key (lib/idempotent-writes.ts), so when the
// database goes away between the write and its stored answer, a retry still knows which
// happened: committed (its answer replayed once stored, or 409 done: look at the result, if it
// never is) or not (run it again, once the first attempt's reservation has lapsed).
import { setTimeout } from 'node:timers/promises';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { AppContext } from '../context.ts';
import { AppError } from '../lib/errors.ts';
import { currentSlot, type IdempotencySlot } from '../lib/idempotent-writes.ts';
import { isDatabaseUnavailable } from './errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Honour the Idempotency-Key header on this route. */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    idempotencySlot: IdempotencySlot | null;
  }
}

const KEY = /^[A-Za-z0-9_.:-]{8,100}$/;
/** A reservation without a commit this old belongs to an attempt that died: a retry takes it over. */
const RESERVATION_SECONDS = 30;
/** How long a retry waits for the answer of a write that has committed: 10 × 100 ms. */
const ANSWER_WAITS = 10;
const ANSWER_WAIT_MS = 100;

function slotOf(request: FastifyRequest): IdempotencySlot | null {
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

  // The handler runs inside its key, for the transactions it commits to stamp.
  app.addHook('onRoute', (route) => {
    if (!route.config?.idempotent) return;
    const handler = route.handler;
    route.handler = function idempotentHandler(request, reply) {
      const slot = request.idempotencySlot;
      return slot ? currentSlot.run(slot, () => handler.call(this, request, reply)) : handler.call(this, request, reply);
    };
  });

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
    const earlier = await ctx.db.selectFrom('idempotency_keys').select(['route', 'status', 'response', 'committed_at'])
      .where('user_key', '=', slot.userKey).where('key', '=', slot.key).executeTakeFirstOrThrow();
    if (earlier.route !== route) {
      throw new AppError('VALIDATION_FAILED', {
        field: 'Idempotency-Key', detail: { zh: '该 Idempotency-Key 已用于其他请求', en: 'This Idempotency-Key was used for another request' },
      });
    }
    const answer = earlier.status === null && earlier.committed_at !== null ? await storedAnswer(ctx, slot) : earlier;
    if (answer.status !== null) return reply.status(answer.status).header('idempotent-replayed', 'true').send(answer.response);
    if (earlier.committed_at !== null) throw new AppError('IDEMPOTENCY_DONE');
    if (!(await takeOverLapsed(ctx, slot))) throw new AppError('IDEMPOTENCY_IN_PROGRESS');
    request.idempotencySlot = slot;
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const slot = request.idempotencySlot;
    if (!slot) return payload;
    try {
      if (reply.statusCode >= 500) {
        // Unless its write committed before the failure, nothing was kept: let the retry run.
        await ctx.db.deleteFrom('idempotency_keys').where('user_key', '=', slot.userKey).where('key', '=', slot.key)
          .where('committed_at', 'is', null).execute();
      } else {
        await ctx.db.updateTable('idempotency_keys')
          .set({ status: reply.statusCode, response: typeof payload === 'string' && payload ? payload : 'null' })
          .where('user_key', '=', slot.userKey).where('key', '=', slot.key).execute();
      }
    } catch (error) {
      // The database went away meanwhile: the answer stands (a 2xx was kept, a 503 says retry),
      // and the key stays reserved; its commit stamp tells a retry whether the write happened.
      if (!isDatabaseUnavailable(error)) throw error;
      request.log.warn({ err: error }, 'idempotency key left reserved: database unavailable');
    }
    return payload;
  });
}

/**
 * The answer of an attempt whose write has committed: it is stored a moment after the commit,
 * so a retry arriving in between waits for it rather than being told the answer was lost.
 */
async function storedAnswer(ctx: AppContext, slot: IdempotencySlot) {
  // The caller has just read the row without an answer: wait before each read.
  for (let tries = 1; ; tries += 1) {
    await setTimeout(ANSWER_WAIT_MS);
    const row = await ctx.db.selectFrom('idempotency_keys').select(['status', 'response'])
      .where('user_key', '=', slot.userKey).where('key', '=', slot.key).executeTakeFirstOrThrow();
    if (row.status !== null || tries === ANSWER_WAITS) return row;
  }
}

/** Takes over a reservation left without a commit for RESERVATION_SECONDS (its attempt died); one retry wins. */
async function takeOverLapsed(ctx: AppContext, slot: IdempotencySlot): Promise<boolean> {
  const taken = await ctx.db.updateTable('idempotency_keys').set({ created_at: sql<Date>`now()` })
    .where('user_key', '=', slot.userKey).where('key', '=', slot.key).where('status', 'is', null).where('committed_at', 'is', null)
    .where('created_at', '<', sql<Date>`now() - make_interval(secs => ${RESERVATION_SECONDS})`).executeTakeFirst();
  return Number(taken.numUpdatedRows) === 1;
}
