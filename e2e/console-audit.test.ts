// The console's audit log in Chromium: a center admin finds the entry of a permission
// change made here by filtering on its action; a station admin has no such page; the
// province admin verifies the hash chain.
import { beforeAll, describe, expect, it } from 'vitest';
import { nextPhone } from '../server/src/seed/factories.ts';
import { choose, row, signedIn, useBrowserRun, type BrowserRun } from './browser.ts';

const PROVINCE_ADMIN = '13800000000';
const CENTER_ADMIN = '13800000001';
const STATION_ADMIN = '13800000003';

const browserRun = useBrowserRun();
let run: BrowserRun;
beforeAll(() => {
  run = browserRun();
});

describe('console audit log', () => {
  it('shows a center admin the entry of a staff account created in this test, filtered by action', async () => {
    const station = await run.server.ctx.db.selectFrom('sites').select('id').where('region_code', '=', '210321001021').where('kind', '=', 'station').executeTakeFirstOrThrow();
    const center = await run.server.signIn(CENTER_ADMIN);
    const created = await center.post('/api/v1/staff', { name: '审计测试站长', phone: nextPhone(), role: 'station_admin', siteId: station.id });
    expect(created.status).toBe(201);
    const subject = `user:${created.body.staff.id as number}`;

    const { page, problems } = await signedIn(run, '/network', CENTER_ADMIN);
    await page.getByRole('menuitem', { name: '审计日志' }).click();
    await row(page, '登录').first().waitFor(); // the sign-in just made
    await choose(page, page.getByRole('combobox', { name: '操作类型' }), '创建工作人员');
    const entry = row(page, subject);
    await entry.waitFor();
    await expect.poll(() => entry.textContent()).toContain('创建工作人员');
    // Only creations are left: no sign-in rows.
    await expect.poll(() => row(page, '登录').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('has no audit log for a station admin', async () => {
    const { page } = await signedIn(run, '/network', STATION_ADMIN);
    expect(await page.getByRole('menuitem', { name: '审计日志' }).count()).toBe(0);
  });

  it('lets the province admin verify the chain', async () => {
    const { page, problems } = await signedIn(run, '/audit', PROVINCE_ADMIN);
    await page.getByRole('button', { name: '校验完整性' }).click();
    await page.getByText(/校验通过：\d+ 条记录，哈希链完整/).waitFor();
    expect(problems).toEqual([]);
  });
});
