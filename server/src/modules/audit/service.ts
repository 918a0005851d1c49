// The audit log: who read or exported whose personal data, and why. Each entry carries
// the hash of the one before it, so an edited or deleted entry breaks the chain.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { inTransaction, type AppContext } from '../../context.ts';

export type AuditAction = 'reveal' | 'export' | 'import' | 'read_recipient';

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

/** Recomputes the chain; returns the id of the first entry that does not fit, or null. */
export async function verifyAuditChain(ctx: AppContext): Promise<number | null> {
  const rows = await ctx.db.selectFrom('audit_log').selectAll().orderBy('id').execute();
  let prev = GENESIS;
  for (const row of rows) {
    const expected = entryHash(prev, row.at, {
      actorId: row.actor_id, action: row.action as AuditAction, subject: row.subject, regionCode: row.region_code,
      reason: row.reason, details: row.details as Record<string, unknown>,
    });
    if (row.prev_hash !== prev || row.hash !== expected) return row.id;
    prev = row.hash;
  }
  return null;
}

export function auditEntriesFor(ctx: AppContext, subject: string) {
  return ctx.db.selectFrom('audit_log').selectAll().where('subject', '=', subject).orderBy('id').execute();
}
