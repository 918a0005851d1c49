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
}

/**
 * Runs `work` in one transaction, handing it a context whose queries all go through it.
 * Inside a transaction already, `work` joins it: the caller's commit or rollback covers both.
 */
export function inTransaction<T>(ctx: AppContext, work: (tx: AppContext) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return work(ctx);
  return ctx.db.transaction().execute(async (db) => {
    const result = await work({ ...ctx, db });
    await stampCommit(db);
    return result;
  });
}
