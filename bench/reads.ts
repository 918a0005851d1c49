// Benchmark `reads` on the synthetic province (`lianxin bench generate`; made at --scale,
// default 0.1, when missing): the read endpoints and the statistics of a real
// `lianxin serve`, signed in and scoped, against the machine's own ceilings in this run:
//   ceilings: bare node:http; a minimal Fastify endpoint doing one indexed SELECT through
//             the same driver and pool size; pgbench select-only on the same database
//   ours:     activity list, wish wall, volunteer search (req/s vs the one-SELECT endpoint,
//             target 0.5), statistics p95 at province and county level (target 50 ms),
//             and the server's peak RSS under that load
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { admin, pgbenchTps, withDatabase } from './database.ts';
import type { BenchOptions, BenchResult } from './index.ts';
import { load, type LoadOptions } from './load.ts';
import { peakRss, startCeiling, startLianxin } from './processes.ts';
import { generateProvince, PROVINCE_DATABASE } from './province.ts';

const SECONDS = 10;
const CONCURRENCY = 32;
const STATS_CONCURRENCY = 4;
const PORTS = { lianxin: 3997, http: 3995, select: 3996 };

export const SESSIONS = { province: 'bench-province', county: 'bench-county' };

/** Sessions for the province admin and for a center admin of the largest county. */
export async function signIn(url: string): Promise<{ county: string }> {
  return admin(url, async (client) => {
    // The county with the most volunteers, from the statistics' counters (7.33 million rows are not counted here).
    const { rows: [county] } = await client.query<{ id: number; region_code: string }>(`
      SELECT s.id, s.region_code FROM sites s
      JOIN (SELECT prefix FROM stats_counters WHERE metric = 'volunteers' AND length(prefix) = 6 GROUP BY prefix ORDER BY sum(value) DESC LIMIT 1) c
        ON s.region_code = c.prefix || '000000'
      WHERE s.kind = 'center'`);
    await client.query(`DELETE FROM sessions WHERE user_id IN (SELECT id FROM users WHERE phone_hash = 'bench:county')`);
    await client.query(`INSERT INTO users (name, phone_hash, phone_enc, phone_masked, password_hash, region_code)
      VALUES ('基准县管理员', 'bench:county', 'none', '138****0000', '!', $1) ON CONFLICT DO NOTHING`, [county!.region_code]);
    await client.query(`INSERT INTO grants (user_id, role, site_id, region_code)
      SELECT id, 'center_admin', $1, $2 FROM users WHERE phone_hash = 'bench:county' ON CONFLICT DO NOTHING`, [county!.id, county!.region_code]);
    await client.query(`DELETE FROM sessions WHERE token_hash IN (encode(sha256('bench-province'), 'hex'), encode(sha256('bench-county'), 'hex'))`);
    await client.query(`INSERT INTO sessions (token_hash, user_id, expires_at)
      SELECT encode(sha256('bench-province'), 'hex'), min(user_id), now() + interval '1 day' FROM grants WHERE role = 'province_admin'
      UNION ALL SELECT encode(sha256('bench-county'), 'hex'), id, now() + interval '1 day' FROM users WHERE phone_hash = 'bench:county'`);
    return { county: county!.region_code };
  });
}

/** Whether `lianxin bench generate` has made the province on this server. */
export async function provinceExists(serverUrl: string): Promise<boolean> {
  const { rows } = await admin(serverUrl, (client) => client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [PROVINCE_DATABASE]));
  if (rows.length === 0) return false;
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, PROVINCE_DATABASE) });
  await client.connect();
  try {
    return (await client.query(`SELECT to_regclass('stats_counters') IS NOT NULL AND EXISTS (SELECT 1 FROM volunteers) AS ready`)).rows[0].ready === true;
  } finally {
    await client.end();
  }
}

/** The synthetic province's database, generated (at --scale, default 0.1) when missing. */
export async function provinceUrl(options: BenchOptions): Promise<string> {
  if (!(await provinceExists(options.databaseUrl))) {
    await generateProvince({ serverUrl: options.databaseUrl, scale: options.scale ?? 0.1, seed: 2026, log: options.log });
  }
  return withDatabase(options.databaseUrl, PROVINCE_DATABASE);
}

const cookie = (token: string) => `lianxin_sid=${token}`;
const round = (value: number) => Math.round(value * 100) / 100;

type Read = [name: string, read: Pick<LoadOptions, 'path' | 'cookie'>];

/** The reads measured: lists as a county admin (and the public wall), statistics as province and county admins. */
export function readMix(county: string): { lists: Read[]; stats: Read[] } {
  const initials = ['w', 'l', 'zh', 'wl', 'ch', 'y', 'zx', 'lj'];
  return {
    lists: [
      ['read activity list', { path: () => '/api/v1/activities?limit=20', cookie: cookie(SESSIONS.county) }],
      ['read wish wall', { path: (i) => `/api/v1/wishes/wall?under=${county.slice(0, 6)}&limit=20${i % 2 ? '&status=published' : ''}` }],
      ['read volunteer search', { path: (i) => `/api/v1/volunteers?q=${initials[i % initials.length]}&limit=20`, cookie: cookie(SESSIONS.county) }],
    ],
    stats: [
      ['stats p95 province', { path: () => '/api/v1/stats/summary', cookie: cookie(SESSIONS.province) }],
      ['stats p95 county', { path: () => `/api/v1/stats/summary?region=${county}`, cookie: cookie(SESSIONS.county) }],
      ['stats p95 province breakdown', { path: () => '/api/v1/stats/breakdown?metric=service_hours', cookie: cookie(SESSIONS.province) }],
    ],
  };
}

export async function benchReads(options: BenchOptions): Promise<BenchResult[]> {
  const { log } = options;
  const url = await provinceUrl(options);
  const { county } = await signIn(url);
  const volunteers = await admin(url, (client) => client.query<{ n: string }>(`SELECT count(*) AS n FROM volunteers`));
  const size = `${Number(volunteers.rows[0]!.n).toLocaleString('en-US')} volunteers`;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-reads-'));
  const results: BenchResult[] = [];
  const run = (what: string, opts: Omit<LoadOptions, 'seconds'>) => {
    log(`reads: ${what}…`);
    return load({ seconds: SECONDS, ...opts });
  };
  try {
    const bare = await startCeiling('http', PORTS.http);
    const http = await run('ceiling, bare node:http', { port: PORTS.http, path: () => '/', concurrency: CONCURRENCY }).finally(() => bare.kill());
    const maxId = Number((await admin(url, (c) => c.query<{ n: string }>('SELECT max(id) AS n FROM volunteers'))).rows[0]!.n);
    const minimal = await startCeiling('select', PORTS.select, url);
    const select = await run('ceiling, Fastify + pg one indexed SELECT', {
      port: PORTS.select, path: (i) => `/volunteers/${1 + ((i * 7919) % maxId)}`, concurrency: CONCURRENCY,
    }).finally(() => minimal.kill());
    log('reads: ceiling, pgbench select-only…');
    const pgbenchSelect = await pgbenchTps(url, { selectOnly: true, seconds: SECONDS });
    results.push(
      { name: 'ceiling node:http', value: http.rps, unit: 'req/s', target: 0, note: `bare node:http, ${CONCURRENCY} keep-alive clients; p50 ${http.p50} / p95 ${http.p95} / p99 ${http.p99} ms` },
      { name: 'ceiling one-SELECT endpoint', value: select.rps, unit: 'req/s', ceiling: http.rps, ratio: round(select.rps / http.rps), target: 0,
        note: `Fastify + pg pool 20, SELECT by primary key; p50 ${select.p50} / p95 ${select.p95} / p99 ${select.p99} ms` },
      { name: 'ceiling pgbench select-only', value: Math.round(pgbenchSelect), unit: 'tps', target: 0, note: 'pgbench -S -c 16 -j 2 -M prepared, scale 10, same database' },
    );

    const server = await startLianxin(url, work, PORTS.lianxin);
    try {
      const { lists, stats } = readMix(county);
      let peak = 0;
      for (const [name, read] of lists) {
        const { result, peakMiB } = await peakRss(server.pid, () => run(name, { ...read, port: PORTS.lianxin, concurrency: CONCURRENCY }));
        peak = Math.max(peak, peakMiB);
        results.push({
          name, value: result.rps, unit: 'req/s', ceiling: select.rps, ratio: round(result.rps / select.rps), target: 0.5,
          note: `${read.path(0)} signed in as a county admin, ${CONCURRENCY} clients; p50 ${result.p50} / p95 ${result.p95} / p99 ${result.p99} ms; ${size}`,
        });
      }
      for (const [name, read] of stats) {
        const { result, peakMiB } = await peakRss(server.pid, () => run(name, { ...read, port: PORTS.lianxin, concurrency: STATS_CONCURRENCY }));
        peak = Math.max(peak, peakMiB);
        results.push({
          name, value: result.p95, unit: 'ms', target: 50, lowerIsBetter: true,
          note: `GET ${read.path(0)}, ${STATS_CONCURRENCY} clients: p50 ${result.p50} / p99 ${result.p99} ms, ${result.rps} req/s; ${size}`,
        });
      }
      results.push({ name: 'server RSS under load', value: peak, unit: 'MiB', target: 1024, lowerIsBetter: true, note: 'peak resident memory of `lianxin serve` during the reads above' });
    } finally {
      server.kill('SIGTERM');
    }
    return results;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
