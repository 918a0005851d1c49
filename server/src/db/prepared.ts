// Named prepared statements on the PostgreSQL pool. Kysely sends every query as an unnamed
// statement, which PostgreSQL parses and plans again each time; on this machine's 2 cores
// planning the list queries cost more than running them (pgbench: the activity list 1,700
// tps unnamed, 4,600 prepared). Each connection here prepares the queries it meets by a
// name derived from their text, and PostgreSQL may then keep a generic plan for them.
import { createHash } from 'node:crypto';
import type pg from 'pg';

/** Statements one connection keeps prepared; queries met after that run unnamed. */
export const PREPARED_PER_CONNECTION = 400;

const names = new Map<string, string>();
const NAME_CACHE = 5000;

function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `lx_${createHash('sha1').update(text).digest('base64url')}`;
    if (names.size >= NAME_CACHE) names.clear();
    names.set(text, name);
  }
  return name;
}

// A schema change under a live connection (a restore, a migration in a test) makes a kept
// statement over `SELECT *` fail with this; the query then runs unnamed from there on.
const CHANGED_RESULT = 'cached plan must not change result type';

/** Makes this client prepare the parameterized queries it is given (statements without parameters may be several in one text). */
export function prepareStatements(client: pg.PoolClient): void {
  const kept = new Set<string>();
  const unnamed = new Set<string>();
  const query = client.query.bind(client) as (...args: unknown[]) => Promise<pg.QueryResult>;
  const prepared = async (name: string, text: string, values: unknown[]) => {
    try {
      return await query({ name, text, values });
    } catch (error) {
      if ((error as { message?: string }).message === CHANGED_RESULT) {
        kept.delete(name);
        unnamed.add(name);
      }
      throw error;
    }
  };
  client.query = ((...args: unknown[]) => {
    const [text, values, callback] = args;
    if (typeof text === 'string' && Array.isArray(values) && values.length > 0 && callback === undefined) {
      const name = statementName(text);
      if (!unnamed.has(name) && (kept.has(name) || kept.size < PREPARED_PER_CONNECTION)) {
        kept.add(name);
        return prepared(name, text, values);
      }
    }
    return query(...args);
  }) as typeof client.query;
}
