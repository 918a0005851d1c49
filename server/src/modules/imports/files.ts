// Spreadsheet files in and out: what kind of file an upload really is (by its bytes, not
// its name), its rows as text cells, and .xlsx workbooks written as a stream.
import { PassThrough } from 'node:stream';
import { TextDecoder } from 'node:util';
import ExcelJS from 'exceljs';
import { AppError } from '../../lib/errors.ts';
import { firstSheetRows } from './xlsx.ts';

export type FileFormat = 'xlsx' | 'csv';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]); // PK\x03\x04: an .xlsx is a zip
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]); // the old binary .xls

const unsupported = (zh: string, en: string) => new AppError('IMPORT_FILE_TYPE', { field: 'file', detail: { zh, en } });

/**
 * The format of an upload by its first bytes. A name that promises a workbook must come
 * with one: a text file renamed to .xlsx is refused, not read as CSV.
 */
export function sniffFormat(head: Buffer, filename: string): FileFormat {
  const extension = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase() ?? '';
  if (head.subarray(0, 4).equals(ZIP_MAGIC)) {
    if (extension && extension !== 'xlsx') throw unsupported(`文件“${filename}”的内容是压缩包，不是 .${extension} 文件`, `The content of ${filename} is a zip, not .${extension}`);
    return 'xlsx';
  }
  if (head.subarray(0, 4).equals(OLE_MAGIC)) {
    throw unsupported('不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后上传', 'Old .xls files are not supported; save as .xlsx');
  }
  if (extension === 'xlsx' || extension === 'xls') {
    throw unsupported(`文件“${filename}”不是有效的 Excel 工作簿（可能是改了扩展名的其他文件）`, `${filename} is not a real Excel workbook`);
  }
  if (!looksLikeText(head)) throw unsupported('请上传 .xlsx 或 .csv 文件', 'Upload an .xlsx or .csv file');
  return 'csv';
}

function looksLikeText(head: Buffer): boolean {
  if (head.length === 0) return false;
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  return utf16 || !head.subarray(0, 8192).includes(0);
}

export interface SheetRow {
  /** The row number staff see in Excel (the header is usually 1). */
  number: number;
  cells: string[];
}

const isBlank = (cells: string[]) => cells.every((cell) => cell.trim() === '');

async function* xlsxRows(file: () => Promise<Buffer>): AsyncGenerator<SheetRow> {
  const zip = await file();
  try {
    for await (const row of firstSheetRows(zip)) {
      if (!isBlank(row.cells)) yield row;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw unsupported('无法读取该 Excel 文件，请确认文件完好并另存为 .xlsx 后重试', 'The workbook cannot be read; save it again as .xlsx');
  }
}

/**
 * Text chunks of a CSV in whatever encoding Excel saved it: UTF-8 (with or without BOM),
 * UTF-16 ("Unicode text"), or GB18030/GBK, which Chinese Windows uses for "CSV".
 */
async function* decodeText(chunks: AsyncIterable<Buffer>): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  for await (const chunk of chunks) {
    if (!decoder) {
      if (chunk[0] === 0xff && chunk[1] === 0xfe) decoder = new TextDecoder('utf-16le');
      else if (chunk[0] === 0xfe && chunk[1] === 0xff) decoder = new TextDecoder('utf-16be');
      else {
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(chunk.subarray(0, 1 << 20), { stream: true });
          decoder = new TextDecoder('utf-8', { fatal: true });
        } catch {
          decoder = new TextDecoder('gb18030');
        }
      }
    }
    try {
      yield decoder.decode(chunk, { stream: true });
    } catch {
      throw unsupported('CSV 文件的编码无法识别，请另存为“CSV UTF-8”或 .xlsx', 'Unknown CSV encoding; save as CSV UTF-8 or .xlsx');
    }
  }
  if (decoder) yield decoder.decode();
}

/**
 * One record starting at `from`: its cells and where the next one starts, or null when
 * the text ends inside it (wait for more). Quoted cells may hold the delimiter, quotes
 * ("") and line breaks (RFC 4180).
 */
function csvRecord(text: string, from: number, delimiter: string, final: boolean): { cells: string[]; next: number; lines: number } | null {
  const newline = text.indexOf('\n', from);
  const end = newline < 0 ? text.length : newline;
  if (newline < 0 && !final) return null;
  const line = text.slice(from, text.charCodeAt(end - 1) === 13 ? end - 1 : end);
  // The common case, no quotes: one split.
  if (!line.includes('"')) return { cells: line.split(delimiter), next: end + 1, lines: 1 };
  const cells: string[] = [];
  let cell = '';
  let i = from;
  let lines = 1;
  for (;;) {
    if (text[i] === '"') {
      // A quoted cell: up to the closing quote; "" is a quote.
      i += 1;
      for (;;) {
        const close = text.indexOf('"', i);
        if (close < 0) {
          if (!final) return null;
          cell += text.slice(i);
          i = text.length;
          break;
        }
        const part = text.slice(i, close);
        lines += part.split('\n').length - 1;
        cell += part;
        if (text[close + 1] === '"') {
          cell += '"';
          i = close + 2;
        } else {
          i = close + 1;
          break;
        }
      }
    }
    // Unquoted text (or what follows a closing quote) up to the delimiter or the line end.
    let stop = i;
    while (stop < text.length && text[stop] !== delimiter && text[stop] !== '\n') stop += 1;
    if (stop === text.length && !final) return null;
    cell += text.slice(i, stop).replace(/\r$/, '');
    cells.push(cell);
    cell = '';
    if (stop >= text.length || text[stop] === '\n') return { cells, next: stop + 1, lines };
    i = stop + 1;
  }
}

async function* csvRows(chunks: AsyncIterable<Buffer>): AsyncGenerator<SheetRow> {
  let text = '';
  let delimiter: string | null = null;
  let line = 1;
  const records = function* (final: boolean) {
    let at = 0;
    for (;;) {
      if (at >= text.length) break;
      const record = csvRecord(text, at, delimiter!, final);
      if (!record) break;
      if (!isBlank(record.cells)) yield { number: line, cells: record.cells };
      line += record.lines;
      at = record.next;
    }
    text = text.slice(at);
  };
  // Excel's "Unicode text" is tab-separated; everything else here is comma-separated.
  const chooseDelimiter = () => {
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const header = text.slice(0, text.indexOf('\n') >>> 0);
    delimiter = (header.match(/\t/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? '\t' : ',';
  };
  for await (const part of decodeText(chunks)) {
    text += part;
    if (delimiter === null && !text.includes('\n')) continue;
    if (delimiter === null) chooseDelimiter();
    yield* records(false);
  }
  if (delimiter === null) chooseDelimiter();
  yield* records(true);
}

/** Data rows of a CSV (line breaks after the header), cheaply: the progress bar's total. */
export async function countCsvLines(chunks: AsyncIterable<Buffer>): Promise<number> {
  let lines = 0;
  let last = '';
  for await (const part of decodeText(chunks)) {
    for (let at = part.indexOf('\n'); at >= 0; at = part.indexOf('\n', at + 1)) lines += 1;
    if (part) last = part;
  }
  return Math.max(0, lines + (last.endsWith('\n') || last === '' ? 0 : 1) - 1);
}

/** The non-blank rows of the file, the header first. */
export function readRows(format: FileFormat, chunks: AsyncIterable<Buffer>): AsyncGenerator<SheetRow> {
  return format === 'xlsx' ? xlsxRows(() => gathered(chunks)) : csvRows(chunks);
}

/** A workbook's zip directory is at its end: its chunks are gathered first (an upload is at most 50 MB). */
async function gathered(chunks: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
}

export async function* inChunks(content: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let offset = 0; offset < content.length; offset += size) yield content.subarray(offset, offset + size);
}

/** The header row (the first non-blank one), read without going through the whole file. */
export async function readHeader(format: FileFormat, content: Buffer): Promise<string[]> {
  // A workbook is read from the upload itself, not from chunks of it gathered again.
  return firstRow(format === 'xlsx' ? xlsxRows(async () => content) : csvRows(inChunks(content, 1 << 20)));
}

async function firstRow(rows: AsyncGenerator<SheetRow>): Promise<string[]> {
  try {
    const first = await rows.next();
    if (first.done) throw unsupported('文件是空的：第一行应为表头', 'The file is empty: the first row must be the header');
    return first.value.cells.map((cell) => cell.trim());
  } finally {
    await rows.return(undefined);
  }
}

export interface SheetSpec {
  name: string;
  columns: { header: string; width?: number | undefined; text?: boolean | undefined }[];
}

/**
 * A workbook written as it goes (exceljs' streaming writer): rows leave as they are
 * added, so a 100,000-row export never sits whole in memory. Pipe `stream` to the reply.
 */
export function streamingWorkbook(sheet: SheetSpec) {
  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.columns = sheet.columns.map((column, i) => ({
    key: String(i), width: column.width ?? Math.max(10, column.header.length * 2 + 2), style: column.text ? { numFmt: '@' } : {},
  }));
  const header = worksheet.addRow(sheet.columns.map((column) => column.header));
  header.font = { bold: true };
  header.commit();
  return {
    stream,
    addRow(cells: (string | number | null)[]) {
      worksheet.addRow(cells).commit();
    },
    async commit() {
      worksheet.commit();
      await workbook.commit();
    },
  };
}
