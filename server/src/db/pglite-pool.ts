// Makes one embedded PGlite look like a `pg` pool to Kysely's PostgresDialect, so both
// engines share Kysely's own Postgres driver (transactions, savepoints, errors).
// PGlite has a single connection: a checked-out client holds it exclusively until it is
// released, so a transaction never interleaves with another request's statements.
import type { PGlite } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

/**
 * A statement that needs PGlite's own API (COPY to or from a Blob). It is handed to Kysely
 * in place of SQL text, as `pg` takes a COPY stream, and so runs on the caller's
 * connection and inside its transaction.
 */
export interface PgliteStatement {
  run(pglite: PGlite): Promise<{ affectedRows?: number | undefined }>;
}

class Mutex {
  #tail: Promise<void> = Promise.resolve();

  lock(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const acquired = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => next);
    return acquired;
  }
}

type Command = PostgresQueryResult<unknown>['command'];

/** Kysely reports affected rows only for these commands, as `pg` names them. */
function commandOf(sql: string): Command {
  const verb = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase();
  return verb === 'INSERT' || verb === 'UPDATE' || verb === 'DELETE' || verb === 'MERGE' ? verb : 'SELECT';
}

export function pglitePool(pglite: PGlite): PostgresPool {
  const mutex = new Mutex();
  return {
    async connect(): Promise<PostgresPoolClient> {
      const release = await mutex.lock();
      const client = {
        async query<R>(sql: string | PgliteStatement, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> {
          if (typeof sql !== 'string') {
            const result = await sql.run(pglite);
            return { command: 'SELECT', rowCount: result.affectedRows ?? 0, rows: [] };
          }
          if (parameters.length === 0) {
            // The simple protocol, as `pg` uses without parameters: scripts may hold several statements.
            const results = await pglite.exec(sql);
            const last = results.at(-1);
            return { command: commandOf(sql), rowCount: last?.affectedRows ?? 0, rows: (last?.rows ?? []) as R[] };
          }
          const result = await pglite.query<R>(sql, parameters as unknown[]);
          return { command: commandOf(sql), rowCount: result.affectedRows ?? 0, rows: result.rows };
        },
        release,
      };
      // Kysely calls the cursor overload only for streaming, which Lianxin does not use.
      return client as PostgresPoolClient;
    },
    async end() {
      await pglite.close();
    },
  };
}
