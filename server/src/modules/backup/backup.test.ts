// Backup and restore against real databases: a restored copy holds exactly the rows of
// the original, on the same engine and across engines; bad backups and occupied targets
// are refused before anything changes.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestDatabase } from '../../../../test/harness.ts';
import { databaseUrl, engine, testRoot, withDatabase } from '../../../../test/env.ts';
import { openDatabase, type Database, type Engine } from '../../db/index.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../lib/errors.ts';
import { backupDatabase, restoreDatabase } from './service.ts';

let made = 0;
let edits = 0;

/** A new database with nothing in it, on either engine. */
async function emptyDatabase(on: Engine): Promise<Database & { drop(): Promise<void> }> {
  made += 1;
  const name = `lianxin_t_${process.pid}_restore_${made}`;
  if (on === 'pglite') {
    // A copy of one freshly initialized folder: initdb takes far longer than copying.
    const pristine = path.join(testRoot, `lianxin_t_${process.pid}_pristine`);
    if (!fs.existsSync(pristine)) await (await openDatabase({ dataDir: pristine })).close();
    const dataDir = path.join(testRoot, name);
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.cpSync(pristine, dataDir, { recursive: true });
    const database = await openDatabase({ dataDir });
    return { ...database, drop: async () => { await database.close(); fs.rmSync(dataDir, { recursive: true, force: true }); } };
  }
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(statement).finally(() => client.end());
  };
  await admin(`CREATE DATABASE ${name}`);
  const database = await openDatabase({ databaseUrl: withDatabase(databaseUrl!, name) });
  return { ...database, drop: async () => { await database.close(); await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); } };
}

/** Every table's row count and an order-independent digest of its rows. */
async function contents(db: Kysely<DB>): Promise<Record<string, string>> {
  return db.transaction().execute(async (tx) => {
    await sql`SET LOCAL TimeZone = 'UTC'`.execute(tx);
    const tables = await sql<{ name: string }>`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1`.execute(tx);
    const result: Record<string, string> = {};
    for (const { name } of tables.rows) {
      // When the migrations ran differs; which ones ran must not.
      const row = name === 'schema_migrations' ? sql.raw('(t.version, t.name, t.checksum)::text') : sql.raw('t::text');
      const { rows } = await sql<{ summary: string }>`SELECT count(*) || ' ' || coalesce(md5(string_agg(md5(${row}), '' ORDER BY md5(${row}) COLLATE "C")), '') AS summary
        FROM ${sql.table(name)} t`.execute(tx);
      result[name] = rows[0]!.summary;
    }
    return result;
  });
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** Rewrites a backup's text (decompressed) into a new file. */
function edited(file: string, change: (text: string) => string): string {
  edits += 1;
  const target = `${file}.${edits}.edited`;
  fs.writeFileSync(target, zlib.gzipSync(change(zlib.gunzipSync(fs.readFileSync(file)).toString('utf8'))));
  return target;
}

describe('backup and restore', () => {
  let source: Awaited<ReturnType<typeof openTestDatabase>>;
  let file: string;
  let expected: Record<string, string>;

  beforeAll(async () => {
    source = await openTestDatabase();
    const db = source.database.db;
    // Rows added on top of the seed: free text COPY must escape, and a change the statistics triggers record.
    await sql`INSERT INTO notifications (user_id, kind, title, body) SELECT id, 'test', '制表	符', E'line\\nbreak \\\\ 反斜杠' FROM users`.execute(db);
    await sql`UPDATE volunteers SET last_served_on = DATE '2026-11-01' WHERE id = (SELECT min(id) FROM volunteers)`.execute(db);
    fs.mkdirSync(testRoot, { recursive: true });
    file = path.join(testRoot, `lianxin_t_${process.pid}_backup.lxb`);
    const report = await backupDatabase(db, source.database.engine, file);
    expect(report.tables.find((table) => table.name === 'regions')?.rows).toBeGreaterThan(1000);
    expected = await contents(db);
  });

  afterAll(async () => {
    await source?.database.close();
    await source?.drop();
    for (const entry of fs.readdirSync(testRoot)) {
      if (/_(backup|pristine)/.test(entry) && entry.startsWith(`lianxin_t_${process.pid}_`)) fs.rmSync(path.join(testRoot, entry), { recursive: true });
    }
  });

  test('a fresh database restored from a backup holds the same rows, and its ids go on after them', async () => {
    const target = await emptyDatabase(engine);
    try {
      const report = await restoreDatabase(target.db, target.engine, file);
      expect(report.tables.length).toBe(Object.keys(expected).length - 1); // all but schema_migrations
      // Equal statistics events too: loading the rows fired no statistics trigger.
      expect(await contents(target.db)).toEqual(expected);

      const before = await sql<{ id: number }>`SELECT max(id) AS id FROM notifications`.execute(target.db);
      const inserted = await sql<{ id: number }>`INSERT INTO notifications (user_id, kind, title, body)
        SELECT min(id), 'test', 'after restore', '' FROM users RETURNING id`.execute(target.db);
      expect(inserted.rows[0]!.id).toBeGreaterThan(before.rows[0]!.id);
      // An occupied database is refused, and --force replaces its contents.
      expect((await refusal(restoreDatabase(target.db, target.engine, file))).code).toBe('RESTORE_NOT_EMPTY');
      await restoreDatabase(target.db, target.engine, file, { force: true });
      expect(await contents(target.db)).toEqual(expected);
    } finally {
      await target.drop();
    }
  });

  test.runIf(engine === 'postgres')('a backup goes from PostgreSQL to PGlite and back unchanged', async () => {
    const embedded = await emptyDatabase('pglite');
    const server = await emptyDatabase('postgres');
    const again = path.join(testRoot, `lianxin_t_${process.pid}_backup_pglite.lxb`);
    try {
      await restoreDatabase(embedded.db, embedded.engine, file);
      expect(await contents(embedded.db)).toEqual(expected);
      await backupDatabase(embedded.db, embedded.engine, again);
      await restoreDatabase(server.db, server.engine, again);
      expect(await contents(server.db)).toEqual(expected);
    } finally {
      await embedded.drop();
      await server.drop();
    }
  });

  test('a backup from a newer schema or a damaged file is refused, and the database left as it was', async () => {
    const target = await emptyDatabase(engine);
    const migrated = async () => (await sql<{ found: boolean }>`SELECT to_regclass('schema_migrations') IS NOT NULL AS found`.execute(target.db)).rows[0]!.found;
    try {
      const future = edited(file, (text) => {
        const [header, ...rest] = text.split('\n');
        const parsed = JSON.parse(header!) as { migrations: { version: number; name: string; checksum: string }[] };
        parsed.migrations.push({ version: parsed.migrations.length + 1, name: 'future', checksum: '0' });
        return [JSON.stringify(parsed), ...rest].join('\n');
      });
      expect((await refusal(restoreDatabase(target.db, target.engine, future))).code).toBe('BACKUP_SCHEMA_NEWER');
      expect(await migrated()).toBe(false);

      const damaged = edited(file, (text) => text.replace('\tline\\nbreak', '\tline break'));
      const corrupt = await refusal(restoreDatabase(target.db, target.engine, damaged));
      expect(corrupt.code).toBe('BACKUP_UNREADABLE');
      expect(corrupt.params.reason).toMatch(/table notifications does not match its checksum/);
      const regions = await sql<{ n: number }>`SELECT count(*)::int AS n FROM regions`.execute(target.db);
      expect(regions.rows[0]!.n).toBe(0);

      const bytes = fs.readFileSync(file);
      const truncated = `${file}.truncated`;
      fs.writeFileSync(truncated, bytes.subarray(0, bytes.length - 100));
      expect((await refusal(restoreDatabase(target.db, target.engine, truncated))).code).toBe('BACKUP_UNREADABLE');
    } finally {
      await target.drop();
    }
  });
});
