// Factories shared by the demo seed and the tests: each builds one valid thing through
// the same service code the API uses, with overrides for what a test cares about.
import type { AppContext } from '../context.ts';
import { checkCharacter } from '../lib/id-number.ts';
import { hashPassword } from '../lib/password.ts';
import type { Actor, Role } from '../lib/scope.ts';
import * as activities from '../modules/activities/service.ts';
import * as auth from '../modules/auth/service.ts';
import * as organizations from '../modules/organizations/service.ts';
import * as projects from '../modules/projects/service.ts';
import * as sites from '../modules/sites/service.ts';
import * as volunteers from '../modules/volunteers/service.ts';

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

let idCounter = 0;
/** ID numbers one process makes before it reaches the next pid's share. */
const IDS_PER_PROCESS = 7_000;
/**
 * A valid resident ID number (right check character), unique within this process and, for
 * its first 7,000, across processes whose pids differ modulo 1,000 (the test template is
 * seeded by one process and used by others): pid and counter are spread one-to-one over
 * the sequence (500 per sex), the day of the year (365) and the birth year (40). Before,
 * the pid moved only the day, by one of 73 offsets, so a test's first volunteers met the
 * demo county's about one file in 73 (VOLUNTEER_EXISTS in CI).
 */
export function nextIdNumber(options: { birthYear?: number; sex?: 'M' | 'F'; address?: string } = {}): string {
  idCounter += 1;
  const n = (process.pid % 1000) * IDS_PER_PROCESS + idCounter;
  // The 17th digit is odd for a man, even for a woman.
  const seq = (n % 500) * 2 + ((options.sex ?? 'M') === 'M' ? 1 : 0);
  const rest = Math.floor(n / 500);
  const year = options.birthYear ?? 1960 + (Math.floor(rest / 365) % 40);
  const day = new Date(Date.UTC(year, 0, 1 + (rest % 365)));
  const date = day.toISOString().slice(0, 10).replaceAll('-', '');
  const first17 = `${options.address ?? '210321'}${date}${String(seq).padStart(3, '0')}`;
  return `${first17}${checkCharacter(first17)}`;
}

export interface VolunteerOverrides extends Partial<volunteers.VolunteerInputData> {
  siteId: number;
  source?: volunteers.Source;
  status?: 'pending' | 'active';
  userId?: number | null;
}

/**
 * A volunteer through the same checks as registration; active unless told otherwise.
 * Skills and available time are required at registration; the defaults are ones that no
 * test's call-up, activity or matching asks for (no 急救, no weekend), so they change nothing.
 */
export async function buildVolunteer(ctx: AppContext, overrides: VolunteerOverrides) {
  const { source = 'staff', status = 'active', userId = null, ...input } = overrides;
  const checked = await volunteers.checkVolunteer(ctx, {
    name: '测试志愿者', idNumber: nextIdNumber(), phone: nextPhone(), categories: [], skills: ['陪伴聊天'], availability: ['weekday_evening'],
    partyMember: false, emergencyReserve: false, consent: true, ...input,
  });
  return volunteers.insertVolunteer(ctx, checked, { source, status, userId, createdBy: null });
}

export async function buildOrganization(ctx: AppContext, actor: Actor, overrides: Partial<organizations.OrganizationInputData> & { siteId: number }) {
  return organizations.createOrganization(ctx, actor, { name: `测试志愿服务队${nextPhone().slice(-5)}`, category: 'assistance', ...overrides });
}

/** An approved project of an organization the actor runs. */
export async function buildProject(ctx: AppContext, actor: Actor, overrides: Partial<projects.ProjectInput> & { organizationId: number }) {
  const made = await projects.createProject(ctx, actor, {
    name: '测试服务项目', category: 'assistance', startsOn: '2026-01-01', endsOn: '2027-12-31', ...overrides,
  });
  await projects.submitProject(ctx, actor, made.id);
  return projects.reviewProject(ctx, actor, made.id, { decision: 'approve' });
}

const HOUR = 3600_000;

/** An activity of an approved project; by default it runs from now for two hours. */
export async function buildActivity(ctx: AppContext, actor: Actor, overrides: Partial<activities.ActivityInput> & { projectId: number; siteId: number }) {
  const endsAt = overrides.endsAt ?? new Date(Date.now() + 2 * HOUR).toISOString();
  const [made] = await activities.createActivities(ctx, actor, {
    title: '测试志愿服务活动', quota: 10, recruitFrom: new Date(Date.now() - 24 * HOUR).toISOString(),
    startsAt: new Date(Date.now()).toISOString(), endsAt, recruitUntil: endsAt, ...overrides,
  });
  return made!;
}
