// The configuration every test server runs with, and which engine this run uses.
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../server/src/config.ts';

export const ADMIN_PHONE = '13800000000';
export const ADMIN_PASSWORD = 'Admin2026x';
export const DEMO_PASSWORD = ADMIN_PASSWORD;
/** A fixed key, so the template's encrypted phone numbers read in every copy. */
export const TEST_PII_KEY = Buffer.alloc(32, 7).toString('base64');

export const databaseUrl = process.env.DATABASE_URL || undefined;
export const engine = databaseUrl ? 'postgres' : 'pglite';

export function testConfig(dataDir: string, overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({}),
    dataDir,
    databaseUrl: undefined,
    piiKey: TEST_PII_KEY,
    adminPhone: ADMIN_PHONE,
    adminPassword: ADMIN_PASSWORD,
    seedDemo: true,
    logLevel: 'silent',
    ...overrides,
  };
}

export const testRoot = path.join(os.tmpdir(), 'lianxin-test');

/** A database URL naming another database on the same server. */
export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}
