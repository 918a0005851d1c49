// The statistics in Chromium against a real server and the seeded demo county: the big
// screen drilled from the province down to the demo station's community with every
// level's figures checked against the API, the dashboard's drill-down and Excel export,
// and the printable monthly report.
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../test/harness.ts';
import { foldStatsEvents } from '../server/src/modules/stats/service.ts';
import { formatExact, formatNumber, monthPeriod } from '../web/src/admin/pages/stats/statsFormat.ts';
import { row, signedIn, useBrowserRun, type BrowserRun } from './browser.ts';

const PROVINCE_ADMIN = '13800000000';
const PROVINCE = '210000000000';
const ANSHAN = '210300000000';
const COUNTY = '210321000000'; // 台安县
const TOWNSHIP = '210321001000'; // 八角台街道
const VILLAGE = '210321001021'; // 庆南社区, the demo station's community

interface Summary {
  region: { code: string; name: string };
  volunteers: { registered: number; active: number };
  organizations: { total: number };
  service: { hours: number };
  activities: { held: number };
}
interface Ranked { code: string; name: string; value: number }

const browserRun = useBrowserRun();
let run: BrowserRun;
let api: TestClient;
beforeAll(async () => {
  run = browserRun();
  await foldStatsEvents(run.server.ctx); // the seed's writes, counted
  api = await run.server.signIn(PROVINCE_ADMIN);
});

async function summaryOf(region: string, query = ''): Promise<Summary> {
  const res = await api.get<Summary>(`/api/v1/stats/summary?region=${region}${query}`);
  expect(res.status).toBe(200);
  return res.body;
}

async function rankingOf(region: string, metric: string, query = ''): Promise<Ranked[]> {
  const res = await api.get<{ items: Ranked[] }>(`/api/v1/stats/breakdown?region=${region}&metric=${metric}${query}`);
  expect(res.status).toBe(200);
  return res.body.items;
}

/** The number shown under a headline figure's label. */
const figure = (page: Page, label: string) => page.getByRole('group', { name: label, exact: true }).locator('[data-figure]');

async function expectFigures(page: Page, s: Summary) {
  await expect.poll(() => figure(page, '注册志愿者').textContent()).toBe(formatNumber(s.volunteers.registered, 'zh'));
  expect(await figure(page, '活跃志愿者').textContent()).toBe(formatNumber(s.volunteers.active, 'zh'));
  expect(await figure(page, '志愿服务组织').textContent()).toBe(formatNumber(s.organizations.total, 'zh'));
  expect(await figure(page, '服务时长（小时）').textContent()).toBe(formatNumber(s.service.hours, 'zh'));
  expect(await figure(page, '开展活动').textContent()).toBe(formatNumber(s.activities.held, 'zh'));
}

describe('statistics', () => {
  it('shows the province on the big screen and drills down to the demo station’s community, every level answering', async () => {
    const { page, problems } = await signedIn(run, '/stats', PROVINCE_ADMIN);
    await page.getByRole('heading', { name: '数据统计 · 辽宁省' }).waitFor(); // my own area by default
    await page.getByRole('button', { name: '大屏' }).click();
    await page.waitForURL(`**/stats/screen?region=${PROVINCE}`);
    // The URL changes before the console gives way to the (lazily loaded) screen: count once the screen is up.
    await expect.poll(() => page.getByRole('timer', { name: '北京时间' }).textContent()).toMatch(/^\d{2}:\d{2}:\d{2}\d{4}-\d{2}-\d{2} · 北京时间$/);
    expect(await page.getByRole('menuitem').count()).toBe(0); // no console around it

    const ranking = page.getByRole('region', { name: '各地注册志愿者' });
    const path: [string, string][] = [[PROVINCE, '辽宁省'], [ANSHAN, '鞍山市'], [COUNTY, '台安县'], [TOWNSHIP, '八角台街道'], [VILLAGE, '庆南社区']];
    for (const [i, [code, name]] of path.entries()) {
      if (i > 0) {
        await ranking.getByRole('button').filter({ hasText: name }).click();
        await page.waitForURL(`**/stats/screen?region=${code}`);
      }
      const s = await summaryOf(code);
      expect(s.region.name.startsWith(name)).toBe(true); // villages keep their 居委会 / 村委会
      await page.getByRole('heading', { name: `${s.region.name}新时代文明实践志愿服务` }).waitFor();
      await expectFigures(page, s);
      if (code === COUNTY) expect(s.volunteers.registered).toBeGreaterThan(0); // real figures, not zeros
      if (code === VILLAGE) {
        await ranking.getByText('已是最末一级（村、社区），没有下级区域').waitFor();
      } else {
        // The ranking beside: each child region with its volunteers, as the API ranks them.
        const children = await rankingOf(code, 'volunteers');
        const next = path[i + 1]![1];
        const child = children.find((c) => c.name.startsWith(next))!;
        expect(child).toBeDefined();
        await expect.poll(() => ranking.getByRole('button').filter({ hasText: next }).textContent())
          .toBe(`${children.indexOf(child) + 1}${child.name}${formatNumber(child.value, 'zh')}`);
      }
    }
    // The breadcrumb goes back up.
    const crumbs = page.getByRole('navigation', { name: '当前区域' });
    expect((await crumbs.textContent())?.replace(/\s/g, '')).toMatch(/^辽宁省\/鞍山市\/台安县\/八角台街道\/庆南社区/);
    await crumbs.getByRole('button', { name: '台安县' }).click();
    await page.waitForURL(`**/stats/screen?region=${COUNTY}`);
    await expectFigures(page, await summaryOf(COUNTY));
    expect(problems).toEqual([]);
  });

  it('drills down on the dashboard and exports the view as a workbook', async () => {
    const { page, problems } = await signedIn(run, `/stats?region=${COUNTY}`, PROVINCE_ADMIN);
    await page.getByRole('menuitem', { name: '数据统计' }).waitFor();
    await page.getByRole('heading', { name: '数据统计 · 台安县' }).waitFor();
    const county = await summaryOf(COUNTY);
    await expectFigures(page, county);

    // The ranking table: the county's townships by registered volunteers.
    const townships = await rankingOf(COUNTY, 'volunteers');
    const top = townships[0]!;
    await expect.poll(() => row(page, top.name).locator('td').allTextContents()).toEqual(['1', top.name, formatExact(top.value, 'zh')]);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 Excel' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^统计-台安县-\d{4}-01-01\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await file.path())!);
    const head = Object.fromEntries((book.getWorksheet('概况')!.getSheetValues() as unknown[][]).filter(Boolean).map((cells) => [String(cells[1]), cells[2]]));
    expect(head['地区']).toBe('台安县');
    expect(head['注册志愿者']).toBe(county.volunteers.registered);
    const sheet = book.getWorksheet('下级地区')!;
    const names = (sheet.getSheetValues() as unknown[][]).filter(Boolean).slice(1).map((cells) => String(cells[1]));
    expect(names.sort()).toEqual(townships.map((t) => t.name).sort());

    // Down one level from the table; the region is in the address, so the view can be shared.
    await row(page, '八角台街道').getByRole('button', { name: '八角台街道' }).click();
    await page.waitForURL(`**/stats?region=${TOWNSHIP}`);
    await page.getByRole('heading', { name: '数据统计 · 八角台街道' }).waitFor();
    await expectFigures(page, await summaryOf(TOWNSHIP));
    await row(page, '庆南社区').waitFor();

    // This month: the period goes into the figures asked for.
    await page.getByText('本月', { exact: true }).click();
    await page.waitForURL(/period=month/);
    const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    await page.getByText(`${month}-01 至`).waitFor();
    expect(problems).toEqual([]);
  });

  it('renders the monthly report of a county as one printable page', async () => {
    const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    const { page, problems } = await signedIn(run, `/stats?region=${COUNTY}`, PROVINCE_ADMIN);
    await page.getByRole('heading', { name: '数据统计 · 台安县' }).waitFor();
    await page.getByRole('button', { name: '月报' }).click();
    await page.waitForURL(`**/stats/report?region=${COUNTY}&month=${month}`);
    await page.getByRole('heading', { name: '台安县新时代文明实践志愿服务月报' }).waitFor();
    expect(await page.getByRole('menuitem').count()).toBe(0);

    const { from, to } = monthPeriod(month);
    const period = `&from=${from}&to=${to}`;
    const s = await summaryOf(COUNTY, period);
    const headline = page.getByRole('table', { name: '主要指标' });
    await expect.poll(() => headline.getByRole('row').filter({ hasText: '注册志愿者' }).locator('td').textContent()).toBe(formatNumber(s.volunteers.registered, 'zh'));
    expect(await headline.getByRole('row').filter({ hasText: '服务时长（小时）' }).locator('td').textContent()).toBe(formatNumber(s.service.hours, 'zh'));

    // One row a township: its volunteers and this month's service hours.
    const [volunteers, hours] = await Promise.all([rankingOf(COUNTY, 'volunteers', period), rankingOf(COUNTY, 'service_hours', period)]);
    const children = page.getByRole('table', { name: '下级区域情况' });
    expect(await children.locator('tbody tr').count()).toBe(volunteers.length);
    const cells = await children.getByRole('row').filter({ hasText: '八角台街道' }).locator('td').allTextContents();
    expect(cells[0]).toBe(formatExact(volunteers.find((v) => v.code === TOWNSHIP)!.value, 'zh'));
    expect(cells[3]).toBe(formatExact(hours.find((v) => v.code === TOWNSHIP)!.value, 'zh'));

    // 打印 prints the page; on paper the tools are gone.
    await page.evaluate("window.print = () => document.body.setAttribute('data-printed', 'yes')");
    await page.getByRole('button', { name: '打印' }).click();
    expect(await page.locator('body').getAttribute('data-printed')).toBe('yes');
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: '打印' }).isVisible()).toBe(false);
    expect(await page.getByRole('heading', { name: '台安县新时代文明实践志愿服务月报' }).isVisible()).toBe(true);
    expect(problems).toEqual([]);
  });
});
