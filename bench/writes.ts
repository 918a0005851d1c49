// Benchmark `writes`: the write paths volunteers press on their phones, each per second
// through the whole API (HTTP, session, scope, the workflow's checks, its transaction)
// against the ceiling of the same database in the same run: pgbench's TPC-B rate.
//   ceiling: pgbench -i -s 10, then pgbench -c 16 -j 2 -T 20 -M prepared
//   ours, on a real `lianxin serve` process, 32 concurrent keep-alive clients, each
//   request once, for 20 s after a 3 s warm-up:
//     sign-up   POST /activities/{id}/signup (seat counting, waiting list)
//     check-in  POST /activities/{id}/checkin with the rotating QR token, then again with
//               an Idempotency-Key on each, as phones send it
//     claim     POST /wishes/{id}/claim as a volunteer (one claimer, the poster told)
import path from 'node:path';
import { sql } from 'kysely';
import { currentCode } from '../server/src/lib/qr-token.ts';
import { runImportCommand } from '../server/src/modules/imports/command.ts';
import { postWish, reviewWish } from '../server/src/modules/wishes/service.ts';
import { actorFor, buildActivity, buildOrganization, buildProject } from '../server/src/seed/factories.ts';
import { freshBenchDatabase, pgbenchInit, pgbenchTps, rate, type BenchDatabase } from './database.ts';
import { generateVolunteers, writeVolunteerCsv } from './generate.ts';
import type { BenchOptions, BenchResult } from './index.ts';
import { Connection, type Request } from './load.ts';
import { startLianxin } from './processes.ts';

const DATABASE = 'lianxin_bench_writes';
/** Enough for every check-in of the run to be a different volunteer's (one place at a time). */
const VOLUNTEERS = 100_000;
const ACTIVITIES = 30;
const CONCURRENCY = 32;
const WARMUP_SECONDS = 3;
const SECONDS = 20;
const PORT = 3999;

/** Volunteers with accounts and live sessions (token `bench-<volunteer id>`), and activities with room for all of them. */
export interface People {
  activityIds: number[];
  volunteerIds: number[];
  stationId: number;
}

/**
 * The pair-th (activity, volunteer) pair: the activities in turn, so the 32 clients press on
 * 30 activities at once, as many phones do across a county (TPC-B's 16 clients share its 10
 * branch rows). A rush on one activity is serialized by its seat count by design: the races
 * test holds it to the quota.
 */
const pairOf = (people: People, pair: number) => ({
  activityId: people.activityIds[pair % people.activityIds.length]!,
  volunteerId: people.volunteerIds[Math.floor(pair / people.activityIds.length) % people.volunteerIds.length]!,
});
const asVolunteer = (volunteerId: number) => `lianxin_sid=bench-${volunteerId}`;

/**
 * Imports the volunteers (only those imported here count: the soak runs on a copy of the
 * synthetic province, which may hold others) and gives them accounts and sessions.
 */
async function preparePeople(bench: BenchDatabase, log: (line: string) => void): Promise<People> {
  const { ctx } = bench;
  const villages = (await ctx.db.selectFrom('sites').select('region_code').where('kind', '=', 'station').where('region_code', 'like', '210321%').execute())
    .map((site) => ({ regionCode: site.region_code }));
  const file = path.join(bench.work, 'volunteers.csv');
  await writeVolunteerCsv(file, generateVolunteers(VOLUNTEERS, villages));
  const before = (await sql<{ id: number }>`SELECT coalesce(max(id), 0)::int AS id FROM volunteers`.execute(ctx.db)).rows[0]!.id;
  await runImportCommand(ctx, { kind: 'volunteers', file }, { progress: null });
  log(`writes: ${VOLUNTEERS} volunteers with accounts and sessions, ${ACTIVITIES} activities with room for all of them…`);
  await sql`INSERT INTO users (name, phone_hash, phone_enc, phone_masked, password_hash, region_code)
    SELECT name, 'bench:' || id, 'none', phone_masked, '!', region_code FROM volunteers WHERE id > ${before}`.execute(ctx.db);
  await sql`UPDATE volunteers v SET user_id = u.id FROM users u WHERE u.phone_hash = 'bench:' || v.id AND v.id > ${before}`.execute(ctx.db);
  await sql`INSERT INTO grants (user_id, role, site_id, region_code) SELECT user_id, 'volunteer', site_id, region_code FROM volunteers WHERE id > ${before}`.execute(ctx.db);
  await sql`INSERT INTO sessions (token_hash, user_id, expires_at)
    SELECT encode(sha256(convert_to('bench-' || id, 'UTF8')), 'hex'), user_id, now() + interval '1 day' FROM volunteers WHERE id > ${before}`.execute(ctx.db);

  const actor = await provinceActor(bench);
  const station = await ctx.db.selectFrom('sites').select('id').where('region_code', '=', '210321001021').where('kind', '=', 'station').executeTakeFirstOrThrow();
  const team = await buildOrganization(ctx, actor, { siteId: station.id, name: '基准测试志愿服务队' });
  const project = await buildProject(ctx, actor, { organizationId: team.id, name: '基准测试项目' });
  const activityIds: number[] = [];
  for (let i = 0; i < ACTIVITIES; i += 1) {
    activityIds.push((await buildActivity(ctx, actor, { projectId: project.id, siteId: station.id, quota: VOLUNTEERS, title: `基准活动${i + 1}` })).id);
  }
  const volunteerIds = (await ctx.db.selectFrom('volunteers').select('id').where('id', '>', before).orderBy('id').execute()).map((row) => row.id);
  // On a copy of the province a few generated people may already be there (skipped, not doubled).
  if (volunteerIds.length < VOLUNTEERS * 0.9) throw new Error(`writes: the import kept ${volunteerIds.length} of ${VOLUNTEERS} volunteers (see import_row_errors)`);
  return { activityIds, volunteerIds, stationId: station.id };
}

async function provinceActor(bench: BenchDatabase) {
  const province = await bench.ctx.db.selectFrom('grants').select('user_id').where('role', '=', 'province_admin').executeTakeFirstOrThrow();
  return actorFor(bench.ctx, province.user_id);
}

/**
 * The i-th check-in: each volunteer once, at one activity, then the same again (answered as
 * repeats). One activity each: the activities run at the same time, and a volunteer checked
 * in at one is refused at another (no minute served twice).
 */
const checkInOf = (people: People, i: number) => {
  const v = i % people.volunteerIds.length;
  return { activityId: people.activityIds[v % people.activityIds.length]!, volunteerId: people.volunteerIds[v]! };
};

/** Signs every volunteer up to the activity they check in at, beside the sign-ups already made. */
async function signEveryoneUp(bench: BenchDatabase, people: People) {
  const { db } = bench.ctx;
  await sql`INSERT INTO signups (activity_id, volunteer_id, status)
    SELECT (${people.activityIds}::int[])[1 + (ord - 1) % ${people.activityIds.length}], v, 'confirmed'
    FROM unnest(${people.volunteerIds}::int[]) WITH ORDINALITY AS t(v, ord)
    ON CONFLICT DO NOTHING`.execute(db);
  await sql`UPDATE activities a SET confirmed_count = (SELECT count(*) FROM signups s WHERE s.activity_id = a.id AND s.status = 'confirmed')
    WHERE a.id = ANY(${people.activityIds}::int[])`.execute(db);
  await sql`ANALYZE`.execute(db);
}

export interface CheckIns extends People {
  /** The i-th check-in (checkInOf). */
  request(i: number): Request;
}

/** People signed up to every activity, and the check-in requests they send. */
export async function prepareCheckIns(bench: BenchDatabase, log: (line: string) => void, people?: People): Promise<CheckIns> {
  const ready = people ?? (await preparePeople(bench, log));
  await signEveryoneUp(bench, ready);
  const { pii } = bench.ctx;
  return {
    ...ready,
    request(i) {
      const { activityId, volunteerId } = checkInOf(ready, i);
      return {
        path: `/api/v1/activities/${activityId}/checkin`, method: 'POST', cookie: asVolunteer(volunteerId),
        body: JSON.stringify({ token: currentCode(pii, 'checkin', activityId).token }),
      };
    },
  };
}

/** Published wishes at the benchmark's station, one for each claim the run may make. */
async function publishWishes(bench: BenchDatabase, people: People, count: number): Promise<number[]> {
  const { ctx } = bench;
  const actor = await provinceActor(bench);
  const first = await postWish(ctx, actor, {
    title: '基准心愿', story: '为基准测试准备的心愿', category: 'daily', beneficiaryGroup: 'elderly_alone', beneficiaryName: '王奶奶', siteId: people.stationId,
  });
  await reviewWish(ctx, actor, first.id, { decision: 'approve' });
  const { rows } = await sql<{ id: number }>`
    INSERT INTO wishes (title, story, category, beneficiary_group, beneficiary_name_enc, beneficiary_name_masked, beneficiary_key, site_id, region_code, posted_by, on_behalf, status)
    SELECT title, story, category, beneficiary_group, beneficiary_name_enc, beneficiary_name_masked, beneficiary_key || n, site_id, region_code, posted_by, on_behalf, status
    FROM wishes w, generate_series(2, ${count}) n WHERE w.id = ${first.id}
    RETURNING id`.execute(ctx.db);
  await sql`ANALYZE wishes`.execute(ctx.db);
  return [first.id, ...rows.map((row) => row.id)];
}

/** One write path under load: each request of `requestOf` once, until the time is up or they run out. */
async function measure(port: number, total: number, requestOf: (i: number) => Request, expected: number): Promise<{ value: number; sent: number }> {
  let next = 0;
  let counted = 0;
  let failures = 0;
  let measuring = false;
  const deadline = Date.now() + (WARMUP_SECONDS + SECONDS) * 1000;
  const client = async (connection: Connection) => {
    while (Date.now() < deadline && next < total) {
      const status = await connection.send(requestOf(next++));
      if (status !== expected) failures += 1;
      else if (measuring) counted += 1;
    }
  };
  const warmup = setTimeout(() => { measuring = true; }, WARMUP_SECONDS * 1000);
  const started = Date.now() + WARMUP_SECONDS * 1000;
  const connections = Array.from({ length: CONCURRENCY }, () => new Connection(port));
  try {
    await Promise.all(connections.map(client));
  } finally {
    clearTimeout(warmup);
    for (const connection of connections) connection.close();
  }
  if (failures > 0) throw new Error(`bench writes: ${failures} of ${next} requests did not answer ${expected}`);
  return { value: rate(counted, Date.now() - started), sent: next };
}

/**
 * Before each measured run, ours or pgbench's: the bulk loads vacuumed (hint bits set, the
 * visibility map current) and a checkpoint taken, so that neither run pays for the other's
 * dirty pages, nor for a checkpoint's full-page writes that the other escaped. Without it
 * the same code measured 0.54 and 0.29 of TPC-B in two runs ten minutes apart.
 */
async function settle(bench: BenchDatabase) {
  await sql`VACUUM ANALYZE`.execute(bench.ctx.db);
  await sql`CHECKPOINT`.execute(bench.ctx.db);
}

const count = async (bench: BenchDatabase, query: ReturnType<typeof sql<{ n: number }>>) => (await query.execute(bench.ctx.db)).rows[0]!.n;

export async function benchWrites(options: BenchOptions): Promise<BenchResult[]> {
  const { log } = options;
  log(`writes: fresh database ${DATABASE}, migrations and the Liaoning network…`);
  const bench = await freshBenchDatabase(options.databaseUrl, DATABASE, options.keep);
  try {
    let ceiling = 0;
    const people = await preparePeople(bench, log);
    const pairs = people.activityIds.length * people.volunteerIds.length;
    const wishIds = await publishWishes(bench, people, 40_000);
    const server = await startLianxin(bench.url, bench.work, PORT);
    const measured: { name: string; value: number; note: string }[] = [];
    try {
      await settle(bench);
      log(`writes: sign-ups through the API…`);
      const signUps = await measure(PORT, pairs, (pair) => {
        const { activityId, volunteerId } = pairOf(people, pair);
        return { path: `/api/v1/activities/${activityId}/signup`, method: 'POST', cookie: asVolunteer(volunteerId) };
      }, 201);
      const signed = await count(bench, sql`SELECT count(*)::int AS n FROM signups WHERE activity_id = ANY(${people.activityIds}::int[])`);
      if (signed !== signUps.sent) throw new Error(`bench writes: ${signUps.sent} sign-ups answered but ${signed} stored`);
      measured.push({ name: 'sign-up', value: signUps.value, note: 'POST /activities/{id}/signup' });

      const checkIns = await prepareCheckIns(bench, log, people);
      await pgbenchInit(bench.url);
      await settle(bench);
      log('writes: ceiling, pgbench TPC-B on the same database, just before the check-ins (the target is theirs)…');
      ceiling = Math.round(await pgbenchTps(bench.url, { selectOnly: false, seconds: SECONDS }));
      log(`writes: pgbench ${ceiling} tps`);
      await settle(bench);
      log(`writes: check-ins through the API…`);
      const checked = await measure(PORT, people.volunteerIds.length, checkIns.request, 200);
      const stored = await count(bench, sql`SELECT count(*)::int AS n FROM attendance`);
      if (stored !== checked.sent) throw new Error(`bench writes: ${checked.sent} check-ins answered but ${stored} stored`);
      measured.push({ name: 'check-in', value: checked.value, note: 'POST /activities/{id}/checkin with the QR token' });

      // The phone's own path: the same check-ins again, each with an Idempotency-Key (one more
      // statement before it and one after), reported beside the target's figure.
      await sql`DELETE FROM attendance WHERE activity_id = ANY(${people.activityIds}::int[])`.execute(bench.ctx.db);
      await settle(bench);
      log(`writes: check-ins with an Idempotency-Key…`);
      const keyed = await measure(PORT, people.volunteerIds.length, (i) => ({ ...checkIns.request(i), idempotencyKey: `bench-checkin-${i}` }), 200);
      const keyedStored = await count(bench, sql`SELECT count(*)::int AS n FROM attendance`);
      if (keyedStored !== keyed.sent) throw new Error(`bench writes: ${keyed.sent} keyed check-ins answered but ${keyedStored} stored`);
      measured.push({ name: 'check-in with Idempotency-Key', value: keyed.value, note: 'the same, each with an Idempotency-Key as phones send it' });

      await settle(bench);
      log(`writes: wish claims through the API…`);
      const claims = await measure(PORT, wishIds.length, (i) => ({
        path: `/api/v1/wishes/${wishIds[i]!}/claim`, method: 'POST', cookie: asVolunteer(people.volunteerIds[i % people.volunteerIds.length]!),
        body: JSON.stringify({ as: 'volunteer' }),
      }), 200);
      const claimed = await count(bench, sql`SELECT count(*)::int AS n FROM wishes WHERE status = 'claimed'`);
      if (claimed !== claims.sent) throw new Error(`bench writes: ${claims.sent} claims answered but ${claimed} wishes claimed`);
      measured.push({ name: 'claim', value: claims.value, note: 'POST /wishes/{id}/claim as a volunteer' });
    } finally {
      server.kill('SIGTERM');
    }
    // The issues set a target for check-ins; sign-up and claim are reported against the same ceiling.
    const results = measured.map(({ name, value, note }): BenchResult => ({
      name, value, unit: 'req/s', ceiling, ratio: Math.round((value / ceiling) * 100) / 100, target: name === 'check-in' ? 0.5 : 0,
      note: `${note}, ${CONCURRENCY} keep-alive clients, vs pgbench TPC-B (-c 16, scale 10) on the same database`,
    }));
    for (const r of results) log(`writes: ${r.name} ${r.value} req/s, ${r.ratio} of TPC-B`);
    return results;
  } finally {
    await bench.close();
  }
}
