// The phone H5 in Chromium at phone size, for residents and volunteers.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserRun, type BrowserRun } from './browser.ts';

const PASSWORD = 'Admin2026x';
const RESIDENT = '13800000006';
const VOLUNTEER = '13800000005';

let run: BrowserRun;
beforeAll(async () => {
  run = await startBrowserRun();
});
afterAll(async () => {
  await run?.close();
});

async function open(path: string): Promise<{ page: Page; problems: string[] }> {
  const page = await (await run.newContext({ mobile: true })).newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(message.text());
  });
  await page.goto(run.baseUrl + path);
  return { page, problems };
}

async function signIn(page: Page, phone: string, password = PASSWORD) {
  await page.getByLabel('手机号').fill(phone);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

describe('phone H5', () => {
  it('signs a resident in and shows their name, masked phone and role on 我的', async () => {
    const { page, problems } = await open('/m/');
    await page.waitForURL('**/m/login');
    await signIn(page, RESIDENT);
    await page.getByRole('heading', { name: '王大爷，您好' }).waitFor();
    expect(await page.getByText('即将开放').count()).toBe(3);

    await page.getByText('我的', { exact: true }).click();
    await page.waitForURL('**/m/me');
    await page.getByRole('heading', { name: '王大爷' }).waitFor();
    await page.getByText('138****0006').waitFor();
    // A role reads with its site below it: “居民 / 庆南社区新时代文明实践站”.
    await page.getByText(/^居民/).waitFor();
    await page.getByText('庆南社区新时代文明实践站', { exact: true }).waitFor();

    // Large type and no sideways scrolling on a narrow phone.
    // (Page scripts are strings: this file is type-checked without the DOM library.)
    const bodyFontSize = await page.evaluate<number>('parseFloat(getComputedStyle(document.body).fontSize)');
    expect(bodyFontSize).toBeGreaterThanOrEqual(17);
    await page.setViewportSize({ width: 360, height: 640 });
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    expect(problems).toEqual([]);
  });

  it('shows the API’s message for a wrong password, in English after the switch', async () => {
    const { page, problems } = await open('/m/login');
    await signIn(page, VOLUNTEER, 'not-the-password');
    await page.getByRole('alert').filter({ hasText: '手机号或密码不正确' }).waitFor();
    await page.getByText('English', { exact: true }).click();
    await page.getByLabel('Password').fill('still-not-it');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong phone number or password' }).waitFor();
    expect(problems).toEqual([]);
  });

  it('lets a volunteer sign out from 我的 and lands on the sign-in page', async () => {
    const { page, problems } = await open('/m/me');
    await page.waitForURL('**/m/login');
    await signIn(page, VOLUNTEER);
    await page.getByRole('heading', { name: '陈志愿，您好' }).waitFor();
    await page.getByText('我的', { exact: true }).click();
    await page.getByText(/^志愿者/).waitFor();
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL('**/m/login');
    await page.goto(run.baseUrl + '/m/');
    await page.waitForURL('**/m/login');
    expect(problems).toEqual([]);
  });
});
