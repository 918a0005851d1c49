// Benchmark `fan-out`: how fast a call-up reaches a million volunteers' inboxes, against the
// ceiling of the same machine: a raw INSERT … SELECT of as many rows into the same
// notifications table in the same run.
//   (a) ceiling: INSERT INTO notifications … SELECT over the million accounts, one statement
//   (b) ours: a province-wide call-up fanned out by the background task's batches (keyset
//       over volunteers by region, an INSERT … SELECT per batch, the cursor moved in the
//       same transaction), until every matching volunteer has the alert
import { sql } from 'kysely';
import * as callups from '../server/src/modules/callups/service.ts';
import { actorFor } from '../server/src/seed/factories.ts';
import { freshBenchDatabase, rate } from './database.ts';
import type { BenchOptions, BenchResult } from './index.ts';

const DATABASE = 'lianxin_bench_fanout';
const DEFAULT_ROWS = 1_000_000;

export async function benchFanOut(options: BenchOptions): Promise<BenchResult[]> {
  const rows = options.rows ?? DEFAULT_ROWS;
  const { log } = options;
  log(`fan-out: fresh database ${DATABASE}, migrations and the Liaoning network…`);
  const bench = await freshBenchDatabase(options.databaseUrl, DATABASE, options.keep);
  const { ctx } = bench;
  try {
    log(`fan-out: ${rows.toLocaleString('en-US')} volunteers with accounts across the province's villages (not timed)…`);
    // Synthetic people: the fan-out reads only where they live, their flags and their account.
    await sql`INSERT INTO users (name, phone_hash, phone_enc, phone_masked, password_hash, region_code)
      SELECT 'bench' || g, 'bench-' || g, 'none', '199****0000', '!', u.region_code
      FROM (SELECT array_agg(region_code ORDER BY region_code) AS codes FROM sites WHERE kind = 'station') s,
        LATERAL (SELECT g, s.codes[1 + g % cardinality(s.codes)] AS region_code FROM generate_series(1, ${rows}) g) u`.execute(ctx.db);
    await sql`INSERT INTO volunteers (volunteer_no, user_id, name, name_initials, id_hash, id_enc, id_masked, birth_date, sex, phone_hash, phone_enc,
        phone_masked, phone_tail, site_id, region_code, emergency_reserve, consent_at, status, source)
      SELECT 'B' || u.id, u.id, u.name, 'b', 'bench-id-' || u.id, 'none', '2100**********0000', '1980-01-01', 'M', u.phone_hash, 'none',
        u.phone_masked, '0000', st.id, u.region_code, true, now(), 'active', 'import'
      FROM users u JOIN sites st ON st.region_code = u.region_code AND st.kind = 'station' WHERE u.phone_hash LIKE 'bench-%'`.execute(ctx.db);
    await sql`ANALYZE`.execute(ctx.db);
    const accounts = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM volunteers`.execute(ctx.db)).rows[0]!.n;

    log('fan-out: (a) ceiling, raw INSERT … SELECT into notifications…');
    let started = performance.now();
    await sql`INSERT INTO notifications (user_id, kind, title, body, link)
      SELECT user_id, 'callup', '应急动员：基准', '请查看详情并回复是否参加。', '/m/callups/0' FROM volunteers`.execute(ctx.db);
    const ceiling = rate(accounts, performance.now() - started);
    log(`fan-out: raw INSERT ${accounts.toLocaleString('en-US')} rows = ${ceiling.toLocaleString('en-US')} rows/s`);
    await sql`TRUNCATE notifications`.execute(ctx.db);
    await sql`VACUUM ANALYZE notifications`.execute(ctx.db);

    log('fan-out: (b) a province-wide call-up through the background batches…');
    const province = await ctx.db.selectFrom('grants').select('user_id').where('role', '=', 'province_admin').executeTakeFirstOrThrow();
    const actor = await actorFor(ctx, province.user_id);
    const callup = await callups.createCallup(ctx, actor, {
      title: '基准动员', areaPrefix: '21', headcount: rows, reserveOnly: true, posts: [{ name: '集合点', capacity: rows }],
    });
    started = performance.now();
    let reached = 0;
    for (;;) {
      const n = await callups.fanOutBatch(ctx);
      if (n === null) break;
      reached += n;
    }
    const value = rate(reached, performance.now() - started);
    const stored = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM notifications WHERE link = ${`/m/callups/${callup.id}`}`.execute(ctx.db)).rows[0]!.n;
    if (stored !== accounts || reached !== accounts) throw new Error(`bench fan-out: ${accounts} volunteers, ${reached} reached, ${stored} alerts stored`);
    log(`fan-out: ours ${reached.toLocaleString('en-US')} alerts = ${value.toLocaleString('en-US')} rows/s`);
    return [{
      name: 'fan-out', value, unit: 'rows/s', ceiling, ratio: Math.round((value / ceiling) * 100) / 100, target: 0.5,
      note: `a call-up to ${accounts.toLocaleString('en-US')} volunteers in ${callups.FANOUT_BATCH}-row background batches vs one raw INSERT … SELECT into the same inbox table`,
    }];
  } finally {
    await bench.close();
  }
}
