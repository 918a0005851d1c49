import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../../test/env.ts';
import { createTestServer, type TestClient, type TestServer } from '../../../../test/harness.ts';
import { categoryNames, serviceCategories } from '../../lib/categories.ts';
import { nextIdNumber, nextPhone } from '../../seed/factories.ts';
import { organizationColumns, volunteerColumns } from './columns.ts';
import { runnerFor, startImportRunner } from './runner.ts';
import { claimImportJob, runImportJob } from './service.ts';

let server: TestServer;
let centerAdmin: TestClient; // 台安县 (210321) center admin
let provinceAdmin: TestClient;
let otherCountyVillage: string; // a village of 岫岩县 (210323), outside the center admin's county

const STATION = '210321001021'; // 庆南社区
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

beforeAll(async () => {
  server = await createTestServer();
  startImportRunner(server.ctx, { pollMs: 20 });
  centerAdmin = await server.signIn('13800000001', DEMO_PASSWORD);
  provinceAdmin = await server.admin();
  otherCountyVillage = (await server.ctx.db.selectFrom('sites').select('region_code')
    .where('kind', '=', 'station').where('region_code', '>=', '210323000000').where('region_code', '<', '210324000000')
    .orderBy('region_code').executeTakeFirstOrThrow()).region_code;
});
afterAll(() => server?.close());

/** A raw request with the client's session: for uploads and binary answers. */
async function raw(client: TestClient, options: { method: 'GET' | 'POST'; url: string; payload?: Buffer; headers?: Record<string, string> }) {
  return server.app.inject({ ...options, headers: { ...options.headers, ...(client.cookie ? { cookie: client.cookie } : {}) } });
}

function upload(client: TestClient, kind: string, filename: string, content: Buffer | string, fields: Record<string, string> = {}) {
  return client.upload('/api/v1/imports', { kind, ...fields }, { filename, content });
}

/** Polls the job as the console does, until the runner has finished it. */
async function finished(client: TestClient, id: number) {
  for (;;) {
    const job = await client.get(`/api/v1/imports/${id}`);
    if (job.body.status === 'done' || job.body.status === 'failed') return job.body;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function workbookOf(payload: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(payload as unknown as ArrayBuffer);
  return workbook;
}

/** Every row of the first sheet as text cells. */
async function sheetRows(payload: Buffer): Promise<string[][]> {
  const sheet = (await workbookOf(payload)).worksheets[0]!;
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push(Array.from((row.values as unknown[]).slice(1), (value) => (value === null || value === undefined ? '' : String(value)))));
  return rows;
}

async function xlsxOf(headers: string[], rows: string[][]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('志愿者');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const volunteerHeaders = volunteerColumns.map((column) => column.header);
/** A volunteer row in template column order. */
function volunteerRow(values: { name?: string; idNumber?: string; phone?: string; site?: string; guardian?: [string, string, string] }) {
  const [guardianName, guardianPhone, guardianConsent] = values.guardian ?? ['', '', ''];
  return [values.name ?? '测试志愿者', values.idNumber ?? nextIdNumber(), values.phone ?? nextPhone(), values.site ?? STATION,
    '助学支教、医疗健身', '急救、书法', '周末', '是', '否', guardianName, guardianPhone, guardianConsent, '是'];
}

const countByIdNumber = async (idNumber: string) => (await server.ctx.db.selectFrom('volunteers')
  .select((eb) => eb.fn.countAll<number>().as('n')).where('id_hash', '=', server.ctx.pii.lookupHash('id', idNumber)).executeTakeFirstOrThrow()).n;

describe('templates', () => {
  it('are workbooks with the Chinese headers, an example row and the eight categories in the notes', async () => {
    for (const [kind, columns] of [['volunteers', volunteerColumns], ['organizations', organizationColumns]] as const) {
      const response = await raw(centerAdmin, { method: 'GET', url: `/api/v1/imports/templates/${kind}.xlsx` });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe(XLSX);
      const workbook = await workbookOf(response.rawPayload);
      const rows = await sheetRows(response.rawPayload);
      expect(rows[0]).toEqual(columns.map((column) => column.header));
      expect(rows).toHaveLength(2);
      const notes: string[] = [];
      workbook.getWorksheet('填写说明')!.eachRow((row) => notes.push(String(row.getCell(1).value ?? '')));
      for (const code of serviceCategories) expect(notes).toContain(categoryNames[code]);
    }
  });

  it('whose example row imports cleanly', async () => {
    const template = await raw(centerAdmin, { method: 'GET', url: '/api/v1/imports/templates/volunteers.xlsx' });
    const job = await upload(centerAdmin, 'volunteers', '模板.xlsx', template.rawPayload);
    expect(job.status).toBe(202);
    expect(await finished(centerAdmin, job.body.id)).toMatchObject({ status: 'done', total: 1, inserted: 1, failed: 0 });
  });
});

describe('importing volunteers', () => {
  const minor = nextIdNumber({ birthYear: new Date().getFullYear() - 12 });
  const good = [volunteerRow({ name: '王导入' }), volunteerRow({ name: '李导入' }), volunteerRow({ name: '小明', idNumber: minor, guardian: ['王父', nextPhone(), '是'] })];
  const badCheck = nextIdNumber();
  const bad = [
    volunteerRow({ idNumber: `${badCheck.slice(0, 17)}${badCheck[17] === '1' ? '2' : '1'}` }),
    volunteerRow({ name: '' }),
    volunteerRow({ name: '外县人' }),
    volunteerRow({ name: '小红', idNumber: nextIdNumber({ birthYear: new Date().getFullYear() - 15 }) }),
  ];
  let file: Buffer;
  let firstJob: any;

  beforeAll(async () => {
    bad[2]![3] = otherCountyVillage;
    // Good and bad rows interleaved: row 2 good, 3 bad check digit, 4 good, 5 no name, 6 other county, 7 good minor, 8 minor without guardian.
    file = await xlsxOf(volunteerHeaders, [good[0]!, bad[0]!, good[1]!, bad[1]!, bad[2]!, good[2]!, bad[3]!]);
  });

  it('inserts the good rows and reports each bad row with its row number and reason', async () => {
    const job = await upload(centerAdmin, 'volunteers', '志愿者名单.xlsx', file);
    expect(job.status).toBe(202);
    expect(job.body).toMatchObject({ kind: 'volunteers', format: 'xlsx', status: 'queued' });
    firstJob = await finished(centerAdmin, job.body.id);
    expect(firstJob).toMatchObject({ status: 'done', total: 7, processed: 7, inserted: 3, skipped: 0, failed: 4 });

    for (const row of good) expect(await countByIdNumber(row[1]!)).toBe(1);
    const stored = await server.ctx.db.selectFrom('volunteers').selectAll().where('id_hash', '=', server.ctx.pii.lookupHash('id', minor)).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ name: '小明', source: 'import', status: 'active', guardian_name: '王父', categories: ['education', 'medical_fitness'], party_member: true });
    expect(server.ctx.pii.decrypt(stored.id_enc)).toBe(minor);

    const report = await raw(centerAdmin, { method: 'GET', url: `/api/v1/imports/${firstJob.id}/errors.xlsx` });
    expect(report.statusCode).toBe(200);
    const rows = await sheetRows(report.rawPayload);
    expect(rows[0]).toEqual(['行号', ...volunteerHeaders, '错误原因']);
    const byRow = new Map(rows.slice(1).map((row) => [row[0], row.at(-1)]));
    expect([...byRow.keys()]).toEqual(['3', '5', '6', '8']);
    expect(byRow.get('3')).toBe('身份证号校验位不正确，请核对');
    expect(byRow.get('5')).toBe('缺少必填项 姓名');
    expect(byRow.get('6')).toMatch(/不在您的管辖范围内/);
    expect(byRow.get('8')).toMatch(/监护人/);
    // The original cells come back, so the row can be corrected in the report itself.
    expect(rows.find((row) => row[0] === '6')!.slice(1, 1 + volunteerHeaders.length)).toEqual(bad[2]);
    expect(await countByIdNumber(bad[2]![1]!)).toBe(0);
  });

  it('shows the report in full only to the uploader, auditing each such download; masked to others', async () => {
    const reportOf = async (client: TestClient) => sheetRows((await raw(client, { method: 'GET', url: `/api/v1/imports/${firstJob.id}/errors.xlsx` })).rawPayload);
    const audits = () => server.ctx.db.selectFrom('audit_log').selectAll().where('subject', '=', `import:${firstJob.id}`).where('action', '=', 'export').orderBy('id').execute();
    const before = (await audits()).length;
    const minorRow = bad[3]!; // a minor without a guardian: its row carries the phone
    const idColumn = volunteerHeaders.indexOf('身份证号') + 1;
    const phoneColumn = volunteerHeaders.indexOf('手机号') + 1;

    const full = await reportOf(centerAdmin);
    const fullRow = full.find((row) => row[0] === '8')!;
    expect([fullRow[idColumn], fullRow[phoneColumn]]).toEqual([minorRow[1], minorRow[2]]);
    const after = await audits();
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({ actor_id: firstJob.createdBy, region_code: firstJob.site.regionCode, reason: null });
    expect(after.at(-1)!.details).toEqual({ format: 'xlsx', report: 'errors', unmasked: true });
    expect(Date.now() - after.at(-1)!.at.getTime()).toBeLessThan(60_000);

    // The province admin may read it (center admin and above), masked: no number leaves, nothing to audit.
    const masked = await reportOf(provinceAdmin);
    expect(masked.map((row) => [row[0], row.at(-1)])).toEqual(full.map((row) => [row[0], row.at(-1)]));
    const text = masked.flat().join('\n');
    for (const row of bad) for (const number of [row[1]!, row[2]!]) if (number) expect(text).not.toContain(number);
    const maskedRow = masked.find((row) => row[0] === '8')!;
    expect(maskedRow[idColumn]).toBe(`${minorRow[1]!.slice(0, 4)}**********${minorRow[1]!.slice(14)}`);
    expect(maskedRow[phoneColumn]).toBe(`${minorRow[2]!.slice(0, 3)}****${minorRow[2]!.slice(7)}`);
    expect(maskedRow[1]).toBe(minorRow[0]); // the name stays, to find the row
    expect(await audits()).toHaveLength(before + 1);
  });

  it('adds nothing when the same file comes again: the good rows count as already present', async () => {
    const job = await upload(centerAdmin, 'volunteers', '志愿者名单.xlsx', file);
    const again = await finished(centerAdmin, job.body.id);
    expect(again).toMatchObject({ status: 'done', total: 7, inserted: 0, skipped: 3, failed: 4, sha256: firstJob.sha256 });
    for (const row of good) expect(await countByIdNumber(row[1]!)).toBe(1);
  });

  it('reads CSV too (UTF-8 with BOM, quoted cells) and audits the import', async () => {
    const rows = [volunteerRow({ name: '赵CSV' }), volunteerRow({ name: '钱CSV' })];
    rows[0]![5] = '急救,书法'; // a comma inside a quoted cell
    const csv = `\uFEFF${[volunteerHeaders, ...rows].map((row) => row.map((cell) => (/[",]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',')).join('\r\n')}\r\n`;
    const job = await upload(centerAdmin, 'volunteers', 'list.csv', csv);
    expect(job.body.format).toBe('csv');
    expect(await finished(centerAdmin, job.body.id)).toMatchObject({ status: 'done', inserted: 2, failed: 0 });
    const stored = await server.ctx.db.selectFrom('volunteers').select('skills').where('id_hash', '=', server.ctx.pii.lookupHash('id', rows[0]![1]!)).executeTakeFirstOrThrow();
    expect(stored.skills).toEqual(['急救', '书法']);
    const audit = await server.ctx.db.selectFrom('audit_log').selectAll().where('subject', '=', `import:${job.body.id}`).executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'import', region_code: '210321000000' });
    expect(audit.details).toMatchObject({ kind: 'volunteers', inserted: 2, failed: 0 });
  });

  it('takes a larger file in one batch (COPY on PostgreSQL) and a person listed twice once', async () => {
    const rows = Array.from({ length: 450 }, (_, i) => volunteerRow({ name: `批量${i}` }));
    rows.push([...rows[10]!]);
    const csv = [volunteerHeaders, ...rows].map((row) => row.join(',')).join('\n');
    const first = await finished(centerAdmin, (await upload(centerAdmin, 'volunteers', 'batch.csv', csv)).body.id);
    expect(first).toMatchObject({ status: 'done', total: 451, inserted: 450, skipped: 1, failed: 0 });
    const again = await finished(centerAdmin, (await upload(centerAdmin, 'volunteers', 'batch.csv', csv)).body.id);
    expect(again).toMatchObject({ status: 'done', inserted: 0, skipped: 451, failed: 0 });
    const stored = await server.ctx.db.selectFrom('volunteers').select(['volunteer_no', 'id_enc', 'name'])
      .where('id_hash', 'in', rows.map((row) => server.ctx.pii.lookupHash('id', row[1]!))).execute();
    expect(stored).toHaveLength(450);
    expect(new Set(stored.map((row) => row.volunteer_no)).size).toBe(450);
    const first10 = stored.find((row) => row.name === '批量10')!;
    expect(server.ctx.pii.decrypt(first10.id_enc)).toBe(rows[10]![1]);
  });

  it('refuses a child without the guardian’s consent and a minor in the emergency reserve, row by row', async () => {
    const thisYear = new Date().getFullYear();
    const child = volunteerRow({ name: '小雨', idNumber: nextIdNumber({ birthYear: thisYear - 10 }) });
    const reserveTeen = volunteerRow({ name: '小林', idNumber: nextIdNumber({ birthYear: thisYear - 16 }), guardian: ['林父', nextPhone(), '是'] });
    reserveTeen[volunteerHeaders.indexOf('应急志愿者储备')] = '是';
    const job = await finished(centerAdmin, (await upload(centerAdmin, 'volunteers', '未成年.xlsx', await xlsxOf(volunteerHeaders, [child, reserveTeen]))).body.id);
    expect(job).toMatchObject({ status: 'done', total: 2, inserted: 0, failed: 2 });
    const report = await raw(centerAdmin, { method: 'GET', url: `/api/v1/imports/${job.id}/errors.xlsx` });
    const byRow = new Map((await sheetRows(report.rawPayload)).slice(1).map((row) => [row[0], row.at(-1)]));
    expect(byRow.get('2')).toMatch(/监护人/);
    expect(byRow.get('3')).toBe('未满18周岁不能加入应急志愿者储备');
  });

  it('refuses a row without skills or without available time, naming the column, while the good rows go in', async () => {
    const noSkills = volunteerRow({ name: '缺技能' });
    noSkills[volunteerHeaders.indexOf('技能特长')] = '';
    const noTime = volunteerRow({ name: '缺时间' });
    noTime[volunteerHeaders.indexOf('可服务时间')] = ' 、 '; // only separators: nothing given
    const good = [volunteerRow({ name: '技能齐全' }), volunteerRow({ name: '时间齐全' })];
    const file = await xlsxOf(volunteerHeaders, [good[0]!, noSkills, noTime, good[1]!]);
    const job = await finished(centerAdmin, (await upload(centerAdmin, 'volunteers', '缺项.xlsx', file)).body.id);
    expect(job).toMatchObject({ status: 'done', total: 4, inserted: 2, skipped: 0, failed: 2 });
    const report = await raw(centerAdmin, { method: 'GET', url: `/api/v1/imports/${job.id}/errors.xlsx` });
    const byRow = new Map((await sheetRows(report.rawPayload)).slice(1).map((row) => [row[0], row.at(-1)]));
    expect([...byRow]).toEqual([['3', '缺少必填项 技能特长'], ['4', '缺少必填项 可服务时间']]);
    for (const row of good) expect(await countByIdNumber(row[1]!)).toBe(1);
    for (const row of [noSkills, noTime]) expect(await countByIdNumber(row[1]!)).toBe(0);

    // A file without the column at all is refused before any row is read.
    const withoutSkills = (row: string[]) => row.filter((_, i) => i !== volunteerHeaders.indexOf('技能特长'));
    const csv = [volunteerHeaders, volunteerRow({})].map((row) => withoutSkills(row).join(',')).join('\n');
    const headerless = await upload(centerAdmin, 'volunteers', '无技能列.csv', `${csv}\n`);
    expect(headerless.status).toBe(400);
    expect(headerless.body.error).toMatchObject({ code: 'IMPORT_HEADER_MISSING' });
    expect(headerless.body.error.message).toContain('技能特长');
  });

  it('refuses a text file renamed to .xlsx, and a file without the required columns', async () => {
    const fake = await upload(centerAdmin, 'volunteers', '名单.xlsx', '姓名,身份证号\n张三,210321199006150029\n');
    expect(fake.status).toBe(415);
    expect(fake.body.error.code).toBe('IMPORT_FILE_TYPE');
    const headerless = await upload(centerAdmin, 'volunteers', '名单.csv', '姓名,电话\n张三,13800000000\n');
    expect(headerless.status).toBe(400);
    expect(headerless.body.error).toMatchObject({ code: 'IMPORT_HEADER_MISSING' });
    expect(headerless.body.error.message).toContain('身份证号');
    const jobs = await centerAdmin.get('/api/v1/imports?limit=200');
    expect(jobs.body.items.some((job: { filename: string }) => job.filename === '名单.xlsx')).toBe(false);
  });

  it('resumes a job interrupted after one batch without doubling anyone', async () => {
    await runnerFor(server.ctx)!.stop();
    const rows = Array.from({ length: 5 }, (_, i) => volunteerRow({ name: `续传${i}` }));
    const job = await upload(centerAdmin, 'volunteers', '续传.xlsx', await xlsxOf(volunteerHeaders, rows));
    // A worker takes the job, commits one batch of two rows, and dies (no release).
    const claimed = (await claimImportJob(server.ctx, 'worker-that-dies'))!;
    expect(claimed.id).toBe(job.body.id);
    const partial = await runImportJob(server.ctx, 'worker-that-dies', claimed, { batchSize: 2, maxBatches: 1 });
    expect(partial).toMatchObject({ status: 'running', processed: 2, inserted: 2 });
    expect(await countByIdNumber(rows[0]![1]!) + await countByIdNumber(rows[2]![1]!)).toBe(1);

    // As if its claim ran out: a restarted server's runner picks the job up.
    await server.ctx.db.updateTable('import_jobs').set({ lease_until: sql<Date>`now() - interval '1 second'` }).where('id', '=', job.body.id).execute();
    startImportRunner(server.ctx, { pollMs: 20 });
    expect(await finished(centerAdmin, job.body.id)).toMatchObject({ status: 'done', total: 5, processed: 5, inserted: 5, skipped: 0, failed: 0 });
    for (const row of rows) expect(await countByIdNumber(row[1]!)).toBe(1);
  });
});

describe('importing organizations', () => {
  it('creates them through the same rules, and skips a name already on the site', async () => {
    const headers = organizationColumns.map((column) => column.header);
    const rows = [
      ['庆南社区导入服务队', '扶危帮困', STATION, '社会组织', '', '刘队长', nextPhone(), ''],
      ['庆南社区非遗传承队', '非遗传承', STATION, '', '', '', '', ''],
      ['', '扶危帮困', STATION, '', '', '', '', ''],
      ['外县的队', '法律服务', otherCountyVillage, '', '', '', '', ''],
    ];
    const file = await xlsxOf(headers, rows);
    const first = await finished(centerAdmin, (await upload(centerAdmin, 'organizations', '组织.xlsx', file)).body.id);
    expect(first).toMatchObject({ status: 'done', total: 4, inserted: 2, skipped: 0, failed: 2 });
    const created = await server.ctx.db.selectFrom('organizations').selectAll().where('name', 'in', ['庆南社区导入服务队', '庆南社区非遗传承队']).orderBy('id').execute();
    expect(created.map((org) => [org.category, org.custom_category, org.source, org.status])).toEqual([
      ['assistance', null, 'import', 'approved'], ['custom', '非遗传承', 'import', 'approved'],
    ]);
    const again = await finished(centerAdmin, (await upload(centerAdmin, 'organizations', '组织.xlsx', file)).body.id);
    expect(again).toMatchObject({ inserted: 0, skipped: 2, failed: 2 });
    const report = await sheetRows((await raw(centerAdmin, { method: 'GET', url: `/api/v1/imports/${again.id}/errors.xlsx` })).rawPayload);
    expect(report.slice(1).map((row) => [row[0], row.at(-1)])).toEqual([
      ['4', '缺少必填项 组织名称'], ['5', expect.stringMatching(/不在您的管辖范围内/)],
    ]);
  });
});

describe('exports', () => {
  /** The full ID and phone numbers of every volunteer in a county, from the database. */
  async function fullNumbers(prefix: string) {
    const rows = await server.ctx.db.selectFrom('volunteers').select(['id_enc', 'phone_enc'])
      .where('region_code', '>=', prefix.padEnd(12, '0')).where('region_code', '<', `${Number(prefix) + 1}`.padEnd(12, '0')).execute();
    return rows.flatMap((row) => [server.ctx.pii.decrypt(row.id_enc), server.ctx.pii.decrypt(row.phone_enc)]);
  }

  it('are masked by default and audited with the filters and the row count', async () => {
    const response = await raw(centerAdmin, { method: 'GET', url: '/api/v1/volunteers/export.xlsx?under=210321' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(XLSX);
    const rows = await sheetRows(response.rawPayload);
    const numbers = await fullNumbers('210321');
    expect(rows.length - 1).toBe(numbers.length / 2);
    expect(rows.length).toBeGreaterThan(10);
    const text = rows.flat().join('\n');
    for (const number of numbers) expect(text).not.toContain(number);
    expect(rows[1]![4]).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(rows[1]![5]).toMatch(/^1\d{2}\*{4}\d{4}$/);
    const audit = await server.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'export').where('subject', '=', 'volunteers').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ unmasked: false, rows: rows.length - 1, filters: { under: '210321' } });

    const orgs = await raw(centerAdmin, { method: 'GET', url: '/api/v1/organizations/export.xlsx' });
    const orgRows = await sheetRows(orgs.rawPayload);
    expect(orgRows[0]![0]).toBe('组织名称');
    expect(orgRows.slice(1).every((row) => row[3]!.startsWith('210321'))).toBe(true);
  });

  it('shows full numbers only to a city admin or above who gives a reason, and audits it', async () => {
    const refused = await raw(centerAdmin, { method: 'GET', url: `/api/v1/volunteers/export.xlsx?unmasked=true&reason=${encodeURIComponent('核对身份')}` });
    expect(refused.statusCode).toBe(403);
    const noReason = await raw(provinceAdmin, { method: 'GET', url: '/api/v1/volunteers/export.xlsx?unmasked=true&under=210321' });
    expect(noReason.statusCode).toBe(400);

    const reason = '向民政部门报送志愿者保险名单';
    const response = await raw(provinceAdmin, { method: 'GET', url: `/api/v1/volunteers/export.xlsx?unmasked=true&under=210321&reason=${encodeURIComponent(reason)}` });
    expect(response.statusCode).toBe(200);
    const rows = await sheetRows(response.rawPayload);
    const cells = new Set(rows.flat());
    const numbers = await fullNumbers('210321');
    for (const number of numbers) expect(cells.has(number)).toBe(true);
    const audit = await server.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'export').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ reason, subject: 'volunteers' });
    expect(audit.details).toMatchObject({ unmasked: true, rows: numbers.length / 2 });
  });
});
