// The rows of an .xlsx workbook's first sheet, as text cells.
//
// Why not exceljs' streaming reader: it reads the zip in one pass, and exceljs' own writer
// puts the workbook part last, after the sheets; on Node ≥ 18 that pass intermittently
// loses it (exceljs#3064), and an import failed as "cannot be read" about once in a few
// hundred runs on CI. Here each part is found through the zip's central directory, so the
// order of the parts does not matter, and the sheet is parsed as it inflates, never whole.
import { posix } from 'node:path';
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { SaxesParser } from 'saxes';
import type { SheetRow } from './files.ts';

/** The file is not a workbook this reader understands; the caller says so to the user. */
export class UnreadableWorkbook extends Error {}

interface ZipEntry {
  method: number;
  compressedSize: number;
  localHeader: number;
}

const END_OF_DIRECTORY = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

/** The parts of a zip by name, from its central directory (zip64 is never needed under 50 MB). */
function zipDirectory(zip: Buffer): Map<string, ZipEntry> {
  const end = zip.lastIndexOf(END_OF_DIRECTORY);
  if (end < 0 || end + 22 > zip.length) throw new UnreadableWorkbook('no central directory');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== DIRECTORY_ENTRY) throw new UnreadableWorkbook('broken central directory');
    const nameLength = zip.readUInt16LE(at + 28);
    entries.set(zip.toString('utf8', at + 46, at + 46 + nameLength), {
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      localHeader: zip.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/** A part's text as it inflates. */
function partText(zip: Buffer, entry: ZipEntry): Readable {
  const header = entry.localHeader;
  if (header + 30 > zip.length || zip.readUInt32LE(header) !== LOCAL_HEADER) throw new UnreadableWorkbook('broken local header');
  const start = header + 30 + zip.readUInt16LE(header + 26) + zip.readUInt16LE(header + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  if (entry.method === STORED) return Readable.from([data.toString('utf8')]);
  if (entry.method !== DEFLATED) throw new UnreadableWorkbook(`compression method ${entry.method}`);
  const inflate = createInflateRaw();
  inflate.setEncoding('utf8');
  inflate.end(data);
  return inflate;
}

type XmlEvent = { open: string; attributes: Record<string, string> } | { close: string } | { text: string };

/** Without its namespace prefix: some writers spell the sheet's tags `x:row`. */
const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/** A part's XML as batches of events, one batch per inflated chunk. */
async function* xmlEvents(text: Readable): AsyncGenerator<XmlEvent[]> {
  const parser = new SaxesParser();
  let batch: XmlEvent[] = [];
  parser.on('opentag', (tag) => batch.push({ open: localName(tag.name), attributes: tag.attributes as Record<string, string> }));
  parser.on('closetag', (tag) => batch.push({ close: localName(tag.name) }));
  parser.on('text', (chunk) => batch.push({ text: chunk }));
  parser.on('cdata', (chunk) => batch.push({ text: chunk }));
  try {
    for await (const chunk of text) {
      parser.write(chunk as string);
      yield batch;
      batch = [];
    }
    parser.close();
    yield batch;
  } finally {
    text.destroy();
  }
}

interface Relationship {
  id: string;
  type: string;
  /** The part's path in the zip. */
  path: string;
}

class Workbook {
  private readonly parts: Map<string, ZipEntry>;

  constructor(private readonly zip: Buffer) {
    this.parts = zipDirectory(zip);
  }

  events(path: string): AsyncGenerator<XmlEvent[]> {
    const entry = this.parts.get(path);
    if (!entry) throw new UnreadableWorkbook(`no part ${path}`);
    return xmlEvents(partText(this.zip, entry));
  }

  /** The relationships of `source` (the package itself when ''), with targets as zip paths. */
  async relationships(source: string): Promise<Relationship[]> {
    const folder = posix.dirname(source);
    const relsPath = posix.join(folder, '_rels', `${posix.basename(source)}.rels`);
    if (!this.parts.has(relsPath)) return [];
    const found: Relationship[] = [];
    for await (const batch of this.events(relsPath)) {
      for (const event of batch) {
        if (!('open' in event) || event.open !== 'Relationship') continue;
        const { Id = '', Type = '', Target = '' } = event.attributes;
        const path = Target.startsWith('/') ? Target.slice(1) : posix.normalize(posix.join(folder, Target));
        found.push({ id: Id, type: Type, path });
      }
    }
    return found;
  }

  /** The relationship id of the first sheet, in the workbook's own order. */
  async firstSheetId(workbookPath: string): Promise<string> {
    for await (const batch of this.events(workbookPath)) {
      for (const event of batch) {
        if (!('open' in event) || event.open !== 'sheet') continue;
        const idAttribute = Object.keys(event.attributes).find((name) => localName(name) === 'id' && name !== 'id');
        if (idAttribute) return event.attributes[idAttribute]!;
      }
    }
    throw new UnreadableWorkbook('no sheet');
  }

  /** The shared string table: each `<si>`'s text, without phonetic guides (`<rPh>`). */
  async sharedStrings(path: string | undefined): Promise<string[]> {
    if (!path) return [];
    const strings: string[] = [];
    const text = new TextCollector();
    for await (const batch of this.events(path)) {
      for (const event of batch) {
        if ('close' in event && event.close === 'si') strings.push(text.take());
        else text.see(event);
      }
    }
    return strings;
  }
}

/** The text inside `<t>` (or `<v>`) elements, skipping phonetic guides. */
class TextCollector {
  private inside = false;
  private phonetic = 0;
  private text = '';

  see(event: XmlEvent) {
    if ('open' in event) {
      if (event.open === 'rPh') this.phonetic += 1;
      if (event.open === 't' || event.open === 'v') this.inside = this.phonetic === 0;
    } else if ('close' in event) {
      if (event.close === 'rPh') this.phonetic -= 1;
      if (event.close === 't' || event.close === 'v') this.inside = false;
    } else if (this.inside) {
      this.text += event.text;
    }
  }

  take(): string {
    const text = this.text;
    this.text = '';
    this.inside = false;
    return text;
  }
}

/** A number as staff typed it: an ID or phone number stored as a number keeps all its digits. */
function numberText(value: number): string {
  return Number.isInteger(value) && Math.abs(value) < 1e15 ? value.toFixed(0) : String(value);
}

/** "AB12" → 28: the column of a cell reference, from 1. */
function columnOf(reference: string): number {
  let column = 0;
  for (const letter of reference.toUpperCase()) {
    const code = letter.charCodeAt(0);
    if (code < 65 || code > 90) break;
    column = column * 26 + code - 64;
  }
  return column;
}

function cellText(type: string, raw: string, strings: string[]): string {
  switch (type) {
    case 's': return strings[Number(raw)] ?? '';
    case 'str':
    case 'inlineStr': return raw;
    case 'b': return raw === '1' ? '是' : '否';
    case 'e': return ''; // #N/A and the like: an empty cell to the importer
    case 'd': return raw.slice(0, 10);
    default: return raw.trim() === '' || Number.isNaN(Number(raw)) ? raw : numberText(Number(raw));
  }
}

/** Every row of the workbook's first sheet with its Excel row number, blank ones included. */
export async function* firstSheetRows(zip: Buffer): AsyncGenerator<SheetRow> {
  const workbook = new Workbook(zip);
  const document = (await workbook.relationships('')).find((rel) => rel.type.endsWith('/officeDocument'))?.path ?? 'xl/workbook.xml';
  const rels = await workbook.relationships(document);
  const sheetId = await workbook.firstSheetId(document);
  const sheet = rels.find((rel) => rel.id === sheetId);
  if (!sheet) throw new UnreadableWorkbook('no sheet part');
  const strings = await workbook.sharedStrings(rels.find((rel) => rel.type.endsWith('/sharedStrings'))?.path);

  let row: SheetRow = { number: 0, cells: [] };
  let column = 0;
  let type = 'n';
  const text = new TextCollector();
  for await (const batch of workbook.events(sheet.path)) {
    const done: SheetRow[] = [];
    for (const event of batch) {
      if ('open' in event && event.open === 'row') {
        row = { number: Number(event.attributes.r) || row.number + 1, cells: [] };
        column = 0;
      } else if ('open' in event && event.open === 'c') {
        column = event.attributes.r ? columnOf(event.attributes.r) : column + 1;
        type = event.attributes.t ?? 'n';
        text.take();
      } else if ('close' in event && event.close === 'c') {
        row.cells[column - 1] = cellText(type, text.take(), strings);
      } else if ('close' in event && event.close === 'row') {
        done.push({ number: row.number, cells: Array.from(row.cells, (cell) => cell ?? '') });
      } else {
        text.see(event);
      }
    }
    yield* done;
  }
}
