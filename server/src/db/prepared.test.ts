// Named prepared statements on the PostgreSQL pool (prepared.ts): parameterized queries
// are kept per connection under a name, and a schema change under them is survived.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseUrl } from '../../../test/env.ts';
import { openDatabase, type Database } from './index.ts';

describe.skipIf(!databaseUrl)('prepared statements (PostgreSQL)', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({ databaseUrl, poolSize: 1 });
  });
  afterAll(() => database?.close());

  const prepared = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE name LIKE 'lx_%'`.execute(database.db)).rows[0]!.n;

  it('keeps a parameterized query prepared under one name, whatever its values', async () => {
    const before = await prepared();
    for (const id of [1, 2, 3]) await sql`SELECT ${id}::int + 1 AS next`.execute(database.db);
    expect(await prepared()).toBe(before + 1);
    // Statements without parameters (several may share one text) stay unnamed.
    await sql`SELECT 1; SELECT 2`.execute(database.db);
    expect(await prepared()).toBe(before + 1);
  });

  it('runs a kept statement unnamed once the table under it changed shape', async () => {
    await sql`DROP TABLE IF EXISTS prepared_probe`.execute(database.db);
    await sql`CREATE TABLE prepared_probe (id int, name text)`.execute(database.db);
    await sql`INSERT INTO prepared_probe VALUES (1, 'a')`.execute(database.db);
    const read = () => sql<{ id: number }>`SELECT * FROM prepared_probe WHERE id = ${1}`.execute(database.db);
    expect((await read()).rows).toEqual([{ id: 1, name: 'a' }]);
    await sql`ALTER TABLE prepared_probe ADD COLUMN note text`.execute(database.db);
    await expect(read()).rejects.toThrow('cached plan must not change result type');
    expect((await read()).rows).toEqual([{ id: 1, name: 'a', note: null }]);
    await sql`DROP TABLE prepared_probe`.execute(database.db);
  });
});
