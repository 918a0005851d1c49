import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

export const STOCK_DAY = '1970-01-01';

/**
 * Folds pending count changes into the counters at every level; returns how many were
 * folded. Counters that fall to zero are removed, so the table holds what a rebuild would.
 */
export async function foldEvents(db: Kysely<DB>, limit: number): Promise<number> {
  const result = await sql<{ n: number; zeros: string }>`
    WITH moved AS (
      DELETE FROM stats_events WHERE id IN (SELECT id FROM stats_events ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
      RETURNING region_code, metric, key, day, delta
    ), summed AS (
      SELECT p AS prefix, metric, key, stats_grain(p, day) AS day, sum(delta)::bigint AS delta FROM moved, LATERAL stats_prefixes(region_code) p GROUP BY 1, 2, 3, 4
    ), applied AS (
      INSERT INTO stats_counters (prefix, metric, key, day, value) SELECT prefix, metric, key, day, delta FROM summed WHERE delta <> 0
      ON CONFLICT (prefix, metric, day, key) DO UPDATE SET value = stats_counters.value + excluded.value
      RETURNING prefix, metric, key, day, value
    )
    SELECT (SELECT count(*)::int FROM moved) AS n,
           (SELECT coalesce(json_agg(json_build_object('prefix', prefix, 'metric', metric, 'key', key, 'day', day)), '[]')::text FROM applied WHERE value = 0) AS zeros`.execute(db);
  const { n, zeros } = result.rows[0]!;
  if (zeros !== '[]') {
    await sql`DELETE FROM stats_counters c USING json_to_recordset(${zeros}::json) AS z(prefix text, metric text, key text, day date)
      WHERE c.value = 0 AND (c.prefix, c.metric, c.key, c.day) = (z.prefix, z.metric, z.key, z.day)`.execute(db);
  }
  return n;
}

/** Recomputes every counter from the base tables (the caller holds the events table locked). */
export async function rebuild(db: Kysely<DB>) {
  await sql`DELETE FROM stats_events`.execute(db);
  await sql`DELETE FROM stats_counters`.execute(db);
  // Enough memory to aggregate in one hash table rather than sort tens of millions of rows.
  await sql`SET LOCAL work_mem = '1GB'`.execute(db);
  await sql`INSERT INTO stats_counters (prefix, metric, key, day, value) SELECT prefix, metric, key, day, value FROM stats_expected`.execute(db);
}

/** Counters that differ from a recount of the base tables (nothing when all is right). */
export function mismatches(db: Kysely<DB>, limit: number) {
  return sql<{ prefix: string; metric: string; key: string; day: string; expected: number; actual: number }>`
    SELECT prefix, metric, key, day::text, coalesce(e.value, 0)::bigint AS expected, coalesce(c.value, 0)::bigint AS actual
    FROM stats_expected e FULL JOIN stats_counters c USING (prefix, metric, key, day)
    WHERE coalesce(e.value, 0) <> coalesce(c.value, 0)
    ORDER BY 1, 2, 3, 4 LIMIT ${limit}`.execute(db);
}

/** Sums of some metrics for one prefix: stocks, and flows within [from, to). */
export function sumsByKey(db: Kysely<DB>, prefix: string, metrics: string[], period: { from: string; to: string } | null) {
  let query = db.selectFrom('stats_counters').select(['metric', 'key', (eb) => eb.fn.sum<number>('value').as('value')])
    .where('prefix', '=', prefix).where('metric', 'in', metrics);
  query = period ? query.where('day', '>=', period.from).where('day', '<', period.to) : query.where('day', '=', STOCK_DAY);
  return query.groupBy(['metric', 'key']).execute();
}

/** One metric for each child prefix (the next level down) of a prefix. */
export function byChild(db: Kysely<DB>, prefix: string, childLength: number, metric: string, period: { from: string; to: string } | null, keys: string[] | null) {
  const high = (BigInt(prefix) + 1n).toString().padStart(prefix.length, '0'); // prefixes under '2103' sort in ['2103', '2104')
  let query = db.selectFrom('stats_counters').select(['prefix', (eb) => eb.fn.sum<number>('value').as('value')])
    .where('metric', '=', metric).where(sql<boolean>`length(prefix) = ${childLength}`).where('prefix', '>=', prefix).where('prefix', '<', high);
  query = period ? query.where('day', '>=', period.from).where('day', '<', period.to) : query.where('day', '=', STOCK_DAY);
  if (keys) query = query.where('key', 'in', keys);
  return query.groupBy('prefix').execute();
}

/** A flow metric of one prefix, day by day. */
export function daily(db: Kysely<DB>, prefix: string, metric: string, period: { from: string; to: string }) {
  return db.selectFrom('stats_counters').select([sql<string>`day::text`.as('day'), (eb) => eb.fn.sum<number>('value').as('value')])
    .where('prefix', '=', prefix).where('metric', '=', metric).where('day', '>=', period.from).where('day', '<', period.to)
    .groupBy('day').orderBy('day').execute();
}
