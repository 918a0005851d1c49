// Factories shared by the demo seed and the tests: each builds one valid thing through
// the same service code the API uses, with overrides for what a test cares about.
import type { AppContext } from '../context.ts';
import { hashPassword } from '../lib/password.ts';
import type { Actor, Role } from '../lib/scope.ts';
import * as auth from '../modules/auth/service.ts';
import * as sites from '../modules/sites/service.ts';

export const TEST_PASSWORD = 'Lianxin2026';

// scrypt is slow on purpose; factories make many accounts with few distinct passwords.
const hashes = new Map<string, Promise<string>>();
const cachedHash = (password: string) => {
  if (!hashes.has(password)) hashes.set(password, hashPassword(password));
  return hashes.get(password)!;
};

let phoneCounter = 0;
/** A unique, well-formed mobile number in a range real numbers do not use in tests (199...). */
export function nextPhone(): string {
  phoneCounter += 1;
  return `199${String(process.pid % 10000).padStart(4, '0')}${String(phoneCounter).padStart(4, '0')}`;
}

export interface UserOverrides {
  name?: string;
  phone?: string;
  password?: string;
  role?: Role;
  /** The site the role is granted on (required for a role). */
  siteId?: number;
  mustChangePassword?: boolean;
}

/** A user with one role grant on a site; returns the user id, phone and password used. */
export async function buildUser(ctx: AppContext, overrides: UserOverrides & { siteId: number }) {
  const site = await ctx.db.selectFrom('sites').select(['id', 'region_code']).where('id', '=', overrides.siteId).executeTakeFirstOrThrow();
  const phone = overrides.phone ?? nextPhone();
  const password = overrides.password ?? TEST_PASSWORD;
  const userId = await auth.createAccount(ctx, {
    name: overrides.name ?? `测试用户${phone.slice(-4)}`,
    phone,
    password,
    regionCode: site.region_code,
    mustChangePassword: overrides.mustChangePassword ?? false,
    createdBy: null,
  }, await cachedHash(password));
  await auth.addGrant(ctx, { userId, role: overrides.role ?? 'resident', siteId: site.id, regionCode: site.region_code, grantedBy: null });
  return { userId, phone, password };
}

/** The actor object for a user, as the session middleware would load it. */
export async function actorFor(ctx: AppContext, userId: number): Promise<Actor> {
  const user = await ctx.db.selectFrom('users').select(['id', 'name']).where('id', '=', userId).executeTakeFirstOrThrow();
  return { userId: user.id, name: user.name, grants: await auth.findGrants(ctx, userId) };
}

export async function buildPoint(ctx: AppContext, actor: Actor, overrides: Partial<sites.PointInput> & { parentId: number }) {
  return sites.createPoint(ctx, actor, {
    name: '测试实践点',
    pointType: 'square',
    ...overrides,
  });
}
