// Debian's Chromium driven by playwright-core, against a real Lianxin server listening on
// a free port with its own copy of the seeded database and the production web build.
import fs from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { createTestServer, type TestServer } from '../test/harness.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export interface BrowserRun {
  server: TestServer;
  baseUrl: string;
  browser: Browser;
  /** A fresh browser profile (no cookies), Chinese by default. */
  newContext(options?: { locale?: string; mobile?: boolean }): Promise<BrowserContext>;
  close(): Promise<void>;
}

export async function startBrowserRun(): Promise<BrowserRun> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: run .ci/run, or apt-get install -y chromium`);
  const server = await createTestServer({ web: true });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const address = server.app.server.address();
  if (!address || typeof address === 'string') throw new Error('server did not listen on a TCP port');
  // Headless, with a fresh temporary profile that playwright makes for every launch.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic',
    ],
  });
  return {
    server,
    baseUrl: `http://127.0.0.1:${address.port}`,
    browser,
    newContext: ({ locale = 'zh-CN', mobile = false } = {}) =>
      browser.newContext({
        locale,
        timezoneId: 'Asia/Shanghai',
        ...(mobile ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : { viewport: { width: 1400, height: 900 } }),
      }),
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
