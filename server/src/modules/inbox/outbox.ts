// The SMS outbox. A text is a row written in the same transaction as the change it tells
// of, so a rollback takes it back; it is delivered only after commit: the commit kicks a
// drainer in this process, and a background task sweeps up whatever was left behind (a
// crash, a provider down). The drainer claims rows by moving their next attempt ahead (a
// lease other processes respect, taken with SKIP LOCKED), sends, and marks them sent; a
// failed send keeps the row with the error and tries again later, up to SMS_MAX_ATTEMPTS.
import { sql, type Kysely } from 'kysely';
import type { AppContext } from '../../context.ts';
import type { DB } from '../../db/schema.ts';
import { smsSender } from '../../lib/sms.ts';

/** Sends tried per text before it is given up (the row stays, with its last error). */
export const SMS_MAX_ATTEMPTS = 5;
/** Texts claimed at a time. */
const CLAIM_BATCH = 100;
/** How long a claimed text is left to its sender before another may send it again. */
const LEASE_SECONDS = 120;
/** The wait before retrying a failed text: 30 s, then doubling. */
const RETRY_SECONDS = 30;
/** How long sent and given-up texts (numbers included) are kept for questions, then deleted. */
const KEEP_DAYS = 30;
/** Old texts deleted per sweep at most (a big backlog goes over several sweeps). */
const PRUNE_BATCH = 10_000;

export interface QueuedSms {
  /** The number as stored (encrypted); decrypted only to hand it to the sender. */
  phoneEnc: string;
  text: string;
  /** Where a retry could queue the same text again: the second is dropped. */
  dedupeKey?: string | null | undefined;
}

/** Queues texts with the caller's transaction; they leave after it commits. */
export async function queueSms(ctx: AppContext, texts: QueuedSms[]) {
  if (texts.length === 0) return;
  await ctx.db.insertInto('sms_outbox')
    .values(texts.map((t) => ({ phone_enc: t.phoneEnc, text: t.text, dedupe_key: t.dedupeKey ?? null })))
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
  deliverAfterCommit(ctx);
}

/**
 * Starts delivery once the work in progress has committed (at once outside a transaction).
 * For callers that queue rows themselves (the call-up fan-out's INSERT … SELECT).
 */
export function deliverAfterCommit(ctx: AppContext) {
  if (!ctx.db.isTransaction) kick(ctx);
  else if (ctx.afterCommit && ctx.outside) {
    const outside = ctx.outside;
    ctx.afterCommit.push(() => kick(outside));
  }
  // A transaction not opened by inTransaction: the background sweep sends it.
}

/** One drainer at a time per database in this process; a kick while it runs makes it go round again. */
const drainers = new WeakMap<Kysely<DB>, { running: Promise<number>; again: boolean }>();

function kick(ctx: AppContext) {
  const current = drainers.get(ctx.db);
  if (current) {
    current.again = true;
    return;
  }
  const state = { running: Promise.resolve(0), again: false };
  state.running = (async () => {
    let sent = 0;
    try {
      do {
        state.again = false;
        sent += await drain(ctx);
      } while (state.again);
    } catch {
      // The database went away (shutdown) or failed: the rows stay, and the sweep, which
      // reports its errors, sends them.
    } finally {
      drainers.delete(ctx.db);
    }
    return sent;
  })();
  drainers.set(ctx.db, state);
}

/**
 * Sends every text that is due, after the delivery already under way in this process has
 * finished: the background sweep, and tests that read what was sent. Returns how many went.
 */
export async function deliverPendingSms(ctx: AppContext): Promise<number> {
  await drainers.get(ctx.db)?.running;
  return drain(ctx);
}

/** The background task: sends what is due (left behind by a crash, or waiting to be retried), then deletes old texts. */
export async function sweepSmsOutbox(ctx: AppContext) {
  const sent = await deliverPendingSms(ctx);
  await ctx.db.deleteFrom('sms_outbox').where('id', 'in', (eb) => eb.selectFrom('sms_outbox').select('id')
    .where('created_at', '<', sql<Date>`now() - make_interval(days => ${KEEP_DAYS})`)
    .where((w) => w.or([w('sent_at', 'is not', null), w('attempts', '>=', SMS_MAX_ATTEMPTS)]))
    .limit(PRUNE_BATCH)).execute();
  return sent;
}

/**
 * An erasure deletes the person's texts, sent or not, at once instead of after KEEP_DAYS:
 * the outbox copies the stored ciphertext verbatim, so equality on it finds them. Returns
 * how many went. A text already claimed by a drainer may still leave; its row does not stay.
 */
export async function forgetTextsTo(ctx: AppContext, phoneEncs: (string | null | undefined)[]) {
  const numbers = [...new Set(phoneEncs.filter((value): value is string => !!value))];
  if (numbers.length === 0) return 0;
  const result = await ctx.db.deleteFrom('sms_outbox').where('phone_enc', 'in', numbers).executeTakeFirst();
  return Number(result.numDeletedRows);
}

async function drain(ctx: AppContext): Promise<number> {
  const sender = smsSender(ctx.config);
  let sent = 0;
  for (;;) {
    const claimed = await ctx.db.updateTable('sms_outbox')
      .set({ attempts: sql<number>`attempts + 1`, next_attempt_at: sql<Date>`now() + make_interval(secs => ${LEASE_SECONDS})` })
      .where('id', 'in', (eb) => eb.selectFrom('sms_outbox').select('id')
        .where('sent_at', 'is', null).where('next_attempt_at', '<=', sql<Date>`now()`).where('attempts', '<', SMS_MAX_ATTEMPTS)
        .orderBy('next_attempt_at').orderBy('id').limit(CLAIM_BATCH).forUpdate().skipLocked())
      .returning(['id', 'phone_enc', 'text', 'attempts'])
      .execute();
    for (const row of claimed.sort((a, b) => a.id - b.id)) {
      try {
        await sender.send(ctx.pii.decrypt(row.phone_enc), row.text);
      } catch (error) {
        const retry = row.attempts >= SMS_MAX_ATTEMPTS ? sql<Date>`'infinity'::timestamptz`
          : sql<Date>`now() + make_interval(secs => ${RETRY_SECONDS * 2 ** (row.attempts - 1)})`;
        await ctx.db.updateTable('sms_outbox').set({ last_error: (error instanceof Error ? error.message : String(error)).slice(0, 500), next_attempt_at: retry })
          .where('id', '=', row.id).execute();
        continue;
      }
      await ctx.db.updateTable('sms_outbox').set({ sent_at: sql<Date>`now()` }).where('id', '=', row.id).execute();
      sent += 1;
    }
    if (claimed.length < CLAIM_BATCH) return sent;
  }
}
