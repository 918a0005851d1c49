// The phone H5 in Chromium at phone size, for residents and volunteers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, signIn, startBrowserRun, type BrowserRun } from './browser.ts';

const RESIDENT = '13800000006';
const VOLUNTEER = '13800000005';

let run: BrowserRun;
beforeAll(async () => {
  run = await startBrowserRun();
});
afterAll(async () => {
  await run?.close();
});

const open = (path: string) => openPage(run, path, { mobile: true });

describe('phone H5', () => {
  it('signs a resident in and shows their name, masked phone and role on 我的', async () => {
    const { page, problems } = await open('/m/');
    await page.waitForURL('**/m/login');
    await signIn(page, RESIDENT);
    await page.getByRole('heading', { name: '王大爷，您好' }).waitFor();
    // Every way in is open: activities, teams, pairing, wishes and orders.
    for (const name of ['志愿活动', '微心愿', '点单']) await page.getByRole('heading', { name }).waitFor();

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
    // Back on the screen the link pointed to, not the home page.
    await page.waitForURL('**/m/me');
    await page.getByRole('heading', { name: '陈志愿' }).waitFor();
    await page.getByText(/^志愿者庆南社区新时代文明实践站$/).waitFor(); // the role, with its site below
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL('**/m/login');
    await page.goto(run.baseUrl + '/m/');
    await page.waitForURL('**/m/login');
    expect(problems).toEqual([]);
  });
});
