// lianxin serve | migrate | seed | import | stats | backup | restore | bench | openapi <file> | db-types
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import type { AppContext } from './context.ts';
import { openDatabase } from './db/index.ts';
import { migrate, migrationsDir } from './db/migrate.ts';
import { generateSchemaTypes } from './db/typegen.ts';
import { createPii } from './lib/pii.ts';
import { runBackupCommand } from './modules/backup/command.ts';
import { parseImportArgs, runImportCommand } from './modules/imports/command.ts';
import { rebuildStats, verifyStats } from './modules/stats/service.ts';
import { seed } from './seed/index.ts';
import { openContext, serve } from './server.ts';

const usage = `连心桥 Lianxin

  lianxin serve              migrate, seed on first start, serve the API and the web apps
  lianxin migrate            apply pending database migrations
  lianxin seed               import the province's divisions and network, admin and demo county
  lianxin import volunteers|organizations <file.xlsx|csv> [--site <regionCode>]
                             import a file as the province admin (or into one site's area);
                             failed rows go to <file>.errors.xlsx
  lianxin stats rebuild|verify
                             recompute the statistics counters from the base tables, or
                             compare every counter with a recount (exit 1 on a difference)
  lianxin backup <file>      write the whole database to one file (a consistent snapshot)
  lianxin restore <file> [--force]
                             load a backup into an empty database (PGlite or PostgreSQL,
                             either way); --force replaces a database's contents
  lianxin bench [import] [--rows N]
                             run the benchmarks in bench/ (PostgreSQL: DATABASE_URL)
  lianxin bench generate [--scale 0.01] [--seed N]
                             build the synthetic province in the database lianxin_province
  lianxin openapi <file>     write the OpenAPI document
  lianxin db-types           regenerate server/src/db/schema.ts from the migrations

Environment: see .env.example (PORT, HOST, LIANXIN_DATA_DIR, DATABASE_URL, LIANXIN_PII_KEY, ...)`;

async function writeOpenApi(file: string) {
  // Building the routes touches no database: a context without one is enough.
  const ctx = { db: undefined, engine: 'pglite', pii: createPii(Buffer.alloc(32)), config: loadConfig() } as unknown as AppContext;
  const app = await buildApp(ctx);
  await app.ready();
  fs.writeFileSync(file, `${JSON.stringify(app.swagger(), null, 2)}\n`);
  await app.close();
  console.log(`wrote ${file}`);
}

async function writeDbTypes() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-types-'));
  const database = await openDatabase({ dataDir });
  try {
    await migrate(database.db);
    const file = path.join(migrationsDir, '..', 'schema.ts');
    fs.writeFileSync(file, await generateSchemaTypes(database.db));
    console.log(`wrote ${file}`);
  } finally {
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function runStatsCommand(ctx: AppContext, action: string | undefined): Promise<number> {
  if (action === 'rebuild') {
    const { seconds } = await rebuildStats(ctx);
    console.log(`统计已重建，用时 ${seconds.toFixed(1)} 秒`);
    return 0;
  }
  if (action !== 'verify') {
    console.log(usage);
    return 2;
  }
  const differences = await verifyStats(ctx);
  for (const d of differences) console.error(`${d.prefix} ${d.metric} ${d.key} ${d.day}: 应为 ${d.expected}，实为 ${d.actual}`);
  console.log(differences.length === 0 ? '统计与明细一致' : `统计与明细不一致（列出前 ${differences.length} 处），请运行 lianxin stats rebuild`);
  return differences.length === 0 ? 0 : 1;
}

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve':
      await serve();
      return;
    case 'migrate': {
      const { database } = await openContext(loadConfig());
      console.log('migrations are up to date');
      await database.close();
      return;
    }
    case 'seed': {
      const { ctx, database } = await openContext(loadConfig());
      const report = await seed(ctx, undefined, console.log);
      console.log(JSON.stringify({ regions: report.regions, sites: report.sites, seconds: report.seconds }, null, 2));
      await database.close();
      return;
    }
    case 'import': {
      const command = parseImportArgs(rest);
      if (!fs.existsSync(command.file)) {
        console.error(`lianxin import: no such file ${command.file}`);
        process.exitCode = 2;
        return;
      }
      const { ctx, database } = await openContext(loadConfig());
      try {
        const { job, report } = await runImportCommand(ctx, command);
        if (job.status === 'failed') {
          console.error(`导入失败：${job.error ?? ''}`);
          process.exitCode = 1;
          return;
        }
        console.log(`导入完成 ${job.filename}：共 ${job.total ?? 0} 行，新增 ${job.inserted}，已存在跳过 ${job.skipped}，失败 ${job.failed}`
          + (report ? `，错误报告 ${report}` : ''));
      } finally {
        await database.close();
      }
      return;
    }
    case 'stats': {
      const { ctx, database } = await openContext(loadConfig());
      try {
        process.exitCode = await runStatsCommand(ctx, rest[0]);
      } finally {
        await database.close();
      }
      return;
    }
    case 'backup':
    case 'restore':
      process.exitCode = await runBackupCommand(loadConfig(), command, rest);
      return;
    case 'bench': {
      const { runBenchmarks } = await import('../../bench/index.ts');
      process.exitCode = await runBenchmarks(rest);
      return;
    }
    case 'openapi':
      await writeOpenApi(rest[0] ?? 'openapi.json');
      return;
    case 'db-types':
      await writeDbTypes();
      return;
    default:
      console.log(usage);
      if (command && command !== 'help' && command !== '--help') process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `configuration: ${error.message}` : error);
  process.exit(1);
});
