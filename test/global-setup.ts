// Builds one seeded template database per run (the Liaoning network, admin and demo
// county); each test file then gets its own copy: `CREATE DATABASE ... TEMPLATE` on
// PostgreSQL, a copied data folder on PGlite.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import type { AppContext } from '../server/src/context.ts';
import { openDatabase } from '../server/src/db/index.ts';
import { migrate, readMigrations } from '../server/src/db/migrate.ts';
import { chinaToday } from '../server/src/lib/id-number.ts';
import { createPii } from '../server/src/lib/pii.ts';
import { seed } from '../server/src/seed/index.ts';
import { databaseUrl, TEST_PII_KEY, testConfig, testRoot, withDatabase } from './env.ts';

declare module 'vitest' {
  interface ProvidedContext {
    /** PGlite: the template data folder. PostgreSQL: the template database name. */
    template: string;
  }
}

async function seedInto(options: { databaseUrl?: string; dataDir: string }) {
  const database = await openDatabase(options);
  try {
    await migrate(database.db);
    const config = testConfig(options.dataDir, { databaseUrl: options.databaseUrl });
    const ctx: AppContext = { db: database.db, engine: database.engine, pii: createPii(Buffer.from(TEST_PII_KEY, 'base64')), config };
    await seed(ctx);
  } finally {
    await database.close();
  }
}

/**
 * Name for this version of the code on this day: any change to the server's sources builds a
 * new template, and so does a new day in China (the demo's dates are relative to today).
 */
function templateTag(): string {
  const hash = createHash('sha256').update(chinaToday());
  for (const migration of readMigrations()) hash.update(migration.checksum);
  const root = path.join(import.meta.dirname, '../server/src');
  const sources = fs.readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts')).sort();
  for (const file of sources) hash.update(file).update(fs.readFileSync(path.join(root, file)));
  return hash.digest('hex').slice(0, 12);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Drops copies whose test run is gone, and templates of older sources while no other run is
 * live (another run on the same server may be copying from one of them).
 */
async function dropStale(admin: pg.Client, keep: string) {
  const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'lianxin%'");
  const runOf = (datname: string) => Number(/^lianxin_t_(\d+)_/.exec(datname)?.[1] ?? 0);
  const othersLive = rows.some(({ datname }) => runOf(datname) > 0 && runOf(datname) !== process.pid && processAlive(runOf(datname)));
  for (const { datname } of rows) {
    const staleCopy = runOf(datname) > 0 && !processAlive(runOf(datname));
    // A template still being built (…_<pid>) belongs to a run that may yet rename it.
    const building = /^lianxin_tpl_\w+_(\d+)$/.exec(datname);
    const staleTemplate = datname.startsWith('lianxin_tpl_') && datname !== keep && !othersLive && !(building && processAlive(Number(building[1])));
    if (!staleCopy && !staleTemplate) continue;
    // A template another run still copies from is busy: leave it for next time.
    await admin.query(`DROP DATABASE IF EXISTS "${datname}"`).catch(() => undefined);
  }
}

async function postgresTemplate(url: string, tag: string): Promise<string> {
  const name = `lianxin_tpl_${tag}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await dropStale(admin, name);
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) {
      // Built under another name and renamed when complete, so a crash never leaves a half template.
      const building = `lianxin_tpl_${tag}_${process.pid}`;
      await admin.query(`CREATE DATABASE ${building}`);
      await seedInto({ databaseUrl: withDatabase(url, building), dataDir: path.join(testRoot, 'pg-keys') });
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
    }
  } finally {
    await admin.end();
  }
  return name;
}

/** Removes copies whose test run is gone and templates unused for an hour. */
function removeStaleFolders(keep: string) {
  if (!fs.existsSync(testRoot)) return;
  for (const entry of fs.readdirSync(testRoot)) {
    const full = path.join(testRoot, entry);
    const copy = /^lianxin_t_(\d+)_/.exec(entry);
    const oldTemplate = entry.startsWith('template-') && full !== keep && Date.now() - fs.statSync(full).mtimeMs > 3_600_000;
    if ((copy && !processAlive(Number(copy[1]))) || oldTemplate) fs.rmSync(full, { recursive: true, force: true });
  }
}

async function pgliteTemplate(tag: string): Promise<string> {
  const dir = path.join(testRoot, `template-${tag}`);
  removeStaleFolders(dir);
  if (fs.existsSync(dir)) return dir;
  // Built aside and renamed into place, so a concurrent run never sees half a template.
  const building = `${dir}.building-${process.pid}`;
  fs.rmSync(building, { recursive: true, force: true });
  await seedInto({ dataDir: building });
  try {
    fs.renameSync(building, dir);
  } catch {
    fs.rmSync(building, { recursive: true, force: true }); // another run finished first
  }
  return dir;
}

// Several test projects run this setup in one process: build the template once.
const shared = globalThis as { lianxinTemplate?: Promise<string> };

export default async function setup(project: TestProject) {
  const tag = templateTag();
  shared.lianxinTemplate ??= databaseUrl ? postgresTemplate(databaseUrl, tag) : pgliteTemplate(tag);
  project.provide('template', await shared.lianxinTemplate);
}
