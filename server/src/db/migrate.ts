// Forward-only numbered SQL migrations (db/migrations/NNNN_name.sql). Each is applied
// once, in its own transaction, under an advisory lock so that several processes starting
// together do not race; a migration edited after it was applied is refused by checksum.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.ts';

export const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

// Any constant works: it only has to be the same for every Lianxin process.
const MIGRATION_LOCK_KEY = 73_302_023;

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {}

export function readMigrations(dir = migrationsDir): Migration[] {
  const files = fs.readdirSync(dir).filter((file) => file.endsWith('.sql')).sort();
  return files.map((file, index) => {
    const match = /^(\d{4})_([a-z0-9_]+)\.sql$/.exec(file);
    if (!match) throw new MigrationError(`migration file name must look like 0001_name.sql: ${file}`);
    const version = Number(match[1]);
    if (version !== index + 1) throw new MigrationError(`migrations must be numbered 1, 2, 3... without gaps: ${file}`);
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    return { version, name: match[2]!, sql: text, checksum: createHash('sha256').update(text).digest('hex') };
  });
}

export interface MigrateResult {
  applied: number[];
  current: number;
}

export async function migrate(db: Kysely<DB>, migrations = readMigrations()): Promise<MigrateResult> {
  // One pinned connection holds the session-level lock for the whole run.
  return db.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(${MIGRATION_LOCK_KEY})`.execute(conn);
    try {
      await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        checksum text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`.execute(conn);
      const done = await sql<{ version: number; name: string; checksum: string }>`
        SELECT version, name, checksum FROM schema_migrations ORDER BY version`.execute(conn);
      const known = new Map(migrations.map((m) => [m.version, m]));
      for (const row of done.rows) {
        const file = known.get(row.version);
        if (!file) throw new MigrationError(`database has migration ${row.version} (${row.name}) that this code does not know: is the code older than the database?`);
        if (file.checksum !== row.checksum) {
          throw new MigrationError(`migration ${row.version} (${row.name}) was edited after it was applied; add a new migration instead`);
        }
      }
      const appliedVersions = new Set(done.rows.map((row) => row.version));
      const applied: number[] = [];
      for (const migration of migrations) {
        if (appliedVersions.has(migration.version)) continue;
        await conn.transaction().execute(async (tx) => {
          await sql.raw(migration.sql).execute(tx);
          await sql`INSERT INTO schema_migrations (version, name, checksum)
            VALUES (${migration.version}, ${migration.name}, ${migration.checksum})`.execute(tx);
        });
        applied.push(migration.version);
      }
      return { applied, current: migrations.at(-1)?.version ?? 0 };
    } finally {
      await sql`SELECT pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.execute(conn);
    }
  });
}
