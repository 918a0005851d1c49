// The console's volunteer work in Chromium against a real server and the seeded demo
// county: review of registrations, an audited reveal, entering a volunteer with the ID
// number checked as typed, the import wizard, and a masked export.
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { startImportRunner } from '../server/src/modules/imports/runner.ts';
import { idCheckCharacter } from '../web/src/shared/idNumber.ts';
import { choose, row, signedIn, useBrowserRun, type BrowserRun } from './browser.ts';

const CENTER_ADMIN = '13800000001';
const INSTITUTE_ADMIN = '13800000002';
const STATION_ADMIN = '13800000003';
const VOLUNTEER = '13800000005';

const browserRun = useBrowserRun();
let run: BrowserRun;
beforeAll(() => {
  run = browserRun();
  startImportRunner(run.server.ctx, { pollMs: 50 });
});

/** A valid ID number (GB 11643) of someone born in 1990, unique to this run. */
let idCounter = Date.now() % 400;
function validIdNumber(): string {
  idCounter += 2;
  const first17 = `210321199003${String(1 + (idCounter % 28)).padStart(2, '0')}${String(idCounter % 1000).padStart(3, '0')}`;
  return first17 + idCheckCharacter(first17);
}

async function workbookOf(path: string) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(fs.readFileSync(path) as unknown as ArrayBuffer);
  return book;
}

describe('console volunteers', () => {
  it('lets a station admin approve a pending registration from the pending tab, and shows her active', async () => {
    const { page, problems } = await signedIn(run, '/volunteers', STATION_ADMIN);
    const pendingTab = page.getByRole('tab', { name: /待审核/ });
    await expect.poll(() => pendingTab.textContent()).toBe('待审核2');
    await pendingTab.click();
    await expect.poll(() => page.getByRole('row').count()).toBe(3); // the header and the two waiting
    await row(page, '孙丽华').getByRole('button', { name: '通过' }).click();
    await page.getByText('已通过 孙丽华').waitFor();
    await row(page, '孙丽华').getByText('正常').waitFor();
    await expect.poll(() => pendingTab.textContent()).toBe('待审核1');

    // A rejection needs a reason, which the applicant will read.
    await row(page, '钱永刚').getByRole('button', { name: '驳回' }).click();
    const dialog = page.getByRole('dialog', { name: '驳回「钱永刚」？' });
    await dialog.getByRole('button', { name: '驳回' }).click();
    await dialog.getByText('请填写此项').waitFor();
    await dialog.getByLabel('驳回原因（申请人会看到）').fill('身份信息与本人不符，请到站点核实');
    await dialog.getByRole('button', { name: '驳回' }).click();
    await row(page, '钱永刚').getByText('已驳回').waitFor();
    await expect.poll(() => pendingTab.textContent()).toBe('待审核');

    // In the full list she is an active volunteer now.
    await page.getByRole('tab', { name: '全部志愿者' }).click();
    await page.getByLabel('姓名或拼音首字母').fill('slh'); // pinyin initials of 孙丽华
    await expect.poll(() => page.getByRole('row').count()).toBe(2); // the header and her
    await row(page, '孙丽华').getByText('正常').waitFor();
    expect(problems).toEqual([]);
  });

  it('shows a center admin the full phone number once, for a stated reason, and audits it', async () => {
    const { page, problems } = await signedIn(run, '/volunteers', CENTER_ADMIN);
    await page.getByLabel('姓名或拼音首字母').fill('陈志愿');
    await row(page, '138****0005').getByRole('button', { name: '陈志愿' }).click();
    const drawer = page.getByRole('dialog', { name: '陈志愿' });
    await drawer.getByText('138****0005').waitFor();
    await drawer.getByRole('button', { name: '查看完整号码' }).click();
    const ask = page.getByRole('dialog', { name: '查看完整号码' });
    await ask.getByLabel('查看原因').fill('联系本人核实报名信息');
    await ask.getByRole('button', { name: '查看' }).click();
    await drawer.getByText('13800000005', { exact: true }).waitFor();
    await drawer.getByText('已记录查看原因，关闭后不再显示').waitFor();
    // A center admin may see the ID number too.
    await drawer.getByRole('button', { name: '查看完整身份证号' }).waitFor();

    const audit = await run.server.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'reveal').execute();
    expect(audit).toEqual([expect.objectContaining({ reason: '联系本人核实报名信息', details: { fields: ['phone'] } })]);
    expect(audit[0]!.subject).toMatch(/^volunteer:\d+$/);

    // Closed and opened again, the number is masked again.
    await drawer.getByRole('button', { name: '关闭' }).click();
    await row(page, '138****0005').getByRole('button', { name: '详情' }).click();
    await page.getByRole('dialog', { name: '陈志愿' }).getByText('138****0005').waitFor();
    expect(await page.getByText('13800000005', { exact: true }).count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('checks the ID number as it is typed, enters the volunteer, and shows the server’s word on a duplicate', async () => {
    const { page, problems } = await signedIn(run, '/volunteers', CENTER_ADMIN);
    const idNumber = validIdNumber();
    const wrongCheck = idNumber.slice(0, 17) + (idNumber[17] === '0' ? '1' : '0');

    async function fill(form: ReturnType<Page['getByRole']>, id: string) {
      await form.getByLabel('姓名').fill('周晓燕');
      await form.getByLabel('身份证号').fill(id);
      await form.getByLabel('手机号').fill('13912345678');
      await choose(page, form.getByLabel('所属阵地'), '庆南社区新时代文明实践站', { typed: '庆南社区', exact: true });
      await form.getByLabel('技能特长').fill('急救');
      await form.getByLabel('技能特长').press('Enter');
      await form.getByText('周末', { exact: true }).click();
      await form.getByText('本人已书面同意登记和使用以上个人信息').click();
    }

    await page.getByRole('button', { name: '登记志愿者' }).click();
    let form = page.getByRole('dialog', { name: '登记志愿者' });
    await form.getByLabel('身份证号').fill(wrongCheck);
    await form.getByText('身份证号校验位不正确，请核对').waitFor();
    await form.getByLabel('身份证号').fill('21032119901345001X');
    await form.getByText('身份证号中的出生日期无效').waitFor();
    await fill(form, idNumber);
    await form.getByText(/^出生日期 1990-03-\d\d · 男|女/).waitFor();
    await form.getByRole('button', { name: '登记', exact: true }).click();

    const drawer = page.getByRole('dialog', { name: '周晓燕' });
    await drawer.getByText('工作人员登记').waitFor();
    await drawer.getByText('139****5678').waitFor();
    await drawer.getByRole('button', { name: '关闭' }).click();

    // The same ID number again: the server says who has it, under the field.
    await page.getByRole('button', { name: '登记志愿者' }).click();
    form = page.getByRole('dialog', { name: '登记志愿者' });
    await fill(form, idNumber);
    await form.getByRole('button', { name: '登记', exact: true }).click();
    await form.locator('.ant-form-item-explain-error').filter({ hasText: /^该身份证号已登记为志愿者 \d+（周\*+，庆南社区新时代文明实践站）$/ }).waitFor();
    expect(problems).toEqual([]);
  });

  it('imports a spreadsheet with a good row and a bad one, and offers the error report', async () => {
    const { page, problems } = await signedIn(run, '/imports', CENTER_ADMIN);
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('志愿者');
    // No region code column: the rows go to the site chosen on the page.
    sheet.addRow(['姓名', '身份证号', '手机号', '技能特长', '可服务时间', '本人同意']);
    sheet.addRow(['吴晓东', validIdNumber(), '13912340001', '摄影', '周末', '是']);
    sheet.addRow(['郑小红', '530102192005080119', '13912340002', '书法', '节假日', '是']);
    const file = { name: '志愿者导入.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await book.xlsx.writeBuffer()) };

    const template = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载志愿者导入模板' }).click();
    expect((await template).suggestedFilename()).toBe('志愿者导入模板.xlsx');

    await choose(page, page.getByLabel('导入到'), '庆南社区新时代文明实践站', { typed: '庆南社区', exact: true });
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByText('志愿者：志愿者导入.xlsx · 已完成').waitFor();
    const count = (title: string) => page.locator('.ant-statistic').filter({ hasText: title }).locator('.ant-statistic-content').textContent();
    expect(await count('总行数')).toBe('2');
    expect(await count('成功导入')).toBe('1');
    expect(await count('已存在跳过')).toBe('0');
    expect(await count('失败')).toBe('1');
    await page.getByText(/^导入完成：成功 1 行，已存在跳过 0 行，1 行失败/).waitFor();

    const report = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载错误报告' }).click();
    const errors = await workbookOf(await (await report).path());
    const text = JSON.stringify(errors.worksheets[0]!.getSheetValues());
    expect(text).toContain('郑小红');
    expect(text).toContain('身份证号校验位不正确');
    expect(text).not.toContain('吴晓东');

    // The history lists the job; the new volunteer is in the list.
    await row(page, '志愿者导入.xlsx').getByText('成功 1 · 跳过 0 · 失败 1').waitFor();
    await page.goto(`${run.baseUrl}/volunteers`);
    await page.getByLabel('姓名或拼音首字母').fill('吴晓东');
    await row(page, '吴晓东').getByText('庆南社区新时代文明实践站').waitFor();
    await row(page, '吴晓东').getByText('正常').waitFor();
    expect(problems).toEqual([]);
  });

  it('has the level above approve a new team, and the station admin let a volunteer in and make them leader', async () => {
    const station = await signedIn(run, '/organizations', STATION_ADMIN);
    const page = station.page;
    await page.getByRole('button', { name: '新建组织' }).click();
    const form = page.getByRole('dialog', { name: '新建组织' });
    await form.getByLabel('组织名称').fill('庆南社区夕阳红志愿服务队');
    await choose(page, form.getByLabel('服务类别'), '扶危帮困', { exact: true });
    await choose(page, form.getByLabel('所在阵地'), '庆南社区新时代文明实践站', { typed: '庆南社区', exact: true });
    await form.getByLabel('联系人').fill('王淑芬');
    await form.getByRole('button', { name: '创建' }).click();

    // The station's own team waits for the institute; the station admin cannot approve it.
    let drawer = page.getByRole('dialog', { name: '庆南社区夕阳红志愿服务队' });
    await drawer.getByText('此组织等待上一级阵地审核').waitFor();
    await drawer.getByRole('button', { name: '通过' }).click();
    await page.getByText('须由上一级阵地审核').waitFor();
    await drawer.getByText('待审核').first().waitFor();

    const institute = await signedIn(run, '/organizations?tab=pending', INSTITUTE_ADMIN);
    const pendingTab = institute.page.getByRole('tab', { name: /待审核/ });
    await expect.poll(() => pendingTab.textContent()).toBe('待审核1');
    await row(institute.page, '庆南社区夕阳红志愿服务队').getByRole('button', { name: '通过' }).click();
    await row(institute.page, '庆南社区夕阳红志愿服务队').getByText('已通过').waitFor();
    await expect.poll(() => pendingTab.textContent()).toBe('待审核');

    // A volunteer asks to join on the phone; the station admin lets them in.
    const orgId = (await run.server.ctx.db.selectFrom('organizations').select('id').where('name', '=', '庆南社区夕阳红志愿服务队').executeTakeFirstOrThrow()).id;
    const phone = await run.server.signIn(VOLUNTEER);
    expect((await phone.post(`/api/v1/organizations/${orgId}/join`, undefined, { 'idempotency-key': 'e2e-join-1' })).status).toBe(201);
    await page.reload();
    drawer = page.getByRole('dialog', { name: '庆南社区夕阳红志愿服务队' });
    await drawer.getByText('入队申请1').click();
    await row(page, '陈志愿').getByRole('button', { name: '同意' }).click();
    await page.getByText('已同意 陈志愿 加入').waitFor();
    await row(page, '陈志愿').getByText('成员', { exact: true }).waitFor();
    await drawer.getByText('1 人', { exact: true }).waitFor(); // the member count follows
    await row(page, '陈志愿').getByRole('button', { name: '设为队长' }).click();
    await page.getByText('陈志愿 已任队长').waitFor();
    await row(page, '陈志愿').locator('.ant-tag').filter({ hasText: /^队长$/ }).waitFor();
    await expect.poll(() => row(page, '陈志愿').getByRole('button', { name: '设为队长' }).count()).toBe(0);
    await drawer.locator('.ant-descriptions-row').filter({ hasText: /^队长陈志愿$/ }).waitFor();
    expect([...station.problems, ...institute.problems]).toEqual([]);
  });

  it('narrows the organizations to one area with the site picker the volunteer list uses', async () => {
    const westSuburb = (await run.server.ctx.db.selectFrom('sites').select('id').where('region_code', '=', '210321001022').where('kind', '=', 'station').executeTakeFirstOrThrow()).id;
    const admin = await run.server.signIn(CENTER_ADMIN);
    expect((await admin.post('/api/v1/organizations', { name: '西郊社区读书会志愿服务队', category: 'culture_arts', siteId: westSuburb })).status).toBe(201);
    const { page, problems } = await signedIn(run, '/organizations', CENTER_ADMIN);
    await row(page, '西郊社区读书会志愿服务队').waitFor();
    await choose(page, page.getByLabel('所在地区（阵地）'), '庆南社区新时代文明实践站', { typed: '庆南社区', exact: true });
    await expect.poll(() => row(page, '西郊社区读书会志愿服务队').count()).toBe(0);
    await row(page, '庆南社区邻里守望志愿服务队').waitFor();
    const sites = await page.locator('.ant-table-tbody tr.ant-table-row td:nth-child(3)').allTextContents();
    expect(sites.length).toBeGreaterThan(0);
    expect(new Set(sites)).toEqual(new Set(['庆南社区新时代文明实践站']));
    expect(problems).toEqual([]);
  });

  it('exports the filtered list as an .xlsx with masked numbers', async () => {
    const { page, problems } = await signedIn(run, '/volunteers', CENTER_ADMIN);
    await choose(page, page.getByLabel('全部服务类别'), '法律服务', { exact: true });
    await expect.poll(() => page.getByRole('row').count()).toBeLessThan(10);
    const shown = (await page.getByRole('row').count()) - 1;
    expect(shown).toBeGreaterThan(0);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 Excel' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    const sheet = (await workbookOf(await file.path())).worksheets[0]!;
    const rows = (sheet.getSheetValues() as unknown[][]).filter(Boolean).map((cells) => cells.map((cell) => String(cell ?? '')));
    expect(rows.length - 1).toBe(shown); // the header, then one row a volunteer
    const cells = rows.slice(1).flat();
    expect(cells.some((cell) => /^1\d{2}\*{4}\d{4}$/.test(cell))).toBe(true); // masked phones
    expect(cells.some((cell) => /^\d{4}\*{10}[\dX]{4}$/.test(cell))).toBe(true); // masked ID numbers
    expect(cells.filter((cell) => /^1\d{10}$/.test(cell) || /^\d{17}[\dX]$/.test(cell))).toEqual([]); // no full numbers
    // A center admin is offered no unmasked export (city admins and above).
    expect(await page.getByRole('button', { name: '更多导出方式' }).count()).toBe(0);
    expect(problems).toEqual([]);
  });
});
