// Opens the database: embedded PGlite in a data folder by default, or a PostgreSQL server
// when DATABASE_URL is set. Both speak the same SQL and return the same JS types.
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.ts';
import { pglitePool } from './pglite-pool.ts';
import { prepareStatements } from './prepared.ts';

export type Engine = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  /** PGlite data folder; ignored when databaseUrl is set. */
  dataDir?: string | undefined;
  poolSize?: number;
  onPoolError?: (error: Error) => void;
}

// Type OIDs whose default JS mapping differs between the drivers. Counts (int8) and sums
// (numeric) become numbers; dates stay 'YYYY-MM-DD' strings, free of the process time zone.
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const parsers: Record<number, (value: string) => unknown> = {
  [INT8]: Number,
  [NUMERIC]: Number,
  [DATE]: (value) => value,
};

function pgTypes(): pg.CustomTypesConfig {
  return {
    getTypeParser: ((oid: number, format?: string) =>
      parsers[oid] ?? pg.types.getTypeParser(oid, format as 'text')) as pg.CustomTypesConfig['getTypeParser'],
  };
}

/**
 * How long a request waits for a connection (a new one, or a free one of the pool) before
 * it answers 503: a server that stopped answering must not hang every request.
 */
export const CONNECT_TIMEOUT_MS = 10_000;

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl, max: options.poolSize ?? 10, types: pgTypes(), connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    });
    // A client losing its server (a restart) must not take the process down: an idle one is
    // reported by the pool; one checked out between two queries reports to itself, and its
    // next query fails (503) and the pool drops it on release.
    pool.on('error', (error) => options.onPoolError?.(error));
    pool.on('connect', (client) => {
      client.on('error', (error) => options.onPoolError?.(error));
      prepareStatements(client);
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: 'postgres', close: () => db.destroy() };
  }
  const dataDir = options.dataDir;
  if (!dataDir) throw new Error('openDatabase needs a databaseUrl or a dataDir');
  const pgliteDir = path.join(dataDir, 'pglite');
  fs.mkdirSync(pgliteDir, { recursive: true });
  const pglite = await PGlite.create(pgliteDir, { parsers });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: pglitePool(pglite) }) });
  return { db, engine: 'pglite', close: () => db.destroy() };
}
