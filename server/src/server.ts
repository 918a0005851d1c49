// Starting and stopping the whole server: database, migrations, seed, HTTP; on PostgreSQL,
// as several processes sharing the port (LIANXIN_WORKERS).
import cluster from 'node:cluster';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyServerOptions } from 'fastify';
import { buildApp } from './app.ts';
import { loadConfig, type Config } from './config.ts';
import type { AppContext } from './context.ts';
import { openDatabase, type Database } from './db/index.ts';
import { migrate } from './db/migrate.ts';
import { createPii, loadMasterKey } from './lib/pii.ts';
import { modules } from './modules/index.ts';
import { seed, type SeedReport } from './seed/index.ts';
import { startBackgroundTasks } from './tasks.ts';

export interface Opened {
  ctx: AppContext;
  database: Database;
  keySource: 'env' | 'file' | 'generated';
}

/** Opens the configured database, applies migrations and loads the personal-data key. */
export async function openContext(config: Config, onPoolError?: (error: Error) => void): Promise<Opened> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.poolSize, onPoolError });
  await migrate(database.db);
  const { key, source } = loadMasterKey(config.piiKey, config.dataDir);
  return { ctx: { db: database.db, engine: database.engine, pii: createPii(key), config }, database, keySource: source };
}

function folderSize(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}

function banner(config: Config, ctx: AppContext, report: SeedReport, seconds: number): string {
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${host}:${config.port}`;
  const lines = [
    '',
    '  连心桥 Lianxin is running',
    `  Console 管理后台      ${url}/`,
    `  Phone H5 手机端       ${url}/m/`,
    `  API docs 接口文档     ${url}/api/docs`,
    `  Database 数据库       ${ctx.engine === 'pglite' ? `PGlite in ${path.join(config.dataDir, 'pglite')} (${(folderSize(config.dataDir) / 1e6).toFixed(0)} MB)` : `PostgreSQL (DATABASE_URL)${config.workers > 1 ? `, ${config.workers} server processes` : ''}`}`,
    `  Network 阵地          ${report.sites.map((s) => `${s.count} ${s.kind}`).join(', ')}`,
    `  Started in ${seconds.toFixed(1)} s`,
    '',
    `  Province admin 省级管理员: ${report.admin.phone}`,
  ];
  if (report.admin.password) lines.push(`  Password 密码: ${report.admin.password}`);
  else if (report.admin.passwordFile) lines.push(`  Password 密码: see ${report.admin.passwordFile}`);
  else lines.push('  Password 密码: as set by LIANXIN_ADMIN_PASSWORD on first start');
  if (report.demo) {
    lines.push('  Demo county 演示县 台安县, same password for:');
    for (const account of report.demo.accounts) lines.push(`    ${account.role.padEnd(16)} ${account.name}  ${account.phone}`);
    if (report.demo.password !== report.admin.password) lines.push(`    password 密码: ${report.demo.password}`);
  }
  lines.push('');
  return lines.join(os.EOL);
}

function loggerOptions(config: Config): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
  };
}

export async function serve(config = loadConfig()) {
  if (config.workers > 1 && cluster.isPrimary) await superviseWorkers(config);
  else await serveHere(config);
}

/** Where an idle pooled connection losing its server is told: the console, until the logger exists. */
const poolErrorsToConsole = () => ({ log: (error: Error) => console.warn(`database connection lost: ${error.message}`) });

/** Migrations, the personal-data key and the seed, before anything listens: once, in the first process. */
async function prepare(config: Config, poolErrors: { log(error: Error): void }) {
  console.log(`连心桥 Lianxin: opening ${config.databaseUrl ? 'PostgreSQL' : `PGlite in ${config.dataDir}`}…`);
  const opened = await openContext(config, (error) => poolErrors.log(error));
  if (opened.keySource === 'generated') console.log(`generated a personal-data key in ${path.join(config.dataDir, 'pii.key')}: back it up, or set LIANXIN_PII_KEY`);
  return { ...opened, report: await seed(opened.ctx, undefined, (line) => console.log(line)) };
}

/**
 * The primary of several server processes: it prepares the database once, then starts the
 * workers, which share the port (the primary hands each new connection to the next one) and
 * each run the background tasks (safe in several processes: they claim their rows). A worker
 * that dies is replaced; SIGTERM or SIGINT drains them all, and the primary exits when they have.
 */
async function superviseWorkers(config: Config) {
  const started = performance.now();
  const { ctx, database, report } = await prepare(config, poolErrorsToConsole());
  await database.close();
  let stopping = false;
  let alive = 0;
  const start = () => new Promise<void>((resolve) => {
    alive += 1;
    const worker = cluster.fork();
    let listening = false;
    worker.once('listening', () => {
      listening = true;
      resolve();
    });
    worker.once('exit', (code, signal) => {
      alive -= 1;
      if (stopping) {
        if (alive === 0) process.exit(0);
      } else if (!listening) {
        // It failed before it could serve (a port taken, the database gone): another would too.
        console.error(`worker ${worker.process.pid} ended (${signal ?? code}) before listening: stopping`);
        process.exit(1);
      } else {
        console.error(`worker ${worker.process.pid} ended (${signal ?? code}): starting another`);
        setTimeout(() => void start(), 1000);
      }
    });
  });
  await Promise.all(Array.from({ length: config.workers }, start));
  console.log(banner(config, ctx, report, (performance.now() - started) / 1000));
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

/** One server process: the only one, or a worker of superviseWorkers (which prepared the database). */
async function serveHere(config: Config) {
  const started = performance.now();
  const poolErrors = poolErrorsToConsole();
  const { ctx, database, report } = cluster.isWorker
    ? { ...(await openContext(config, (error) => poolErrors.log(error))), report: null }
    : await prepare(config, poolErrors);
  const app = await buildApp(ctx, { logger: loggerOptions(config), web: true });
  poolErrors.log = (error) => app.log.warn({ err: error }, 'database connection lost');
  await app.listen({ port: config.port, host: config.host });
  if (report) console.log(banner(config, ctx, report, (performance.now() - started) / 1000));
  const tasks = startBackgroundTasks(ctx, modules.flatMap((module) => module.tasks ?? []), (task, error) => app.log.error({ err: error, task }, 'background task failed'));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down: draining requests');
    // A request that outlasts the drain (a stalled upload) must not hold the shutdown up.
    const drain = setTimeout(() => {
      app.log.warn({ seconds: config.drainSeconds }, 'drain timeout: closing the connections still open');
      app.server.closeAllConnections();
    }, config.drainSeconds * 1000);
    await app.close(); // stops accepting, waits for in-flight requests
    clearTimeout(drain);
    await tasks.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}
