// Servers under test run as their own processes, like in production, so the load generator
// in this process does not share their event loop.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BENCH_PII_KEY } from './database.ts';

const root = path.join(import.meta.dirname, '..');

async function started(child: ChildProcess, port: number, probe: string): Promise<ChildProcess> {
  for (let i = 0; i < 150; i += 1) {
    if (child.exitCode !== null) break;
    const up = await fetch(`http://127.0.0.1:${port}${probe}`).then((r) => r.status < 500).catch(() => false);
    if (up) return child;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill();
  throw new Error(`bench: the server on port ${port} did not start`);
}

/** `lianxin serve` on the given database, its pool as in production; the web console when `webDist` is given. */
export function startLianxin(databaseUrl: string, work: string, port: number, webDist = path.join(work, 'web')): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(root, 'bin/lianxin.mjs'), 'serve'], {
    env: {
      ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', LIANXIN_PII_KEY: BENCH_PII_KEY,
      LIANXIN_DATA_DIR: work, LIANXIN_SEED_DEMO: 'false', LOG_LEVEL: 'warn', LIANXIN_WEB_DIST: webDist, DATABASE_POOL_SIZE: '20',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return started(child, port, '/api/health');
}

/** A ceiling server of bench/ceiling-server.ts. */
export function startCeiling(mode: 'http' | 'select', port: number, databaseUrl = ''): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'ceiling-server.ts'), mode, String(port), databaseUrl], {
    cwd: root, stdio: ['ignore', 'ignore', 'inherit'],
  });
  return started(child, port, mode === 'http' ? '/' : '/volunteers/1');
}

/** A process's resident memory now, in MiB (Linux). */
export function rssMiB(pid: number | undefined): number {
  if (pid === undefined) return 0;
  const kb = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return kb ? Math.round(Number(kb) / 1024) : 0;
}

/** The highest RSS seen while `work` runs, sampled every 200 ms. */
export async function peakRss<T>(pid: number | undefined, work: () => Promise<T>): Promise<{ result: T; peakMiB: number }> {
  let peakMiB = rssMiB(pid);
  const timer = setInterval(() => { peakMiB = Math.max(peakMiB, rssMiB(pid)); }, 200);
  try {
    return { result: await work(), peakMiB };
  } finally {
    clearInterval(timer);
  }
}
