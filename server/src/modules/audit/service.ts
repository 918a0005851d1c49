// The audit log: who read or exported whose personal data, and why; sign-ins, permission
// changes, ledger corrections and deletions. Each entry carries the hash of the one before
// it, so an edited or deleted entry breaks the chain.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { inTransaction, type AppContext } from '../../context.ts';
import { AppError } from '../../lib/errors.ts';
import { decodeCursor, pageOf } from '../../lib/paging.ts';
import { isAdminRole, roleRank, scopePrefixes, type Actor } from '../../lib/scope.ts';
import * as q from './queries.ts';

export const auditActions = [
  // personal data
  'reveal', 'export', 'import', 'read_recipient', 'read_child', 'erase',
  // accounts and permissions
  'sign_in', 'sign_in_locked', 'password_change', 'password_reset', 'staff_create', 'staff_update', 'grant_add', 'grant_revoke',
  'volunteer_link',
  // the service-hour ledger
  'hours_reverse', 'hours_correct', 'dispute_resolve',
  // deletions
  'site_delete', 'care_member_remove', 'org_member_remove',
  // pairing and assistance
  'care_hand_over',
  // emergency mobilization: an answer staff recorded for a volunteer (代为登记)
  'callup_answer_record',
  // training and the service menu
  'training_attendance_mark', 'menu_item_retire',
] as const;
export type AuditAction = (typeof auditActions)[number];

export interface AuditEntry {
  actorId: number | null;
  action: AuditAction;
  /** What it was about, e.g. 'volunteer:42' or 'volunteers'. */
  subject: string;
  regionCode: string | null;
  reason: string | null;
  details?: Record<string, unknown>;
}

// Any constant: it serializes the chain's appends across processes.
const AUDIT_LOCK_KEY = 73_302_024;
const GENESIS = '0'.repeat(64);

/** JSON with object keys sorted, so the hash survives jsonb's own key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function entryHash(prevHash: string, at: Date, entry: AuditEntry): string {
  const text = canonical([prevHash, at.toISOString(), entry.actorId, entry.action, entry.subject, entry.regionCode, entry.reason, entry.details ?? {}]);
  return createHash('sha256').update(text).digest('hex');
}

/** Appends an entry; inside the caller's transaction when there is one. */
export function recordAudit(ctx: AppContext, entry: AuditEntry): Promise<void> {
  return inTransaction(ctx, (tx) => appendAudit(tx, entry));
}

async function appendAudit(ctx: AppContext, entry: AuditEntry): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(ctx.db);
  const last = await ctx.db.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  const prevHash = last?.hash ?? GENESIS;
  const at = new Date();
  await ctx.db.insertInto('audit_log').values({
    at,
    actor_id: entry.actorId,
    action: entry.action,
    subject: entry.subject,
    region_code: entry.regionCode,
    reason: entry.reason,
    details: JSON.stringify(entry.details ?? {}),
    prev_hash: prevHash,
    hash: entryHash(prevHash, at, entry),
  }).execute();
}

const VERIFY_BATCH = 1000;

/** Recomputes the whole chain, a batch at a time: how many entries, and the first that does not fit. */
export async function checkAuditChain(ctx: AppContext): Promise<{ entries: number; firstBrokenId: number | null }> {
  let prev = GENESIS;
  let entries = 0;
  let afterId = 0;
  for (;;) {
    const rows = await q.chainBatch(ctx.db, afterId, VERIFY_BATCH);
    for (const row of rows) {
      const expected = entryHash(prev, row.at, {
        actorId: row.actor_id, action: row.action as AuditAction, subject: row.subject, regionCode: row.region_code,
        reason: row.reason, details: row.details as Record<string, unknown>,
      });
      if (row.prev_hash !== prev || row.hash !== expected) return { entries: entries + 1, firstBrokenId: row.id };
      prev = row.hash;
      entries += 1;
    }
    if (rows.length < VERIFY_BATCH) return { entries, firstBrokenId: null };
    afterId = rows.at(-1)!.id;
  }
}

/** The id of the first entry that does not fit the chain, or null. */
export async function verifyAuditChain(ctx: AppContext): Promise<number | null> {
  return (await checkAuditChain(ctx)).firstBrokenId;
}

export function auditEntriesFor(ctx: AppContext, subject: string) {
  return ctx.db.selectFrom('audit_log').selectAll().where('subject', '=', subject).orderBy('id').execute();
}

/** The areas whose entries the actor may read: those of their center-level (中心) grants and above. */
function auditArea(actor: Actor) {
  const senior = actor.grants.filter((grant) => isAdminRole(grant.role) && roleRank(grant.role) >= roleRank('center_admin'));
  if (senior.length === 0) throw new AppError('FORBIDDEN');
  return {
    prefixes: scopePrefixes({ ...actor, grants: senior }),
    withoutRegion: senior.some((grant) => grant.role === 'province_admin'),
  };
}

/** A China-time calendar day's first instant. */
const chinaDayStart = (day: string, plusDays = 0) => new Date(Date.parse(`${day}T00:00:00+08:00`) + plusDays * 86_400_000);

export async function listAuditEntries(
  ctx: AppContext, actor: Actor,
  filter: { action?: AuditAction | undefined; actorId?: number | undefined; subject?: string | undefined; from?: string | undefined; to?: string | undefined; cursor?: string | undefined; limit: number },
) {
  const area = auditArea(actor);
  const before = decodeCursor(filter.cursor);
  const rows = await q.listEntries(ctx.db, area, {
    action: filter.action, actorId: filter.actorId, subject: filter.subject,
    from: filter.from ? chinaDayStart(filter.from) : undefined,
    to: filter.to ? chinaDayStart(filter.to, 1) : undefined,
  }, before ? Number(before[0]) : null, filter.limit);
  const page = pageOf(rows, filter.limit, (row) => [row.id]);
  return {
    items: page.items.map((row) => ({
      id: row.id,
      at: row.at.toISOString(),
      actor: row.actor_id === null ? null : { id: row.actor_id, name: row.actor_name ?? '' },
      action: row.action as AuditAction,
      subject: row.subject,
      regionCode: row.region_code,
      reason: row.reason,
      details: row.details as Record<string, unknown>,
      hash: row.hash,
    })),
    nextCursor: page.nextCursor,
  };
}

/** Province admins re-check the whole chain. */
export async function verifyAuditLog(ctx: AppContext, actor: Actor) {
  if (!actor.grants.some((grant) => grant.role === 'province_admin')) throw new AppError('FORBIDDEN');
  const { entries, firstBrokenId } = await checkAuditChain(ctx);
  return { ok: firstBrokenId === null, entries, firstBrokenId };
}
