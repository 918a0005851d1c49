// The Idempotency-Key a request's writes belong to. The route handler runs inside
// `currentSlot` (http/idempotency.ts), and every transaction it commits stamps the key in
// the same commit, so "the write happened" and "the key says so" can never disagree.
import { AsyncLocalStorage } from 'node:async_hooks';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export interface IdempotencySlot {
  userKey: string;
  key: string;
}

export const currentSlot = new AsyncLocalStorage<IdempotencySlot>();

/** Inside a transaction about to commit: the request's key, if any, records the commit. */
export async function stampCommit(db: Kysely<DB>): Promise<void> {
  const slot = currentSlot.getStore();
  if (!slot) return;
  await db.updateTable('idempotency_keys').set({ committed_at: sql<Date>`now()` })
    .where('user_key', '=', slot.userKey).where('key', '=', slot.key).execute();
}
