// 我的数据 on the phone: download a copy of my data (my own numbers in full), then close my
// account: a wrong password is refused in place, the right one signs me out for good.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildUser, buildVolunteer, nextIdNumber } from '../server/src/seed/factories.ts';
import { PASSWORD, phoneAs, useBrowserRun } from './browser.ts';

const run = useBrowserRun();

describe('my data on the phone', () => {
  it('downloads my data, then closes my account', async () => {
    const ctx = run().server.ctx;
    const station = (await ctx.db.selectFrom('sites').select('id').where('region_code', '=', '210321001021').where('kind', '=', 'station').executeTakeFirstOrThrow()).id;
    const account = await buildUser(ctx, { siteId: station, role: 'volunteer', name: '钱多多', password: PASSWORD });
    const idNumber = nextIdNumber();
    await buildVolunteer(ctx, { siteId: station, userId: account.userId, phone: account.phone, idNumber, name: '钱多多' });

    const { page, problems } = await phoneAs(run(), '/me', account.phone);
    await page.getByText('导出我的数据 / 注销账号').click();
    await page.getByRole('heading', { name: '导出我的数据' }).waitFor();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载我的数据' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('lianxin-my-data.json');
    const data = JSON.parse(fs.readFileSync((await file.path())!, 'utf8'));
    expect(data.account).toMatchObject({ name: '钱多多', phone: account.phone });
    expect(data.volunteer).toMatchObject({ idNumber, phone: account.phone });
    await page.getByText('已下载：lianxin-my-data.json').waitFor();

    const dialog = page.locator('.adm-dialog');
    await page.getByLabel('当前密码').fill('Wrong2026pass');
    await page.getByRole('button', { name: '注销账号' }).click();
    await page.getByText('请先勾选确认').waitFor(); // nothing sent before the box is ticked
    await page.getByText('我已了解注销的后果，确认注销').click();
    await page.getByRole('button', { name: '注销账号' }).click();
    await dialog.getByRole('button', { name: '注销账号' }).click();
    await page.getByText('原密码不正确').waitFor();

    await page.getByLabel('当前密码').fill(PASSWORD);
    await page.getByRole('button', { name: '注销账号' }).first().click();
    await dialog.getByRole('button', { name: '注销账号' }).click();
    await page.waitForURL('**/m/login');

    await page.getByLabel('手机号').fill(account.phone);
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByText('手机号或密码不正确').waitFor();
    expect(problems).toEqual([]);
  });
});
