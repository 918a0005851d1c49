// Sign-in, sessions and "who am I". The session cookie carries a random token; the
// database keeps only its hash, so a leaked table cannot be replayed.
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { inTransaction, type AppContext } from '../../context.ts';
import { AppError } from '../../lib/errors.ts';
import { hashPassword, isStrongPassword, verifyPassword } from '../../lib/password.ts';
import { maskPhone } from '../../lib/pii.ts';
import type { Actor, Role } from '../../lib/scope.ts';
import { recordAudit } from '../audit/service.ts';
import { actorCache } from './actor-cache.ts';
import * as q from './queries.ts';

export const SESSION_COOKIE = 'lianxin_sid';

/** Sign-in limits: failures per phone number and per address within the window. */
export const loginLimits = { windowMinutes: 15, perPhone: 5, perIp: 30 };

// Verified against when the phone is unknown, so both paths cost one scrypt.
let decoy: Promise<string> | undefined;
const decoyHash = () => (decoy ??= hashPassword('decoy-password-1'));

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
  return request.actor;
}

export async function loadActor(ctx: AppContext, token: string): Promise<Actor | null> {
  const tokenHash = hashToken(token);
  const cached = actorCache.get(tokenHash);
  if (cached) return cached;
  const readAt = actorCache.generation();
  const session = await q.findSession(ctx.db, tokenHash);
  if (!session || session.status !== 'active') return null;
  const actor = { userId: session.userId, name: session.name, grants: session.grants.map(q.toGrant) };
  actorCache.set(tokenHash, actor, readAt);
  return actor;
}

/**
 * A person's sessions, grants or account changed: the actor cache forgets them now and
 * again once the change commits (a request reading in between must not keep the old one).
 */
export function forgetActors(ctx: AppContext, userId: number): void {
  actorCache.forgetWithCommit(ctx, (actor) => actor.userId === userId);
}

export interface Client {
  ip: string;
  userAgent: string | null;
  /** The token of the session the client already had, ended on sign-in (rotation). */
  previousToken: string | undefined;
}

export async function login(ctx: AppContext, phone: string, password: string, client: Client) {
  const phoneHash = ctx.pii.lookupHash('phone', phone);
  const failures = await q.countRecentFailures(ctx.db, phoneHash, client.ip, loginLimits.windowMinutes);
  if (failures.byPhone >= loginLimits.perPhone || failures.byIp >= loginLimits.perIp) {
    throw new AppError('TOO_MANY_ATTEMPTS', { params: { minutes: loginLimits.windowMinutes } });
  }
  const user = await q.findUserByPhoneHash(ctx.db, phoneHash);
  const ok = await verifyPassword(password, user?.password_hash ?? (await decoyHash()));
  await q.recordLoginAttempt(ctx.db, { phoneHash, ip: client.ip, userId: user?.id ?? null, succeeded: ok && !!user });
  if (!user || !ok) {
    await auditLockout(ctx, phone, user?.region_code ?? null, failures, client);
    throw new AppError('BAD_CREDENTIALS');
  }
  if (user.status !== 'active') throw new AppError('ACCOUNT_DISABLED');

  const token = await inTransaction(ctx, async (tx) => {
    if (client.previousToken) await endSession(tx, client.previousToken);
    await q.deleteExpiredSessions(tx.db, user.id);
    return signInSession(tx, { id: user.id, regionCode: user.region_code }, client);
  });
  return { token, me: await me(ctx, user.id) };
}

const clientDetails = (client: Client) => ({ ip: client.ip, userAgent: client.userAgent?.slice(0, 300) ?? null });

/**
 * The failure that locks a phone number or an address out is audited once, when the lock
 * engages: the refused attempts after it would only let an attacker flood the log. The
 * subject is the masked number, never the number itself.
 */
async function auditLockout(ctx: AppContext, phone: string, regionCode: string | null, before: { byPhone: number; byIp: number }, client: Client) {
  const by = [
    ...(before.byPhone + 1 === loginLimits.perPhone ? ['phone'] : []),
    ...(before.byIp + 1 === loginLimits.perIp ? ['ip'] : []),
  ];
  if (by.length === 0) return;
  await recordAudit(ctx, {
    actorId: null, action: 'sign_in_locked', subject: `phone:${maskPhone(phone)}`, regionCode, reason: null,
    details: { ...clientDetails(client), by, minutes: loginLimits.windowMinutes },
  });
}

/** Opens the session of a sign-in (with a password, or on registering), audited; returns the cookie token. */
export async function signInSession(ctx: AppContext, user: { id: number; regionCode: string }, client: Client): Promise<string> {
  await recordAudit(ctx, {
    actorId: user.id, action: 'sign_in', subject: `user:${user.id}`, regionCode: user.regionCode, reason: null, details: clientDetails(client),
  });
  return startSession(ctx, user.id, client);
}

/** Opens a session for the user and returns the cookie token. */
export async function startSession(ctx: AppContext, userId: number, client: Client): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await q.insertSession(ctx.db, {
    tokenHash: hashToken(token),
    userId,
    hours: ctx.config.sessionHours,
    ip: client.ip,
    userAgent: client.userAgent?.slice(0, 300) ?? null,
  });
  return token;
}

async function endSession(ctx: AppContext, token: string) {
  const tokenHash = hashToken(token);
  await q.deleteSession(ctx.db, tokenHash);
  actorCache.forget((_, key) => key === tokenHash);
}

export async function logout(ctx: AppContext, token: string | undefined) {
  if (token) await endSession(ctx, token);
}

export async function me(ctx: AppContext, userId: number) {
  const user = await q.findUserById(ctx.db, userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  const grants = await q.findGrants(ctx.db, userId);
  return {
    user: { id: user.id, name: user.name, phoneMasked: user.phone_masked, mustChangePassword: user.must_change_password },
    grants: grants.map((grant) => ({
      id: grant.id,
      role: grant.role,
      site: { id: grant.siteId, name: grant.siteName, kind: grant.siteKind, regionCode: grant.regionCode },
    })),
  };
}

/** Changes the password, ends every other session and rotates this one. */
export async function changePassword(
  ctx: AppContext,
  actor: Actor,
  change: { currentPassword: string; newPassword: string },
  client: Client,
): Promise<string> {
  const user = await q.findUserById(ctx.db, actor.userId);
  if (!user || !(await verifyPassword(change.currentPassword, user.password_hash))) {
    throw new AppError('WRONG_PASSWORD', { field: 'currentPassword' });
  }
  if (!isStrongPassword(change.newPassword)) throw new AppError('WEAK_PASSWORD', { field: 'newPassword' });
  const passwordHash = await hashPassword(change.newPassword);
  return inTransaction(ctx, async (tx) => {
    await q.updatePassword(tx.db, actor.userId, passwordHash);
    await endAllSessions(tx, actor.userId);
    await recordAudit(tx, {
      actorId: actor.userId, action: 'password_change', subject: `user:${actor.userId}`, regionCode: user.region_code, reason: null, details: clientDetails(client),
    });
    return startSession(tx, actor.userId, client);
  });
}

export interface NewAccount {
  name: string;
  phone: string;
  password: string;
  regionCode: string;
  mustChangePassword: boolean;
  createdBy: number | null;
}

/** Creates a user; the phone number is stored encrypted, hashed for lookup, and masked. */
export async function createAccount(ctx: AppContext, account: NewAccount, passwordHash?: string): Promise<number> {
  const { id } = await q.insertUser(ctx.db, {
    name: account.name.trim(),
    phone_hash: ctx.pii.lookupHash('phone', account.phone),
    phone_enc: ctx.pii.encrypt(account.phone),
    phone_masked: maskPhone(account.phone),
    password_hash: passwordHash ?? (await hashPassword(account.password)),
    region_code: account.regionCode,
    must_change_password: account.mustChangePassword,
    created_by: account.createdBy,
  });
  return id;
}

/** The account's phone number in clear, for the account's own use (never shown). */
export async function accountPhone(ctx: AppContext, userId: number): Promise<string> {
  const row = await ctx.db.selectFrom('users').select('phone_enc').where('id', '=', userId).executeTakeFirstOrThrow();
  return ctx.pii.decrypt(row.phone_enc);
}

export function findAccountByPhone(ctx: AppContext, phone: string) {
  return q.findUserByPhoneHash(ctx.db, ctx.pii.lookupHash('phone', phone));
}

/** Adds a role grant; returns null when the user already had it. */
export async function addGrant(ctx: AppContext, grant: { userId: number; role: Role; siteId: number; regionCode: string; grantedBy: number | null }) {
  const row = await q.insertGrant(ctx.db, {
    user_id: grant.userId, role: grant.role, site_id: grant.siteId, region_code: grant.regionCode, granted_by: grant.grantedBy,
  });
  forgetActors(ctx, grant.userId);
  return row?.id ?? null;
}

export async function endAllSessions(ctx: AppContext, userId: number) {
  await q.deleteSessionsExcept(ctx.db, userId, null);
  forgetActors(ctx, userId);
}
export const findGrants = (ctx: AppContext, userId: number) => q.findGrants(ctx.db, userId);
