// Backup and restore of the whole database in the logical format of format.ts: a backup
// is one consistent snapshot; a restore loads it into an empty database in one
// transaction, checks every table against the backup, and leaves the schema current.
import { once } from 'node:events';
import fs from 'node:fs';
import { pipeline } from 'node:stream';
import { pipeline as pipelineAsync } from 'node:stream/promises';
import zlib from 'node:zlib';
import type { Kysely } from 'kysely';
import type { Engine } from '../../db/index.ts';
import { migrate, readMigrations, type Migration } from '../../db/migrate.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../lib/errors.ts';
import {
  appVersion, batches, END_OF_TABLE, FORMAT, FORMAT_VERSION, jsonLine, lines, parseHeader, parseTableSummary, RowDigest, unreadable,
  type BackupHeader, type TableSummary,
} from './format.ts';
import * as q from './queries.ts';

export interface BackupReport {
  bytes: number;
  tables: TableSummary[];
  seconds: number;
}

export interface RestoreReport {
  tables: TableSummary[];
  /** Migrations newer than the backup, applied after loading it. */
  upgraded: number[];
  seconds: number;
}

/** Parents before children, so that foreign keys hold while the tables load one by one. */
export function loadOrder(tables: q.TableShape[], keys: q.ForeignKey[]): q.TableShape[] {
  const waiting = new Map(tables.map((table) => [table.name, new Set<string>()]));
  for (const key of keys) waiting.get(key.child)?.add(key.parent);
  const ordered: q.TableShape[] = [];
  let remaining = tables;
  while (remaining.length > 0) {
    const ready = remaining.filter((table) => waiting.get(table.name)!.size === 0);
    if (ready.length === 0) throw new Error(`foreign keys form a cycle among ${remaining.map((table) => table.name).join(', ')}`);
    for (const table of ready) for (const parents of waiting.values()) parents.delete(table.name);
    ordered.push(...ready);
    remaining = remaining.filter((table) => !ready.includes(table));
  }
  return ordered;
}

async function write(stream: NodeJS.WritableStream, data: Buffer) {
  if (!stream.write(data)) await once(stream, 'drain');
}

/** Passes rows through, adding each to the digest. */
async function* digested(rows: AsyncIterable<Buffer>, digest: RowDigest): AsyncGenerator<Buffer> {
  for await (const row of rows) {
    digest.add(row);
    yield row;
  }
}

async function digestOf(rows: AsyncIterable<Buffer>): Promise<RowDigest> {
  const digest = new RowDigest();
  for await (const row of rows) digest.add(row);
  return digest;
}

function summaryOf(name: string, digest: RowDigest): TableSummary {
  return { name, rows: digest.rows, digest: digest.hex() };
}

/**
 * Writes the database to `file` from one REPEATABLE READ snapshot, so the tables agree
 * with each other (statistics with their rows) while the server keeps running.
 */
export async function backupDatabase(db: Kysely<DB>, engine: Engine, file: string): Promise<BackupReport> {
  const started = performance.now();
  // Written aside and renamed when complete: a failed backup never looks like a good one.
  const partial = `${file}.partial`;
  const gzip = zlib.createGzip();
  const written = pipelineAsync(gzip, fs.createWriteStream(partial));
  try {
    const tables = await db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(async (tx) => {
      await q.pinTextOutput(tx);
      // The first read fixes the snapshot; sequences read after it are past every id it holds.
      const migrations = await q.appliedMigrations(tx);
      const header: BackupHeader = {
        format: FORMAT, formatVersion: FORMAT_VERSION, app: appVersion, engine, createdAt: new Date().toISOString(), migrations,
        tables: loadOrder(await q.listTables(tx), await q.listForeignKeys(tx)), sequences: await q.listSequences(tx),
      };
      await write(gzip, jsonLine(header));
      const summaries: TableSummary[] = [];
      for (const table of header.tables) {
        const digest = new RowDigest();
        for await (const batch of batches(digested(lines(await q.copyOut(tx, engine, table)), digest))) await write(gzip, batch);
        const summary = summaryOf(table.name, digest);
        await write(gzip, Buffer.concat([Buffer.from(`${END_OF_TABLE}\n`), jsonLine(summary)]));
        summaries.push(summary);
      }
      return summaries;
    });
    gzip.end();
    await written;
    fs.renameSync(partial, file);
    return { bytes: fs.statSync(file).size, tables, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    gzip.destroy();
    await written.catch(() => undefined);
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

/** The file's lines; a damaged gzip stream is reported as an unreadable backup. */
async function* fileLines(file: string): AsyncGenerator<Buffer> {
  const unzipped = pipeline(fs.createReadStream(file), zlib.createGunzip(), () => undefined);
  try {
    yield* lines(unzipped);
  } catch (error) {
    if (/^Z_/.test(String((error as { code?: unknown }).code))) throw unreadable(`damaged gzip data (${(error as Error).message})`);
    throw error;
  } finally {
    unzipped.destroy();
  }
}

/** Reads the file's lines one at a time: the header, then each table's rows and summary. */
function lineReader(file: string) {
  const iterator = fileLines(file);
  return {
    next: async () => (await iterator.next()).value as Buffer | undefined,
    close: async () => void (await iterator.return(undefined)),
  };
}

/** One table's rows: the lines up to its end marker. */
async function* tableRows(reader: ReturnType<typeof lineReader>, table: string): AsyncGenerator<Buffer> {
  for (;;) {
    const line = await reader.next();
    if (line === undefined) throw unreadable(`the file ends inside table ${table} (truncated?)`);
    if (line.length === END_OF_TABLE.length && line.toString() === END_OF_TABLE) return;
    yield line;
  }
}

/**
 * The code's migrations, once the backup's are known to be their beginning: a backup from
 * a newer Lianxin, or a database already past the backup's schema, is refused.
 */
function checkSchema(header: BackupHeader, code: Migration[], target: q.AppliedMigration[]): Migration[] {
  const newest = header.migrations.at(-1)?.version ?? 0;
  for (const [index, migration] of header.migrations.entries()) {
    const known = code[index];
    if (!known) throw new AppError('BACKUP_SCHEMA_NEWER', { params: { version: newest, known: code.length } });
    if (known.version !== migration.version || known.checksum !== migration.checksum) {
      throw unreadable(`its migration ${migration.version} (${migration.name}) differs from this Lianxin's`);
    }
  }
  if (target.length > header.migrations.length) {
    throw new AppError('RESTORE_SCHEMA_AHEAD', { params: { current: target.at(-1)!.version, version: newest } });
  }
  return code;
}

/** The first table holding rows, if any. */
async function firstTableWithRows(db: Kysely<DB>): Promise<string | undefined> {
  for (const table of await q.listTables(db)) if (await q.tableHasRows(db, table.name)) return table.name;
  return undefined;
}

function sameContent(a: TableSummary, b: TableSummary): boolean {
  return a.rows === b.rows && a.digest === b.digest;
}

/**
 * Loads a backup into an empty database (or, with `force`, in place of its contents): the
 * schema is migrated to the backup's version, every table loaded in one transaction with
 * the tables' own triggers off (the statistics are restored as they were, not counted
 * twice), checked against the backup's digests, the sequences set; then the migrations
 * newer than the backup run.
 */
export async function restoreDatabase(db: Kysely<DB>, engine: Engine, file: string, options: { force?: boolean } = {}): Promise<RestoreReport> {
  const started = performance.now();
  const reader = lineReader(file);
  try {
    const header = parseHeader(await reader.next());
    const code = checkSchema(header, readMigrations(), await q.appliedMigrations(db));
    const occupied = await firstTableWithRows(db);
    if (occupied && !options.force) throw new AppError('RESTORE_NOT_EMPTY', { params: { table: occupied } });
    await migrate(db, code.slice(0, header.migrations.length));
    const tables = await db.transaction().execute(async (tx) => {
      await q.pinTextOutput(tx);
      const names = header.tables.map((table) => table.name);
      const targetNames = (await q.listTables(tx)).map((table) => table.name);
      if (targetNames.sort().join() !== [...names].sort().join()) throw unreadable('its tables differ from this schema version\'s');
      if (occupied) await q.emptyTables(tx, names);
      await q.setUserTriggers(tx, names, false);
      const loaded: TableSummary[] = [];
      for (const table of header.tables) {
        const digest = new RowDigest();
        await q.copyIn(tx, engine, table, batches(digested(tableRows(reader, table.name), digest)));
        const expected = parseTableSummary(await reader.next(), table.name);
        if (!sameContent(summaryOf(table.name, digest), expected)) throw unreadable(`table ${table.name} does not match its checksum (corrupted file)`);
        loaded.push(expected);
      }
      for (const [index, table] of header.tables.entries()) {
        const stored = await digestOf(lines(await q.copyOut(tx, engine, table)));
        if (!sameContent(summaryOf(table.name, stored), loaded[index]!)) throw new Error(`restore: table ${table.name} reads back differently from the backup`);
      }
      await q.setUserTriggers(tx, names, true);
      for (const sequence of header.sequences) await q.setSequence(tx, sequence);
      return loaded;
    });
    const { applied } = await migrate(db, code);
    return { tables, upgraded: applied, seconds: (performance.now() - started) / 1000 };
  } finally {
    await reader.close();
  }
}
