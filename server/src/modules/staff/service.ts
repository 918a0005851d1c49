// Staff accounts: admins create accounts and grant roles only below their own rank and
// only on sites inside their area (县级管理员不能创建市级管理员).
import { inTransaction, type AppContext } from '../../context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { decodeCursor, pageOf } from '../../lib/paging.ts';
import { generatePassword, hashPassword, isStrongPassword } from '../../lib/password.ts';
import {
  adminRoleSiteKind, isAdminRole, rankOver, requireAdmin, roleRank, scopePrefixes, type Actor, type Role, type SiteKind,
} from '../../lib/scope.ts';
import { recordAudit } from '../audit/service.ts';
import * as auth from '../auth/service.ts';
import * as sites from '../sites/service.ts';
import * as q from './queries.ts';

/** Roles staff may grant through the console; residents and volunteers join by themselves. */
export const grantableRoles = ['team_leader', 'station_admin', 'institute_admin', 'center_admin', 'city_admin', 'province_admin'] as const;
export type GrantableRole = (typeof grantableRoles)[number];

/** Whether the actor outranks a role held on a region (and is not managing themself). */
const outranks = (actor: Actor, userId: number, grant: { role: string; region_code: string }) =>
  userId !== actor.userId && roleRank(grant.role as Role) < rankOver(actor, grant.region_code);

async function presentStaff(ctx: AppContext, actor: Actor, users: Awaited<ReturnType<typeof q.listStaff>>) {
  const userIds = users.map((user) => user.id);
  const grants = await q.scopedGrantsOf(ctx.db, actor, userIds);
  const everyGrant = await q.allGrantsOf(ctx.db, userIds);
  return users.map((user) => ({
    id: user.id,
    name: user.name,
    phoneMasked: user.phone_masked,
    status: user.status as 'active' | 'disabled',
    createdAt: user.created_at.toISOString(),
    canManage: everyGrant.filter((grant) => grant.user_id === user.id).every((grant) => outranks(actor, user.id, grant)),
    grants: grants.filter((grant) => grant.user_id === user.id).map((grant) => ({
      id: grant.id,
      role: grant.role as Role,
      site: { id: grant.site_id, name: grant.site_name, kind: grant.site_kind as SiteKind, regionCode: grant.region_code },
      revocable: outranks(actor, user.id, grant),
    })),
  }));
}

export async function listStaff(ctx: AppContext, actor: Actor, filter: q.StaffFilter & { cursor?: string | undefined; limit: number }) {
  requireAdmin(actor);
  const after = decodeCursor(filter.cursor);
  const rows = await q.listStaff(ctx.db, actor, filter, after ? Number(after[0]) : null, filter.limit);
  const page = pageOf(rows, filter.limit, (row) => [row.id]);
  return { items: await presentStaff(ctx, actor, page.items), nextCursor: page.nextCursor };
}

async function getStaff(ctx: AppContext, actor: Actor, userId: number) {
  const user = await q.findUserInScope(ctx.db, actor, userId);
  if (!user) throw notFound('userId');
  const [staff] = await presentStaff(ctx, actor, [user]);
  return staff!;
}

/** A permission change, in the audit log under the account it changed. */
function auditStaff(
  ctx: AppContext, actor: Actor, action: 'staff_create' | 'staff_update' | 'grant_add' | 'grant_revoke' | 'password_reset',
  userId: number, regionCode: string, details: Record<string, unknown> = {},
) {
  return recordAudit(ctx, { actorId: actor.userId, action, subject: `user:${userId}`, regionCode, reason: null, details });
}

/** Checks that the actor may grant `role` on the site, and returns the site. */
async function checkGrantable(ctx: AppContext, actor: Actor, role: GrantableRole, siteId: number) {
  requireAdmin(actor);
  const highest = Math.max(...actor.grants.filter((g) => isAdminRole(g.role)).map((g) => roleRank(g.role)));
  if (roleRank(role) >= highest) throw new AppError('ROLE_TOO_HIGH', { field: 'role' });
  const site = await sites.getSite(ctx, actor, siteId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'NOT_FOUND') throw notFound('siteId');
    throw error;
  });
  if (roleRank(role) >= rankOver(actor, site.regionCode)) throw new AppError('ROLE_TOO_HIGH', { field: 'role' });
  if (isAdminRole(role) && adminRoleSiteKind[role] !== site.kind) {
    throw new AppError('VALIDATION_FAILED', {
      field: 'siteId',
      detail: { zh: '该角色须授予在对应级别的阵地上', en: 'This role must be granted on a site of its own level' },
    });
  }
  return site;
}

/** The actor must outrank every role the user holds to manage the account itself. */
async function checkOutranks(ctx: AppContext, actor: Actor, userId: number) {
  if (userId === actor.userId) throw new AppError('FORBIDDEN');
  const user = await q.findUserInScope(ctx.db, actor, userId);
  if (!user) throw notFound('userId');
  const grants = await auth.findGrants(ctx, userId);
  if (grants.some((grant) => roleRank(grant.role) >= rankOver(actor, grant.regionCode))) throw new AppError('FORBIDDEN');
  return user;
}

export interface NewStaff {
  name: string;
  phone: string;
  role: GrantableRole;
  siteId: number;
  password?: string | undefined;
}

/**
 * Creates the account with its first role, or adds the role to the person's existing
 * account (a volunteer who becomes a station admin keeps one login).
 */
export async function createStaff(ctx: AppContext, actor: Actor, input: NewStaff) {
  const site = await checkGrantable(ctx, actor, input.role, input.siteId);
  if (input.password !== undefined && !isStrongPassword(input.password)) throw new AppError('WEAK_PASSWORD', { field: 'password' });
  const initialPassword = input.password ?? generatePassword();
  const passwordHash = await hashPassword(initialPassword);
  return inTransaction(ctx, async (txCtx) => {
    const existing = await auth.findAccountByPhone(txCtx, input.phone);
    const userId = existing?.id ?? await auth.createAccount(txCtx, {
      name: input.name, phone: input.phone, password: initialPassword, regionCode: site.regionCode,
      mustChangePassword: true, createdBy: actor.userId,
    }, passwordHash);
    const grantId = await auth.addGrant(txCtx, { userId, role: input.role, siteId: site.id, regionCode: site.regionCode, grantedBy: actor.userId });
    if (grantId === null) throw new AppError('CONFLICT', { detail: { zh: '此人已有该角色', en: 'This person already holds that role' } });
    await auditStaff(txCtx, actor, 'staff_create', userId, site.regionCode, { role: input.role, siteId: site.id, grantId, newAccount: !existing });
    return {
      staff: await getStaff(txCtx, actor, userId),
      created: !existing,
      // Shown once, only for an account made here with a generated password.
      initialPassword: !existing && input.password === undefined ? initialPassword : null,
    };
  });
}

export async function grantRole(ctx: AppContext, actor: Actor, userId: number, role: GrantableRole, siteId: number) {
  const site = await checkGrantable(ctx, actor, role, siteId);
  if (!(await q.findUserInScope(ctx.db, actor, userId))) throw notFound('userId');
  await inTransaction(ctx, async (tx) => {
    const grantId = await auth.addGrant(tx, { userId, role, siteId: site.id, regionCode: site.regionCode, grantedBy: actor.userId });
    if (grantId === null) throw new AppError('CONFLICT', { detail: { zh: '此人已有该角色', en: 'This person already holds that role' } });
    await auditStaff(tx, actor, 'grant_add', userId, site.regionCode, { role, siteId: site.id, grantId });
  });
  return getStaff(ctx, actor, userId);
}

export async function revokeGrant(ctx: AppContext, actor: Actor, userId: number, grantId: number) {
  requireAdmin(actor);
  if (userId === actor.userId) throw new AppError('FORBIDDEN');
  const grant = (await auth.findGrants(ctx, userId)).find((g) => g.id === grantId);
  if (!grant || !scopePrefixes(actor).some((prefix) => grant.regionCode.startsWith(prefix))) throw notFound('grantId');
  if (roleRank(grant.role) >= rankOver(actor, grant.regionCode)) throw new AppError('FORBIDDEN');
  await inTransaction(ctx, async (tx) => {
    await q.deleteGrant(tx.db, grantId);
    auth.forgetActors(tx, userId);
    await auditStaff(tx, actor, 'grant_revoke', userId, grant.regionCode, { role: grant.role, siteId: grant.siteId, grantId });
  });
  return getStaff(ctx, actor, userId);
}

export async function updateStaff(ctx: AppContext, actor: Actor, userId: number, patch: { name?: string | undefined; status?: 'active' | 'disabled' | undefined }) {
  requireAdmin(actor);
  const user = await checkOutranks(ctx, actor, userId);
  await inTransaction(ctx, async (tx) => {
    if (patch.name) await q.setName(tx.db, userId, patch.name.trim());
    if (patch.status) await q.setStatus(tx.db, userId, patch.status);
    if (patch.status === 'disabled') await auth.endAllSessions(tx, userId);
    auth.forgetActors(tx, userId);
    await auditStaff(tx, actor, 'staff_update', userId, user.region_code, {
      ...(patch.name ? { name: patch.name.trim() } : {}), ...(patch.status ? { status: patch.status } : {}),
    });
  });
  return getStaff(ctx, actor, userId);
}

/** A new temporary password, shown once; the person must change it at next sign-in. */
export async function resetPassword(ctx: AppContext, actor: Actor, userId: number) {
  requireAdmin(actor);
  const user = await checkOutranks(ctx, actor, userId);
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  await inTransaction(ctx, async (tx) => {
    await q.setTemporaryPassword(tx.db, userId, passwordHash);
    await auth.endAllSessions(tx, userId);
    await auditStaff(tx, actor, 'password_reset', userId, user.region_code);
  });
  return { temporaryPassword: password };
}
