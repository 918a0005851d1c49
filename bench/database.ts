// A fresh, seeded benchmark database on the PostgreSQL server of DATABASE_URL: migrations,
// the Liaoning network and a province admin (no demo county). Dropped afterwards unless kept.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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

export async function freshBenchDatabase(serverUrl: string, name: string, keep: boolean): Promise<BenchDatabase> {
  const url = withDatabase(serverUrl, name);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-bench-'));
  await admin(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  });
  const config = loadConfig({
    ...process.env, DATABASE_URL: url, LIANXIN_DATA_DIR: work, LIANXIN_ADMIN_PASSWORD: BENCH_ADMIN_PASSWORD, LIANXIN_SEED_DEMO: 'false',
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
