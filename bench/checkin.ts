// Benchmark `check-in`: check-ins per second through the whole API (HTTP, session,
// scope, sign-up check, QR verification, the attendance insert) against the ceiling of
// the same database in the same run: pgbench's TPC-B rate.
//   (a) ceiling: pgbench -i -s 10, then pgbench -c 16 -j 2 -T 20 -M prepared
//   (b) ours: a real `lianxin serve` process; 32 concurrent keep-alive clients POST
//       /api/v1/activities/{id}/checkin with the rotating QR token, each (activity,
//       volunteer) pair once, for 20 s after a 3 s warm-up
import http from 'node:http';
import path from 'node:path';
import { sql } from 'kysely';
import { currentCode } from '../server/src/lib/qr-token.ts';
import { runImportCommand } from '../server/src/modules/imports/command.ts';
import { actorFor, buildActivity, buildOrganization, buildProject } from '../server/src/seed/factories.ts';
import { freshBenchDatabase, pgbenchTps, rate, type BenchDatabase } from './database.ts';
import { generateVolunteers, writeVolunteerCsv } from './generate.ts';
import type { BenchOptions, BenchResult } from './index.ts';
import { send, type Request } from './load.ts';
import { startLianxin } from './processes.ts';

const DATABASE = 'lianxin_bench_checkin';
const VOLUNTEERS = 4000;
const ACTIVITIES = 30;
const CONCURRENCY = 32;
const WARMUP_SECONDS = 3;
const SECONDS = 20;
const PORT = 3999;

export interface CheckIns {
  activityIds: number[];
  volunteerIds: number[];
  /** The pair-th check-in: each (activity, volunteer) pair in turn, then the same again (answered as repeats). */
  request(pair: number): Request;
}

/**
 * Volunteers with accounts and live sessions (token `bench-<volunteer id>`), all signed up
 * to every activity. Only the volunteers imported here: the database may hold others (the
 * soak runs on a copy of the synthetic province).
 */
export async function prepareCheckIns(bench: BenchDatabase, log: (line: string) => void): Promise<CheckIns> {
  const { ctx } = bench;
  const villages = (await ctx.db.selectFrom('sites').select('region_code').where('kind', '=', 'station').where('region_code', 'like', '210321%').execute())
    .map((site) => ({ regionCode: site.region_code }));
  const file = path.join(bench.work, 'volunteers.csv');
  await writeVolunteerCsv(file, generateVolunteers(VOLUNTEERS, villages));
  const before = (await sql<{ id: number }>`SELECT coalesce(max(id), 0)::int AS id FROM volunteers`.execute(ctx.db)).rows[0]!.id;
  await runImportCommand(ctx, { kind: 'volunteers', file }, { progress: null });
  log(`check-in: ${VOLUNTEERS} volunteers with accounts and sessions, ${ACTIVITIES} activities each has all of them signed up…`);
  await sql`INSERT INTO users (name, phone_hash, phone_enc, phone_masked, password_hash, region_code)
    SELECT name, 'bench:' || id, 'none', phone_masked, '!', region_code FROM volunteers WHERE id > ${before}`.execute(ctx.db);
  await sql`UPDATE volunteers v SET user_id = u.id FROM users u WHERE u.phone_hash = 'bench:' || v.id AND v.id > ${before}`.execute(ctx.db);
  await sql`INSERT INTO grants (user_id, role, site_id, region_code) SELECT user_id, 'volunteer', site_id, region_code FROM volunteers WHERE id > ${before}`.execute(ctx.db);
  await sql`INSERT INTO sessions (token_hash, user_id, expires_at)
    SELECT encode(sha256(convert_to('bench-' || id, 'UTF8')), 'hex'), user_id, now() + interval '1 day' FROM volunteers WHERE id > ${before}`.execute(ctx.db);

  const province = await ctx.db.selectFrom('grants').select('user_id').where('role', '=', 'province_admin').executeTakeFirstOrThrow();
  const actor = await actorFor(ctx, province.user_id);
  const station = await ctx.db.selectFrom('sites').select('id').where('region_code', '=', '210321001021').where('kind', '=', 'station').executeTakeFirstOrThrow();
  const team = await buildOrganization(ctx, actor, { siteId: station.id, name: '基准测试志愿服务队' });
  const project = await buildProject(ctx, actor, { organizationId: team.id, name: '基准测试项目' });
  const activityIds: number[] = [];
  for (let i = 0; i < ACTIVITIES; i += 1) {
    activityIds.push((await buildActivity(ctx, actor, { projectId: project.id, siteId: station.id, quota: VOLUNTEERS, title: `基准活动${i + 1}` })).id);
  }
  const volunteerIds = (await ctx.db.selectFrom('volunteers').select('id').where('id', '>', before).orderBy('id').execute()).map((row) => row.id);
  // On a copy of the province a few generated people may already be there (skipped, not doubled).
  if (volunteerIds.length < VOLUNTEERS * 0.9) throw new Error(`check-in: the import kept ${volunteerIds.length} of ${VOLUNTEERS} volunteers (see import_row_errors)`);
  await sql`INSERT INTO signups (activity_id, volunteer_id, status)
    SELECT a, v, 'confirmed' FROM unnest(${activityIds}::int[]) a CROSS JOIN unnest(${volunteerIds}::int[]) v`.execute(ctx.db);
  await sql`UPDATE activities SET confirmed_count = ${volunteerIds.length} WHERE id = ANY(${activityIds}::int[])`.execute(ctx.db);
  await sql`ANALYZE`.execute(ctx.db);
  return {
    activityIds, volunteerIds,
    request(pair) {
      const activityId = activityIds[Math.floor(pair / volunteerIds.length) % activityIds.length]!;
      return {
        path: `/api/v1/activities/${activityId}/checkin`, method: 'POST', cookie: `lianxin_sid=bench-${volunteerIds[pair % volunteerIds.length]!}`,
        body: JSON.stringify({ token: currentCode(ctx.pii, 'checkin', activityId).token }),
      };
    },
  };
}

export async function benchCheckIn(options: BenchOptions): Promise<BenchResult[]> {
  const { log } = options;
  log(`check-in: fresh database ${DATABASE}, migrations and the Liaoning network…`);
  const bench = await freshBenchDatabase(options.databaseUrl, DATABASE, options.keep);
  try {
    const checkIns = await prepareCheckIns(bench, log);
    log('check-in: (a) ceiling, pgbench TPC-B on the same database…');
    const ceiling = await pgbenchTps(bench.url, { selectOnly: false, seconds: SECONDS });
    log(`check-in: pgbench ${ceiling.toFixed(0)} tps`);
    log(`check-in: (b) ${CONCURRENCY} clients checking in through the API…`);
    const server = await startLianxin(bench.url, bench.work, PORT);
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    let next = 0;
    let counted = 0;
    let failures = 0;
    let measuring = false;
    const total = checkIns.activityIds.length * checkIns.volunteerIds.length;
    const deadline = Date.now() + (WARMUP_SECONDS + SECONDS) * 1000;
    const client = async () => {
      while (Date.now() < deadline && next < total) {
        const status = await send(agent, PORT, checkIns.request(next++));
        if (status !== 200) failures += 1;
        else if (measuring) counted += 1;
      }
    };
    setTimeout(() => { measuring = true; }, WARMUP_SECONDS * 1000);
    const started = Date.now() + WARMUP_SECONDS * 1000;
    try {
      await Promise.all(Array.from({ length: CONCURRENCY }, client));
    } finally {
      agent.destroy();
      server.kill('SIGTERM');
    }
    if (failures > 0) throw new Error(`bench check-in: ${failures} check-ins did not answer 200`);
    const value = rate(counted, Date.now() - started);
    const stored = await bench.ctx.db.selectFrom('attendance').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    log(`check-in: ours ${value} check-ins/s; ${stored.n} attendance rows for ${next} requests`);
    if (stored.n !== next) throw new Error(`bench check-in: ${next} check-ins answered but ${stored.n} stored`);
    return [{
      name: 'check-in', value, unit: 'req/s', ceiling: Math.round(ceiling), ratio: Math.round((value / ceiling) * 100) / 100, target: 0.5,
      note: `POST /activities/{id}/checkin with the QR token, ${CONCURRENCY} keep-alive clients, vs pgbench TPC-B (-c 16, scale 10) on the same database`,
    }];
  } finally {
    await bench.close();
  }
}
