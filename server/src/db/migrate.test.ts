import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/harness.ts';
import type { Database } from './index.ts';
import { migrate, readMigrations, type Migration } from './migrate.ts';
import { generateSchemaTypes } from './typegen.ts';

let database: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ database, drop } = await openTestDatabase());
});
afterAll(async () => {
  await database?.close();
  await drop?.();
});

const withExtra = (extra: Partial<Migration>): Migration[] => {
  const migrations = readMigrations();
  return [...migrations, { version: migrations.length + 1, name: 'extra', sql: 'SELECT 1', checksum: 'x', ...extra }];
};

describe('migrations', () => {
  it('applies nothing twice', async () => {
    const result = await migrate(database.db);
    expect(result.applied).toEqual([]);
    expect(result.current).toBe(readMigrations().length);
  });

  it('applies a new migration once, even when two processes start together', async () => {
    const next = withExtra({ name: 'add_probe', sql: 'CREATE TABLE probe (id integer PRIMARY KEY);', checksum: 'c1' });
    const [a, b] = await Promise.all([migrate(database.db, next), migrate(database.db, next)]);
    expect([...a.applied, ...b.applied]).toEqual([next.length]);
    const rows = await sql<{ n: number }>`SELECT count(*)::int AS n FROM schema_migrations WHERE name = 'add_probe'`.execute(database.db);
    expect(rows.rows[0]!.n).toBe(1);
  });

  it('refuses a migration edited after it was applied', async () => {
    const edited = withExtra({ name: 'add_probe', sql: 'CREATE TABLE probe (id bigint PRIMARY KEY);', checksum: 'c2' });
    await expect(migrate(database.db, edited)).rejects.toThrow(/was edited after it was applied/);
  });

  it('rolls back a failing migration as a whole', async () => {
    const broken = withExtra({ name: 'add_probe', checksum: 'c1', sql: 'CREATE TABLE probe (id integer PRIMARY KEY);' });
    broken.push({ version: broken.length + 1, name: 'broken', checksum: 'b', sql: 'CREATE TABLE half (id integer); SELECT no_such_function();' });
    await expect(migrate(database.db, broken)).rejects.toThrow();
    const half = await sql<{ n: number }>`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'half'`.execute(database.db);
    expect(half.rows[0]!.n).toBe(0);
  });

  it('keeps the committed Kysely types in step with the migrations (run `lianxin db-types`)', async () => {
    const fresh = await openTestDatabase();
    try {
      const committed = fs.readFileSync(path.join(import.meta.dirname, 'schema.ts'), 'utf8');
      expect(await generateSchemaTypes(fresh.database.db)).toBe(committed);
    } finally {
      await fresh.database.close();
      await fresh.drop();
    }
  });
});
