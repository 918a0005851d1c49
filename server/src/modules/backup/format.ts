// The backup file: one engine-independent logical format, so a backup of the embedded
// PGlite database restores into a PostgreSQL server and back. It is gzip'd text lines:
//
//   {header}            JSON: format, app version, source engine, migrations with their
//                       checksums, tables (in load order, with columns), sequences
//   rows of table 1     COPY text format, one row a line
//   \.                  end of the table's rows (no row reads so: COPY doubles a \)
//   {table summary}     JSON: the table's name, rows and digest
//   ...                 the other tables, in header order
//
// Each table's summary follows its rows because the rows are streamed once, from one
// snapshot; a restore checks the header (format, schema) before it loads anything, and
// each table as soon as it is loaded.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { AppError } from '../../lib/errors.ts';
import type { AppliedMigration, SequenceState, TableShape } from './queries.ts';

export const FORMAT = 'lianxin-backup';
export const FORMAT_VERSION = 1;
export const END_OF_TABLE = '\\.';

export interface BackupHeader {
  format: typeof FORMAT;
  formatVersion: number;
  app: string;
  engine: string;
  createdAt: string;
  migrations: AppliedMigration[];
  tables: TableShape[];
  sequences: SequenceState[];
}

export interface TableSummary {
  name: string;
  rows: number;
  digest: string;
}

export const appVersion = (JSON.parse(fs.readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export function unreadable(reason: string): AppError {
  return new AppError('BACKUP_UNREADABLE', { params: { reason } });
}

/**
 * A table's content, independent of row order (engines may return rows in any order):
 * the sha256 of every row's line, added up in eight 32-bit lanes.
 */
export class RowDigest {
  rows = 0;
  readonly #lanes = new Uint32Array(8);

  add(line: Buffer) {
    const hash = createHash('sha256').update(line).digest();
    for (let lane = 0; lane < 8; lane += 1) this.#lanes[lane] = (this.#lanes[lane]! + hash.readUInt32BE(lane * 4)) >>> 0;
    this.rows += 1;
  }

  hex(): string {
    return Array.from(this.#lanes, (lane) => lane.toString(16).padStart(8, '0')).join('');
  }
}

/** Splits a byte stream into lines (without their \n). */
export async function* lines(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let rest: Buffer = Buffer.alloc(0);
  for await (const chunk of chunks) {
    const data = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0;
    for (let end = data.indexOf(10, start); end >= 0; end = data.indexOf(10, start)) {
      yield data.subarray(start, end);
      start = end + 1;
    }
    rest = data.subarray(start);
  }
  if (rest.length > 0) yield rest;
}

/** Joins lines back into chunks of about 64 KiB, for fewer writes. */
export async function* batches(rows: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let size = 0;
  for await (const row of rows) {
    pending.push(row, NEWLINE);
    size += row.length + 1;
    if (size >= 65_536) {
      yield Buffer.concat(pending);
      pending = [];
      size = 0;
    }
  }
  if (pending.length > 0) yield Buffer.concat(pending);
}

const NEWLINE = Buffer.from('\n');

export function jsonLine(value: unknown): Buffer {
  return Buffer.from(`${JSON.stringify(value)}\n`);
}

export function parseHeader(line: Buffer | undefined): BackupHeader {
  const header = parseJson(line) as Partial<BackupHeader> | undefined;
  if (header?.format !== FORMAT || !Array.isArray(header.migrations) || !Array.isArray(header.tables) || !Array.isArray(header.sequences)) {
    throw unreadable('not a Lianxin backup');
  }
  if (header.formatVersion !== FORMAT_VERSION) throw unreadable(`format version ${String(header.formatVersion)}; this Lianxin reads ${FORMAT_VERSION}`);
  return header as BackupHeader;
}

export function parseTableSummary(line: Buffer | undefined, table: string): TableSummary {
  const summary = parseJson(line) as Partial<TableSummary> | undefined;
  if (summary?.name !== table || typeof summary.rows !== 'number' || typeof summary.digest !== 'string') {
    throw unreadable(`the summary of table ${table} is missing`);
  }
  return summary as TableSummary;
}

function parseJson(line: Buffer | undefined): unknown {
  try {
    return line ? JSON.parse(line.toString('utf8')) : undefined;
  } catch {
    return undefined;
  }
}
