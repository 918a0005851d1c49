// Debian's Chromium driven by playwright-core, against a real Lianxin server listening on
// a free port with its own copy of the seeded database and the production web build.
import fs from 'node:fs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createTestServer, type TestServer } from '../test/harness.ts';
import { CHROMIUM, launchChromium } from './chromium.ts';

export interface BrowserRun {
  server: TestServer;
  baseUrl: string;
  browser: Browser;
  /** A fresh browser profile (no cookies), Chinese by default; with `geolocation`, the site may read that position. */
  newContext(options?: { locale?: string; mobile?: boolean; geolocation?: { latitude: number; longitude: number } }): Promise<BrowserContext>;
  close(): Promise<void>;
}

export type ContextChoices = Parameters<BrowserRun['newContext']>[0];

/**
 * Chinese, Beijing time, a phone (390 px) or a desk screen; the position when given. Reduced
 * motion, as some users ask for: a dialog that zooms in can move between Playwright's check
 * of where its button is and the click, which then lands beside it.
 */
export function contextOptions({ locale = 'zh-CN', mobile = false, geolocation }: ContextChoices = {}) {
  return {
    locale,
    timezoneId: 'Asia/Shanghai',
    reducedMotion: 'reduce' as const,
    ...(geolocation && { geolocation, permissions: ['geolocation'] }),
    ...(mobile ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : { viewport: { width: 1400, height: 900 } }),
  };
}

export async function startBrowserRun(): Promise<BrowserRun> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: run .ci/run, or apt-get install -y chromium`);
  const server = await createTestServer({ web: true });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const address = server.app.server.address();
  if (!address || typeof address === 'string') throw new Error('server did not listen on a TCP port');
  const browser = await launchChromium();
  return {
    server,
    baseUrl: `http://127.0.0.1:${address.port}`,
    browser,
    newContext: (options) => browser.newContext(contextOptions(options)),
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

export const PASSWORD = 'Admin2026x';

export interface Opened {
  page: Page;
  /** Script errors and console errors (CSP violations among them); HTTP error statuses the UI handles are not counted. */
  problems: string[];
}

/** A page in a fresh profile at `path`, collecting the problems the page reports. */
export async function openPage(run: BrowserRun, path = '/', options: ContextChoices = {}): Promise<Opened> {
  const page = await (await run.newContext(options)).newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(message.text());
  });
  await page.goto(run.baseUrl + path);
  return { page, problems };
}

export async function signIn(page: Page, phone: string, password = PASSWORD, labels = { phone: '手机号', password: '密码', submit: '登录' }) {
  await page.getByLabel(labels.phone).fill(phone);
  await page.getByLabel(labels.password).fill(password);
  await page.getByRole('button', { name: labels.submit, exact: true }).click();
}

/** Where each open page stood when a test failed: CI keeps only the log, so the log says it. */
async function describePages(browser: Browser): Promise<string> {
  const pages = browser.contexts().flatMap((context) => context.pages());
  const states = await Promise.all(pages.map(async (page) => {
    const text = await page.locator('body').innerText({ timeout: 2000 }).catch((error: Error) => `(no text: ${error.message})`);
    return `--- ${page.url()}\n${text.replace(/\n{2,}/g, '\n').slice(0, 3000)}`;
  }));
  return states.join('\n');
}

/** One server and browser for a test file, started before its tests and closed after. */
export function useBrowserRun(): () => BrowserRun {
  let run: BrowserRun | undefined;
  beforeAll(async () => {
    run = await startBrowserRun();
  });
  beforeEach((context) => {
    context.onTestFailed(async () => {
      if (run) console.log(`Pages open when "${context.task.name}" failed:\n${await describePages(run.browser)}`);
    });
  });
  afterAll(async () => {
    await run?.close();
  });
  return () => {
    if (!run) throw new Error('the browser run has not started');
    return run;
  };
}

/** A console page, signed in as `phone` (the menu is there). */
export async function signedIn(run: BrowserRun, path: string, phone: string): Promise<Opened> {
  const opened = await openPage(run, path);
  await signIn(opened.page, phone);
  await opened.page.getByRole('menuitem', { name: '志愿者' }).waitFor();
  return opened;
}

/** A phone signed in as `who`, at `path` under /m ('' for the home page). */
export async function phoneAs(run: BrowserRun, path: string, who: string): Promise<Opened> {
  const opened = await openPage(run, `/m${path}`, { mobile: true });
  await opened.page.waitForURL('**/m/login');
  await signIn(opened.page, who);
  await opened.page.waitForURL(`**/m${path}`);
  return opened;
}

/** A 1×1 PNG, for an uploaded photo. */
export const PNG_1PX = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

/** The open dropdown of an antd select (closed ones stay in the page, hidden). */
export const dropdown = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');

/**
 * Chooses `option` in the antd select whose input is `field` (typing `typed` first into a
 * searching one) and waits until the select shows it. Under load a list can still be moving
 * or re-rendering with new search results when the option is clicked, and the click then
 * lands beside it: the choice is made again, rather than the form failing later on an
 * empty field.
 */
export async function choose(page: Page, field: Locator, option: string | RegExp, { typed, exact }: { typed?: string; exact?: boolean } = {}) {
  const listed = dropdown(page).getByTitle(option, { exact }).first();
  const select = field.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  const shown = select.locator('.ant-select-content-has-value').and(page.getByTitle(option, { exact }));
  for (let attempt = 1; ; attempt += 1) {
    if (attempt === 1 || !(await listed.isVisible())) {
      if (typed === undefined) await field.click();
      else await field.fill(typed);
    }
    await listed.click();
    try {
      await shown.waitFor({ timeout: 5000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** The table rows that contain `text`. */
export const row = (page: Page, text: string) => page.getByRole('row').filter({ hasText: text });
