// What every module receives: the database, the personal-data keys and the configuration.
import type { Kysely } from 'kysely';
import type { Config } from './config.ts';
import type { Engine } from './db/index.ts';
import type { DB } from './db/schema.ts';
import { stampCommit } from './lib/idempotent-writes.ts';
import type { Pii } from './lib/pii.ts';

export interface AppContext {
  db: Kysely<DB>;
  engine: Engine;
  pii: Pii;
  config: Config;
  /** Work to run once the transaction in progress has committed (set by inTransaction). */
  afterCommit?: Array<() => void>;
  /** Inside a transaction: the context it was opened from, for work after commit (set by inTransaction). */
  outside?: AppContext;
}

/**
 * Runs `work` in one transaction, handing it a context whose queries all go through it.
 * Inside a transaction already, `work` joins it: the caller's commit or rollback covers both.
 */
export async function inTransaction<T>(ctx: AppContext, work: (tx: AppContext) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return work(ctx);
  const afterCommit: Array<() => void> = [];
  const result = await ctx.db.transaction().execute(async (db) => {
    const result = await work({ ...ctx, db, afterCommit, outside: ctx });
    await stampCommit(db);
    return result;
  });
  for (const run of afterCommit) run();
  return result;
}
