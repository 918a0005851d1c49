// The catalog reads and the COPY statements of backup and restore. Every function runs in
// the caller's transaction (a Kysely transaction is a Kysely<DB>).
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CompiledQuery, sql, type Kysely } from 'kysely';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { Engine } from '../../db/index.ts';
import type { Migration } from '../../db/migrate.ts';
import type { PgliteStatement } from '../../db/pglite-pool.ts';
import type { DB } from '../../db/schema.ts';

export interface TableShape {
  name: string;
  /** Stored columns in table order; generated columns are recomputed, not copied. */
  columns: string[];
}

export interface ForeignKey {
  child: string;
  parent: string;
}

export type AppliedMigration = Pick<Migration, 'version' | 'name' | 'checksum'>;

export interface SequenceState {
  name: string;
  /** As setval() takes them: the last value (bigint, as text) and whether it was handed out. */
  value: string;
  called: boolean;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Fixes every setting that changes COPY's text output (time zone, date and float formats,
 * bytea), so that a table reads as the same bytes on PGlite and on any PostgreSQL server.
 */
export async function pinTextOutput(tx: Kysely<DB>) {
  await sql.raw(`SET LOCAL TimeZone = 'UTC'; SET LOCAL DateStyle = 'ISO, YMD'; SET LOCAL IntervalStyle = 'postgres';
    SET LOCAL extra_float_digits = 1; SET LOCAL bytea_output = 'hex'`).execute(tx);
}

/** The application's tables (all but schema_migrations, which migrate() owns) with their columns. */
export async function listTables(tx: Kysely<DB>): Promise<TableShape[]> {
  const result = await sql<{ name: string; columns: string[] }>`
    SELECT c.relname AS name, array_agg(a.attname::text ORDER BY a.attnum) AS columns
    FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
    WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') AND c.relname <> 'schema_migrations'
      AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
    GROUP BY c.relname ORDER BY c.relname`.execute(tx);
  return result.rows;
}

export async function listForeignKeys(tx: Kysely<DB>): Promise<ForeignKey[]> {
  const result = await sql<ForeignKey>`
    SELECT DISTINCT child.relname AS child, parent.relname AS parent
    FROM pg_constraint k JOIN pg_class child ON child.oid = k.conrelid JOIN pg_class parent ON parent.oid = k.confrelid
    WHERE k.contype = 'f' AND k.connamespace = current_schema()::regnamespace AND k.conrelid <> k.confrelid`.execute(tx);
  return result.rows;
}

export async function listSequences(tx: Kysely<DB>): Promise<SequenceState[]> {
  const names = await sql<{ name: string }>`
    SELECT relname AS name FROM pg_class WHERE relnamespace = current_schema()::regnamespace AND relkind = 'S' ORDER BY relname`.execute(tx);
  if (names.rows.length === 0) return [];
  // A sequence's own row holds its state (pg_sequences shows no value until one is handed out).
  const result = await sql<SequenceState>`${sql.join(names.rows.map(({ name }) =>
    sql`SELECT ${name}::text AS name, last_value::text AS value, is_called AS called FROM ${sql.table(name)}`), sql` UNION ALL `)}`.execute(tx);
  return result.rows;
}

export async function setSequence(tx: Kysely<DB>, sequence: SequenceState) {
  await sql`SELECT setval(quote_ident(${sequence.name})::regclass, ${sequence.value}::bigint, ${sequence.called})`.execute(tx);
}

/** Migrations the database has applied; none when it has never been migrated. */
export async function appliedMigrations(db: Kysely<DB>): Promise<AppliedMigration[]> {
  const exists = await sql<{ found: boolean }>`SELECT to_regclass('schema_migrations') IS NOT NULL AS found`.execute(db);
  if (!exists.rows[0]?.found) return [];
  const result = await sql<AppliedMigration>`SELECT version, name, checksum FROM schema_migrations ORDER BY version`.execute(db);
  return result.rows;
}

export async function tableHasRows(tx: Kysely<DB>, table: string): Promise<boolean> {
  const result = await sql<{ found: boolean }>`SELECT EXISTS (SELECT 1 FROM ${sql.table(table)}) AS found`.execute(tx);
  return result.rows[0]?.found ?? false;
}

export async function emptyTables(tx: Kysely<DB>, tables: string[]) {
  await sql`TRUNCATE ${sql.join(tables.map((table) => sql.table(table)))} RESTART IDENTITY`.execute(tx);
}

/**
 * Switches the tables' own triggers (statistics capture, the append-only ledger guard) off
 * or on; foreign keys stay checked. Inside the restore's transaction nobody else sees the
 * tables without them.
 */
export async function setUserTriggers(tx: Kysely<DB>, tables: string[], enabled: boolean) {
  const action = enabled ? sql`ENABLE` : sql`DISABLE`;
  for (const table of tables) await sql`ALTER TABLE ${sql.table(table)} ${action} TRIGGER USER`.execute(tx);
}

function copyStatement(table: TableShape, direction: 'TO' | 'FROM', target: string) {
  return `COPY ${quote(table.name)} (${table.columns.map(quote).join(', ')}) ${direction} ${target}`;
}

/** Hands PGlite's COPY to Kysely in place of SQL text (see PgliteStatement). */
async function runOnPglite(tx: Kysely<DB>, statement: PgliteStatement) {
  await tx.executeQuery(CompiledQuery.raw(statement as unknown as string, []));
}

/** A table's rows in COPY text format, read in the caller's transaction. */
export async function copyOut(tx: Kysely<DB>, engine: Engine, table: TableShape): Promise<AsyncIterable<Buffer>> {
  if (engine === 'postgres') {
    // As in copyVolunteers: pg runs the COPY stream on this transaction's connection.
    const stream = copyTo(copyStatement(table, 'TO', 'STDOUT'));
    await tx.executeQuery(CompiledQuery.raw(stream as unknown as string, []));
    return stream;
  }
  let blob: Blob | undefined;
  await runOnPglite(tx, {
    async run(pglite) {
      const result = await pglite.query(copyStatement(table, 'TO', "'/dev/blob'"));
      blob = result.blob;
      return result;
    },
  });
  return Readable.from([Buffer.from(await (blob ?? new Blob([])).arrayBuffer())]);
}

/**
 * Loads rows in COPY text format into a table. PostgreSQL streams them; PGlite takes a
 * Blob, so its rows are gathered in memory first (an embedded database is small).
 */
export async function copyIn(tx: Kysely<DB>, engine: Engine, table: TableShape, data: AsyncIterable<Buffer>) {
  if (engine === 'postgres') {
    const stream = copyFrom(copyStatement(table, 'FROM', 'STDIN'));
    await tx.executeQuery(CompiledQuery.raw(stream as unknown as string, []));
    await pipeline(Readable.from(data), stream);
    return;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of data) chunks.push(chunk);
  const blob = new Blob(chunks);
  await runOnPglite(tx, { run: (pglite) => pglite.query(copyStatement(table, 'FROM', "'/dev/blob'"), [], { blob }) });
}
