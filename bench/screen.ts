// Benchmark `screen` (only when named): the leadership big screen on the synthetic province,
// in Debian's Chromium against a real `lianxin serve` with the production web build. It opens
// the province's screen and drills down, each time into the area with the most volunteers,
// through a city, a county and a township to a village, and times every level from the
// click until each statistics request the screen made has answered. Targets: 1 s for a
// drill-down, what "every chart answering at once" means to a leader in front of a hall
// display; 2.5 s to open the screen (page, scripts and first figures: Web Vitals' "good"
// largest contentful paint).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page, Request } from 'playwright-core';
// @ts-expect-error a plain ES module script without type declarations
import { buildWeb } from '../scripts/build-web.mjs';
import { launchChromium } from '../e2e/chromium.ts';
import { SESSION_COOKIE } from '../server/src/modules/auth/service.ts';
import type { BenchOptions, BenchResult } from './index.ts';
import { startLianxin } from './processes.ts';
import { provinceUrl, SESSIONS, signIn } from './reads.ts';

const PORT = 3994;
const TARGET_MS = { open: 2500, drill: 1000 };
/** The screen has settled when no statistics request is pending for this long. */
const QUIET_MS = 500;
const LEVELS = ['province', 'city', 'county', 'township', 'village'];

/** Watches the screen's statistics requests: how many, which failed, when the last one answered. */
function watchStats(page: Page) {
  const pending = new Set<Request>();
  const watch = { pending, requests: 0, failures: [] as string[], lastAnswer: 0 };
  const isStats = (request: Request) => request.url().includes('/api/v1/stats/');
  page.on('request', (request) => {
    if (!isStats(request)) return;
    pending.add(request);
    watch.requests += 1;
  });
  const done = async (request: Request) => {
    if (!pending.delete(request)) return;
    watch.lastAnswer = performance.now();
    const status = (await request.response())?.status() ?? 0;
    if (status === 0 || status >= 400) watch.failures.push(`${status} ${request.url()}`);
  };
  page.on('requestfinished', (request) => void done(request));
  page.on('requestfailed', (request) => void done(request));
  return watch;
}

/** Milliseconds from `act` until its statistics requests have all answered. */
async function timed(page: Page, watch: ReturnType<typeof watchStats>, act: () => Promise<void>) {
  const before = watch.requests;
  const started = performance.now();
  await act();
  for (;;) {
    await page.waitForTimeout(50);
    if (watch.requests > before && watch.pending.size === 0 && performance.now() - watch.lastAnswer >= QUIET_MS) break;
    if (performance.now() - started > 60_000) throw new Error(`the screen did not settle: ${watch.pending.size} statistics requests pending`);
  }
  return { ms: Math.round(watch.lastAnswer - started), requests: watch.requests - before };
}

export async function benchScreen(options: BenchOptions): Promise<BenchResult[]> {
  const url = await provinceUrl(options);
  await signIn(url);
  await (buildWeb as (options: { ifStale: boolean }) => Promise<boolean>)({ ifStale: true });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-screen-'));
  const server = await startLianxin(url, work, PORT, path.join(import.meta.dirname, '../web/dist'));
  const browser = await launchChromium();
  try {
    const base = `http://127.0.0.1:${PORT}`;
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1920, height: 1080 } });
    await context.addCookies([{ name: SESSION_COOKIE, value: SESSIONS.province, url: base }]);
    const page = await context.newPage();
    const watch = watchStats(page);
    const title = page.locator('h1.screen-title');
    const results: BenchResult[] = [];
    for (const [i, level] of LEVELS.entries()) {
      const ranking = page.getByRole('region', { name: '各地注册志愿者' });
      const at = page.url();
      const { ms, requests } = await timed(page, watch, async () => {
        if (i === 0) await page.goto(`${base}/stats/screen?region=210000000000`);
        else await ranking.getByRole('button').first().click();
        if (i > 0) await page.waitForURL((next) => next.href !== at);
      });
      const area = (await title.textContent())?.replace('新时代文明实践志愿服务', '') ?? '';
      options.log(`screen: ${level} ${area}: ${ms} ms, ${requests} statistics requests`);
      results.push({
        name: i === 0 ? `screen open (${level})` : `screen ${level}`, value: ms, unit: 'ms', target: i === 0 ? TARGET_MS.open : TARGET_MS.drill, lowerIsBetter: true,
        note: `${area}: from ${i === 0 ? 'opening the screen' : 'the click'} until its ${requests} statistics requests answered`,
      });
    }
    if (watch.failures.length > 0) throw new Error(`statistics requests failed: ${watch.failures.join('; ')}`);
    return results;
  } finally {
    await browser.close();
    server.kill('SIGTERM');
    fs.rmSync(work, { recursive: true, force: true });
  }
}
