// The staff console in Chromium against a real server and the seeded Liaoning network.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { choose, openPage, PASSWORD, signIn, useBrowserRun } from './browser.ts';

const PROVINCE_ADMIN = '13800000000';
const CENTER_ADMIN = '13800000001';
const STATION_ADMIN = '13800000003';

const run = useBrowserRun();
const open = (path = '/', options: { locale?: string } = {}) => openPage(run(), path, options);

const treeItem = (page: Page, name: string | RegExp) => page.getByRole('treeitem', { name });
const heading = (page: Page, name: string) => page.getByRole('heading', { name, exact: true });

describe('console', () => {
  it('lets the province admin walk down to a station and add a practice point there', async () => {
    const { page, problems } = await open();
    await page.waitForURL('**/login');
    await signIn(page, PROVINCE_ADMIN);

    await treeItem(page, /^辽宁省新时代文明实践指导中心/).click();
    await heading(page, '辽宁省新时代文明实践指导中心').waitFor();
    // A node's title counts every kind below it (real divisions; points from the demo seed).
    const anshan = treeItem(page, /^鞍山市新时代文明实践指导中心/);
    const pointsIn = async (item: typeof anshan, title: RegExp) => Number(title.exec((await item.textContent()) ?? '')?.[1]);
    const anshanTitle = /^鞍山市新时代文明实践指导中心 · 7 中心 · 96 所 · 1,193 站 · (\d+) 点$/;
    const anshanPoints = await pointsIn(anshan, anshanTitle);
    expect(anshanPoints).toBeGreaterThan(0);
    await anshan.click();
    await treeItem(page, /^台安县新时代文明实践中心/).click();
    await treeItem(page, /^八角台街道新时代文明实践所/).click();
    const station = treeItem(page, /^庆南社区新时代文明实践站/);
    await station.click();
    await heading(page, '庆南社区新时代文明实践站').waitFor();
    const stationTitle = /^庆南社区新时代文明实践站 · (\d+) 点$/;
    const stationPoints = await pointsIn(station, stationTitle);
    expect(await station.getAttribute('aria-selected')).toBe('true');
    await page.getByRole('link', { name: '八角台街道新时代文明实践所' }).waitFor(); // breadcrumb, in scope
    await treeItem(page, /王大姐家庭工作坊/).waitFor();

    await page.getByRole('button', { name: '添加实践点' }).click();
    const form = page.getByRole('dialog', { name: '在「庆南社区新时代文明实践站」下添加实践点' });
    await form.getByLabel('名称').fill('庆南社区口袋公园');
    await choose(page, form.getByLabel('实践点类型'), '公园', { exact: true });
    // The choice must have landed before saving, or the form stops at its own "required" check.
    await form.locator('.ant-select', { hasText: '公园' }).waitFor();
    await form.getByLabel('地址').fill('庆南社区南门');
    await form.getByLabel('经度').fill('122.4412');
    // Half a coordinate pair: the server's message appears under the field at fault.
    await form.getByRole('button', { name: '保存' }).click();
    await form.getByText('经度和纬度须同时填写').waitFor();
    await form.getByLabel('纬度').fill('41.4098');
    await form.getByLabel('联系人').fill('李桂兰');
    await form.getByRole('button', { name: '保存' }).click();

    const point = page.getByRole('treeitem', { name: /庆南社区口袋公园/, selected: true });
    await point.waitFor();
    expect(await point.textContent()).toBe('庆南社区口袋公园'); // a point has nothing below it
    await heading(page, '庆南社区口袋公园').waitFor();
    await page.getByText('实践点 · 公园').waitFor();
    await page.getByText('122.4412, 41.4098').waitFor();
    await page.getByText('庆南社区南门').waitFor();
    // Counts above the new point follow without a reload.
    expect(await pointsIn(station, stationTitle)).toBe(stationPoints + 1);
    expect(await pointsIn(anshan, anshanTitle)).toBe(anshanPoints + 1);
    expect(problems).toEqual([]);
  });

  it('shows the API’s Chinese message for a wrong password', async () => {
    const { page, problems } = await open('/login');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByText('请输入手机号').waitFor();
    await signIn(page, CENTER_ADMIN, 'not-the-password');
    await page.getByRole('alert').filter({ hasText: '手机号或密码不正确' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(problems).toEqual([]);
  });

  it('switches the console, and the API’s messages, to English and remembers it', async () => {
    const { page, problems } = await open('/login');
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { name: 'Staff sign-in' }).waitFor();
    const english = { phone: 'Phone number', password: 'Password', submit: 'Sign in' };
    await signIn(page, CENTER_ADMIN, 'not-the-password', english);
    await page.getByRole('alert').filter({ hasText: 'Wrong phone number or password' }).waitFor();

    await signIn(page, CENTER_ADMIN, PASSWORD, english);
    await page.getByRole('menuitem', { name: 'Practice network' }).waitFor();
    await page.getByText('Center admin', { exact: true }).waitFor();
    await heading(page, '台安县新时代文明实践中心').waitFor();
    await page.getByText('Practice center', { exact: true }).first().waitFor();
    await page.reload();
    // (The first test may have added a point in this county.)
    expect(await treeItem(page, /^台安县新时代文明实践中心/).textContent()).toMatch(/^台安县新时代文明实践中心 · 12 institutes · 170 stations · \d+ points$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(problems).toEqual([]);
  });

  it('gives a station admin their station as the only root, with the levels above shown but closed', async () => {
    const { page, problems } = await open();
    await signIn(page, STATION_ADMIN);
    await heading(page, '庆南社区新时代文明实践站').waitFor();
    await treeItem(page, /王大姐家庭工作坊/).waitFor();
    const names = await page.getByRole('treeitem').allTextContents();
    expect(names[0]).toMatch(/^庆南社区新时代文明实践站 · \d+ 点$/);
    expect(names.slice(1).every((name) => !name.includes('新时代文明实践'))).toBe(true); // only points below
    await page.getByText('八角台街道新时代文明实践所').waitFor();
    expect(await page.getByRole('link', { name: '八角台街道新时代文明实践所' }).count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('lets a center admin create a station admin and see the one-time password', async () => {
    const { page, problems } = await open('/staff');
    await signIn(page, CENTER_ADMIN);
    await page.getByRole('cell', { name: '赵站长' }).waitFor();
    await page.getByRole('button', { name: '新建工作人员' }).click();
    const form = page.getByRole('dialog', { name: '新建工作人员' });
    await form.getByLabel('姓名').fill('孙站长');
    await form.getByLabel('手机号').fill('13900000021');
    await choose(page, form.getByLabel('角色'), '实践站管理员', { exact: true });
    await choose(page, form.getByLabel('所在阵地'), '西郊社区新时代文明实践站', { typed: '西郊社区', exact: true });
    await form.getByRole('button', { name: '创建' }).click();

    await form.getByText('已为 孙站长 创建账号').waitFor();
    const password = await form.locator('.one-time-secret code').textContent();
    expect(password).toMatch(/^\S{8,}$/);
    await form.getByRole('button', { name: '完成' }).click();
    const row = page.getByRole('row').filter({ hasText: '孙站长' });
    await row.getByText('实践站管理员 · 西郊社区新时代文明实践站').waitFor();
    expect(await row.getByRole('cell').nth(1).textContent()).toBe('139****0021');

    // The new account works with that password, and must change it first.
    const other = await open('/login');
    await signIn(other.page, '13900000021', password!);
    await other.page.getByText('为了账号安全，请先把初始密码改成只有您知道的新密码。').waitFor();
    expect([...problems, ...other.problems]).toEqual([]);
  });
});
