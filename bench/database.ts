// A fresh, seeded benchmark database on the PostgreSQL server of DATABASE_URL: migrations,
// the Liaoning network and a province admin (the demo county on request), or a copy of
// another database. Dropped afterwards unless kept.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { loadConfig, type Config } from '../server/src/config.ts';
import type { AppContext } from '../server/src/context.ts';
import { seed } from '../server/src/seed/index.ts';
import { openContext } from '../server/src/server.ts';

export const BENCH_PII_KEY = Buffer.alloc(32, 42).toString('base64');
export const BENCH_ADMIN_PASSWORD = 'Bench2026x';

export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export async function admin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface BenchDatabase {
  url: string;
  ctx: AppContext;
  config: Config;
  /** A scratch folder for files the benchmark writes. */
  work: string;
  close(): Promise<void>;
}

/** A fresh database starts empty, or as a copy of `template`; `demo` seeds the demo county too. */
export interface BenchSource {
  template?: string;
  demo?: boolean;
}

export async function freshBenchDatabase(serverUrl: string, name: string, keep: boolean, source: BenchSource = {}): Promise<BenchDatabase> {
  const url = withDatabase(serverUrl, name);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-bench-'));
  await admin(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}${source.template ? ` TEMPLATE ${source.template}` : ''}`);
  });
  const config = loadConfig({
    ...process.env, DATABASE_URL: url, LIANXIN_DATA_DIR: work, LIANXIN_ADMIN_PASSWORD: BENCH_ADMIN_PASSWORD, LIANXIN_SEED_DEMO: String(source.demo ?? false),
    LIANXIN_PII_KEY: BENCH_PII_KEY,
  });
  const { ctx, database } = await openContext(config);
  await seed(ctx);
  return {
    url, ctx, config, work,
    async close() {
      await database.close();
      fs.rmSync(work, { recursive: true, force: true });
      if (!keep) await admin(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

export const rate = (count: number, ms: number) => Math.round(count / (ms / 1000));

const run = promisify(execFile);

/** pgbench on the database (its tables made at scale 10 on first use): TPC-B, or select-only (-S). */
/** pgbench's tables at scale 10, once per database. */
export async function pgbenchInit(url: string): Promise<void> {
  const made = await admin(url, (client) => client.query<{ made: boolean }>(`SELECT to_regclass('pgbench_accounts') IS NOT NULL AS made`));
  if (!made.rows[0]?.made) await run('pgbench', ['-i', '-s', '10', '-q', url], { maxBuffer: 1 << 24 });
}

export async function pgbenchTps(url: string, options: { selectOnly: boolean; seconds: number }): Promise<number> {
  await pgbenchInit(url);
  const args = ['-c', '16', '-j', '2', '-T', String(options.seconds), '-M', 'prepared', '-n', ...(options.selectOnly ? ['-S'] : []), url];
  const { stdout } = await run('pgbench', args, { maxBuffer: 1 << 24 });
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1];
  if (!tps) throw new Error(`bench: no tps in pgbench output:\n${stdout}`);
  return Number(tps);
}
