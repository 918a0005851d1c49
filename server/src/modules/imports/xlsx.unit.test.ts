import { PassThrough } from 'node:stream';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { SheetRow } from './files.ts';
import { firstSheetRows, UnreadableWorkbook } from './xlsx.ts';

async function rowsOf(zip: Buffer): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const row of firstSheetRows(zip)) rows.push(row);
  return rows;
}

/** A zip record: its signature, the method and sizes at the given offsets, and (a directory entry) where its part starts. */
function record(length: number, signature: number, sizes: { method: number; compressed: number; raw: number; name: number }, at: number[], localHeader?: number): Buffer {
  const bytes = Buffer.alloc(length);
  bytes.writeUInt32LE(signature, 0);
  bytes.writeUInt16LE(sizes.method, at[0]!);
  bytes.writeUInt32LE(sizes.compressed, at[1]!);
  bytes.writeUInt32LE(sizes.raw, at[2]!);
  bytes.writeUInt16LE(sizes.name, at[3]!);
  if (localHeader !== undefined) bytes.writeUInt32LE(localHeader, 42);
  return bytes;
}

/** A zip as another spreadsheet program might write it: parts in the given order, stored or deflated. */
function zipOf(parts: [string, string][], method: 'stored' | 'deflated'): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of parts) {
    const nameBytes = Buffer.from(name);
    const raw = Buffer.from(text);
    const data = method === 'stored' ? raw : deflateRawSync(raw);
    const sizes = { method: method === 'stored' ? 0 : 8, compressed: data.length, raw: raw.length, name: nameBytes.length };
    // The same fields at the local header's offsets and at the directory entry's.
    locals.push(record(30, 0x04034b50, sizes, [8, 18, 22, 26]), nameBytes, data);
    directory.push(record(46, 0x02014b50, sizes, [10, 20, 24, 28], offset), nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directoryBytes, end]);
}

const relsNs = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const foreignWorkbook = (sheetXml: string): [string, string][] => [
  // The sheet first and the workbook last: the order that lost exceljs' streaming reader its workbook.
  ['xl/worksheets/data.xml', sheetXml],
  ['xl/strings.xml', '<sst><si><t>姓名</t></si><si><r><t>张</t></r><r><t>三</t></r><rPh><t>ちょう</t></rPh></si></sst>'],
  ['_rels/.rels', `<Relationships><Relationship Id="r1" Type="${relsNs}/officeDocument" Target="/xl/book.xml"/></Relationships>`],
  ['xl/_rels/book.xml.rels', `<Relationships><Relationship Id="rA" Type="${relsNs}/worksheet" Target="worksheets/data.xml"/><Relationship Id="rB" Type="${relsNs}/sharedStrings" Target="strings.xml"/></Relationships>`],
  ['xl/book.xml', `<workbook xmlns:r="${relsNs}"><sheets><sheet name="名单" sheetId="1" r:id="rA"/></sheets></workbook>`],
];

describe('reading an .xlsx', () => {
  it('reads what exceljs writes: strings, rich text, numbers in full, booleans, formula results, row numbers; the first sheet only', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('志愿者');
    sheet.addRow(['姓名', '手机号', '在职', '合计']);
    sheet.addRow([{ richText: [{ text: '李' }, { text: '四' }] }, 13800000000, true, { formula: '1+1', result: 2 }]);
    sheet.addRow([]);
    sheet.getCell('C4').value = 'only C';
    sheet.getCell('A5').value = 1.5;
    workbook.addWorksheet('填写说明').addRow(['notes']);
    const rows = await rowsOf(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(rows).toEqual([
      { number: 1, cells: ['姓名', '手机号', '在职', '合计'] },
      { number: 2, cells: ['李四', '13800000000', '是', '2'] },
      { number: 4, cells: ['', '', 'only C'] },
      { number: 5, cells: ['1.5'] },
    ]);
  });

  it('reads the streaming writer’s workbooks (the templates and error reports) the same way', async () => {
    const stream = new PassThrough();
    const parts: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => parts.push(chunk));
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: true });
    const sheet = workbook.addWorksheet('名单');
    sheet.addRow(['身份证号', '姓名']).commit();
    sheet.addRow(['210321199006150029', '王五']).commit();
    await workbook.commit();
    expect(await rowsOf(Buffer.concat(parts))).toEqual([
      { number: 1, cells: ['身份证号', '姓名'] },
      { number: 2, cells: ['210321199006150029', '王五'] },
    ]);
  });

  it('finds every part through the directory, whatever their order, names and compression', async () => {
    const sheet = '<x:worksheet xmlns:x="main"><x:sheetData>'
      + '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>备注</x:t></x:is></x:c></x:row>'
      + '<x:row><x:c t="s"><x:v>1</x:v></x:c><x:c t="str"><x:f>A2</x:f><x:v>张三 &amp; 家人</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c><x:c><x:v>2.10321199006150E+17</x:v></x:c></x:row>'
      + '</x:sheetData></x:worksheet>';
    for (const method of ['stored', 'deflated'] as const) {
      expect(await rowsOf(zipOf(foreignWorkbook(sheet), method))).toEqual([
        { number: 1, cells: ['姓名', '备注'] },
        { number: 2, cells: ['张三', '张三 & 家人', '', '210321199006150000'] },
      ]);
    }
  });

  it('reads the same rows every time, 200 reads at once', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('志愿者');
    for (let i = 0; i < 50; i += 1) sheet.addRow([`志愿者${i}`, i]);
    workbook.addWorksheet('填写说明').addRow(['notes']);
    const zip = Buffer.from(await workbook.xlsx.writeBuffer());
    const reads = await Promise.all(Array.from({ length: 200 }, () => rowsOf(zip)));
    expect(new Set(reads.map((rows) => rows.length))).toEqual(new Set([50]));
    expect(reads.every((rows) => rows[49]!.cells.join() === '志愿者49,49')).toBe(true);
  });

  it('refuses what is not a workbook: a cut-off file, a zip without one', async () => {
    const whole = Buffer.from(await new ExcelJS.Workbook().xlsx.writeBuffer());
    await expect(rowsOf(whole.subarray(0, whole.length - 30))).rejects.toBeInstanceOf(UnreadableWorkbook);
    await expect(rowsOf(zipOf([['readme.txt', 'hello']], 'stored'))).rejects.toBeInstanceOf(UnreadableWorkbook);
  });
});
