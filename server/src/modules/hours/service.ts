// The service-hour ledger (志愿服务时长). Entries are only ever added: a correction is a
// reversing entry (negative minutes, reason, actor) plus, when needed, a new entry. Totals
// and last-served dates are kept in the same transaction, so they never drift from the
// entries; the same service can be recorded once (a unique index on the attempt).
import { inTransaction, type AppContext } from '../../context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { decodeCursor, pageOf } from '../../lib/paging.ts';
import { requireAdmin, requireInScope, type Actor } from '../../lib/scope.ts';
import { recordAudit } from '../audit/service.ts';
import * as volunteers from '../volunteers/service.ts';
import * as q from './queries.ts';

export type HourSource = 'activity' | 'order' | 'wish';

/** One recorded service: what the recording organization certifies. */
export interface ServiceHourEntry {
  volunteerId: number;
  source: HourSource;
  sourceId: number;
  projectId?: number | null;
  organizationId?: number | null;
  siteId: number;
  regionCode: string;
  startedAt: Date;
  endedAt: Date;
  minutes: number;
  content?: string | null;
  recordedBy: number | null;
}

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';

/**
 * Records hours for one service, inside the caller's transaction when there is one. A
 * second recording of the same service is refused unless the earlier one was reversed.
 */
export function recordServiceHours(ctx: AppContext, entry: ServiceHourEntry) {
  return inTransaction(ctx, (tx) => recordIn(tx, entry));
}

/**
 * The entries of one service several people gave (a delivered order, a fulfilled wish), with
 * their ledgers locked first in the order a confirmation takes them (lockLedgers): in
 * the people's own order, two such transactions could each hold a ledger the other waits on.
 */
export function recordServiceHoursOfAll(ctx: AppContext, entries: ServiceHourEntry[]) {
  return inTransaction(ctx, async (tx) => {
    await lockLedgers(tx, entries.map((entry) => entry.volunteerId));
    for (const entry of entries) await recordIn(tx, entry);
  });
}

async function recordIn(ctx: AppContext, entry: ServiceHourEntry) {
  if (!Number.isInteger(entry.minutes) || entry.minutes < 0) throw new AppError('VALIDATION_FAILED', { field: 'minutes' });
  const earlier = await q.entriesFor(ctx.db, entry.volunteerId, entry.source, entry.sourceId);
  if (earlier.some((row) => !row.reversed)) throw new AppError('ALREADY_RECORDED');
  try {
    const row = await q.insertEntry(ctx.db, {
      volunteer_id: entry.volunteerId, source: entry.source, source_id: entry.sourceId, attempt: earlier.length + 1,
      project_id: entry.projectId ?? null, organization_id: entry.organizationId ?? null, site_id: entry.siteId, region_code: entry.regionCode,
      started_at: entry.startedAt, ended_at: entry.endedAt, minutes: entry.minutes, kind: 'service', content: entry.content ?? null,
      recorded_by: entry.recordedBy,
    });
    await q.addToTotals(ctx.db, entry.volunteerId, entry.minutes, 1);
    await q.refreshLastServed(ctx.db, entry.volunteerId);
    return row;
  } catch (error) {
    // A concurrent recording of the same service took the attempt number first.
    if (isUniqueViolation(error)) throw new AppError('ALREADY_RECORDED');
    throw error;
  }
}

/** A span of time, start included, end excluded. */
export interface Interval {
  from: Date;
  to: Date;
}

/**
 * Holds the volunteers' ledgers until the caller's transaction ends: a check of the time
 * already recorded and the entry it allows are then one step, whoever else confirms.
 */
export function lockLedgers(ctx: AppContext, volunteerIds: number[]) {
  return q.lockVolunteers(ctx.db, volunteerIds);
}

/** The times of the volunteer's standing activity entries that overlap the interval, clipped to it. */
export async function recordedDuring(ctx: AppContext, volunteerId: number, within: Interval): Promise<Interval[]> {
  const rows = await q.activityTimesWithin(ctx.db, volunteerId, within.from, within.to);
  return rows.map((row) => ({
    from: new Date(Math.max(row.started_at.getTime(), within.from.getTime())),
    to: new Date(Math.min(row.ended_at.getTime(), within.to.getTime())),
  }));
}

/**
 * Whole minutes of the interval outside every taken one. An entry's whole span counts as
 * taken even when it holds fewer minutes: which of its minutes were served is not known,
 * and counting them twice is the one thing the ledger must never do.
 */
export function minutesFree(interval: Interval, taken: Interval[]): number {
  let free = 0;
  let cursor = interval.from.getTime();
  const end = interval.to.getTime();
  for (const span of [...taken].sort((a, b) => a.from.getTime() - b.from.getTime())) {
    free += Math.max(0, Math.min(span.from.getTime(), end) - cursor);
    cursor = Math.max(cursor, span.to.getTime());
  }
  free += Math.max(0, end - cursor);
  return Math.floor(free / 60_000);
}

/** Cancels an entry with a reversing entry; the original stays, marked by it. */
export function reverseEntry(ctx: AppContext, entryId: number, reason: string, by: number) {
  return inTransaction(ctx, (tx) => reverseIn(tx, entryId, reason, by));
}

async function reverseIn(ctx: AppContext, entryId: number, reason: string, by: number) {
  const original = await q.findEntry(ctx.db, entryId);
  if (!original || original.kind !== 'service') throw notFound('entryId');
  if (await q.isReversed(ctx.db, entryId)) throw new AppError('ALREADY_REVERSED');
  try {
    const reversal = await q.insertEntry(ctx.db, {
      volunteer_id: original.volunteer_id, source: original.source, source_id: original.source_id, attempt: original.attempt,
      project_id: original.project_id, organization_id: original.organization_id, site_id: original.site_id, region_code: original.region_code,
      started_at: original.started_at, ended_at: original.ended_at, minutes: -original.minutes, kind: 'reversal', reverses_id: original.id,
      reason, recorded_by: by,
    });
    await q.addToTotals(ctx.db, original.volunteer_id, -original.minutes, -1);
    await q.refreshLastServed(ctx.db, original.volunteer_id);
    return reversal;
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('ALREADY_REVERSED');
    throw error;
  }
}

/**
 * Reverses every standing entry of one service (e.g. an order reopened after delivery),
 * inside the caller's transaction, so the service can be recorded afresh; returns how many.
 */
export function reverseServiceHours(ctx: AppContext, service: { source: HourSource; sourceId: number }, reason: string, by: number) {
  return inTransaction(ctx, async (tx) => {
    const standing = await q.standingEntriesOf(tx.db, service.source, service.sourceId);
    await lockLedgers(tx, standing.map((entry) => entry.volunteer_id)); // as recordServiceHoursOfAll
    for (const entry of standing) await reverseIn(tx, entry.id, reason, by);
    return standing.length;
  });
}

/** Reverses an entry and records the right hours in its place, atomically. */
export async function correctEntry(ctx: AppContext, entryId: number, change: { minutes: number; reason: string }, by: number) {
  return inTransaction(ctx, async (tx) => {
    const original = await q.findEntry(tx.db, entryId);
    if (!original || original.kind !== 'service') throw notFound('entryId');
    const reversal = await reverseEntry(tx, entryId, change.reason, by);
    const replacement = await recordServiceHours(tx, {
      volunteerId: original.volunteer_id, source: original.source as HourSource, sourceId: original.source_id,
      projectId: original.project_id, organizationId: original.organization_id, siteId: original.site_id, regionCode: original.region_code,
      startedAt: original.started_at, endedAt: original.ended_at, minutes: change.minutes, content: original.content, recordedBy: by,
    });
    return { reversal, replacement };
  });
}

/** Stars from total hours against the configured thresholds (DOMAIN.md). */
export function starRating(minutes: number, starHours: number[]): number {
  return starHours.filter((hours) => minutes >= hours * 60).length;
}

export const hoursOf = (minutes: number) => Math.round(minutes / 6) / 10;

function presentEntry(row: Awaited<ReturnType<typeof q.ledgerOf>>[number] & { volunteer_name?: string; volunteer_no?: string }) {
  return {
    id: row.id,
    kind: row.kind as 'service' | 'reversal',
    source: row.source as HourSource,
    sourceId: row.source_id,
    title: row.activity_title ?? null,
    organizationName: row.organization_name ?? null,
    siteName: row.site_name ?? null,
    startedAt: row.started_at.toISOString(),
    endedAt: row.ended_at.toISOString(),
    minutes: row.minutes,
    hours: hoursOf(row.minutes),
    reversesId: row.reverses_id,
    reversed: row.reversed,
    reason: row.reason,
    disputeStatus: row.dispute_status as 'open' | 'corrected' | 'rejected' | null,
    recordedAt: row.recorded_at.toISOString(),
    ...(row.volunteer_name ? { volunteer: { id: row.volunteer_id, name: row.volunteer_name, volunteerNo: row.volunteer_no ?? '' } } : {}),
  };
}

/** The signed-in volunteer's hours, stars and history. */
export async function myHours(ctx: AppContext, actor: Actor, page: { cursor?: string | undefined; limit: number }) {
  const me = await volunteers.volunteerOfUser(ctx, actor.userId);
  if (!me) throw notFound();
  const totals = await q.totalsOf(ctx.db, me.id);
  const minutes = totals?.minutes ?? 0;
  const stars = starRating(minutes, ctx.config.starHours);
  const before = decodeCursor(page.cursor);
  const rows = await q.ledgerOf(ctx.db, me.id, before ? Number(before[0]) : null, page.limit);
  const entries = pageOf(rows, page.limit, (row) => [row.id]);
  return {
    minutes,
    hours: hoursOf(minutes),
    records: totals?.entries ?? 0,
    stars,
    nextStarHours: ctx.config.starHours[stars] ?? null,
    hoursToNextStar: ctx.config.starHours[stars] === undefined ? null : Math.max(0, Math.round((ctx.config.starHours[stars]! - minutes / 60) * 10) / 10),
    items: entries.items.map(presentEntry),
    nextCursor: entries.nextCursor,
  };
}

export async function scopedLedger(ctx: AppContext, actor: Actor, filter: { volunteerId?: number | undefined; cursor?: string | undefined; limit: number }) {
  requireAdmin(actor);
  const before = decodeCursor(filter.cursor);
  const rows = await q.scopedLedger(ctx.db, actor, filter, before ? Number(before[0]) : null, filter.limit);
  const page = pageOf(rows, filter.limit, (row) => [row.id]);
  return { items: page.items.map(presentEntry), nextCursor: page.nextCursor };
}

/** A staff change to the ledger, in the audit log under the entry it changed. */
function auditLedger(
  ctx: AppContext, actor: Actor, action: 'hours_reverse' | 'hours_correct' | 'dispute_resolve', subject: string,
  change: { regionCode: string; reason: string; details: Record<string, unknown> },
) {
  return recordAudit(ctx, { actorId: actor.userId, action, subject, regionCode: change.regionCode, reason: change.reason, details: change.details });
}

/** Staff of the recording area correct an entry (reason required). */
export async function correctAsStaff(ctx: AppContext, actor: Actor, entryId: number, change: { minutes: number; reason: string }) {
  const entry = await requireInScope(actor, () => q.findScopedEntry(ctx.db, actor, entryId), 'entryId');
  return inTransaction(ctx, async (tx) => {
    const result = await correctEntry(tx, entryId, change, actor.userId);
    await auditLedger(tx, actor, 'hours_correct', `service_hours:${entryId}`, {
      regionCode: entry.region_code, reason: change.reason,
      details: { volunteerId: entry.volunteer_id, minutes: entry.minutes, newMinutes: change.minutes, reversalId: result.reversal.id, replacementId: result.replacement.id },
    });
    return result;
  });
}

export async function reverseAsStaff(ctx: AppContext, actor: Actor, entryId: number, reason: string) {
  const entry = await requireInScope(actor, () => q.findScopedEntry(ctx.db, actor, entryId), 'entryId');
  return inTransaction(ctx, async (tx) => {
    const reversal = await reverseEntry(tx, entryId, reason, actor.userId);
    await auditLedger(tx, actor, 'hours_reverse', `service_hours:${entryId}`, {
      regionCode: entry.region_code, reason, details: { volunteerId: entry.volunteer_id, minutes: entry.minutes, reversalId: reversal.id },
    });
    return reversal;
  });
}

/** A volunteer disputes one of their own entries; the recording area's staff resolve it. */
export async function disputeEntry(ctx: AppContext, actor: Actor, entryId: number, claim: { claim: string; claimedMinutes?: number | undefined }) {
  const me = await volunteers.volunteerOfUser(ctx, actor.userId);
  const entry = await q.findEntry(ctx.db, entryId);
  if (!me || !entry || entry.volunteer_id !== me.id || entry.kind !== 'service') throw notFound('entryId');
  const dispute = await q.insertDispute(ctx.db, {
    entry_id: entryId, volunteer_id: me.id, region_code: entry.region_code, claim: claim.claim, claimed_minutes: claim.claimedMinutes ?? null,
  });
  if (!dispute) throw new AppError('CONFLICT', { detail: { zh: '该记录已有待处理的申诉', en: 'This entry already has an open dispute' } });
  return { id: dispute.id, entryId, status: dispute.status };
}

export async function listDisputes(ctx: AppContext, actor: Actor, page: { cursor?: string | undefined; limit: number }) {
  requireAdmin(actor);
  const after = decodeCursor(page.cursor);
  const rows = await q.openDisputes(ctx.db, actor, after ? Number(after[0]) : null, page.limit);
  const result = pageOf(rows, page.limit, (row) => [row.id]);
  return {
    items: result.items.map((row) => ({
      id: row.id, entryId: row.entry_id, volunteerName: row.volunteer_name, claim: row.claim, claimedMinutes: row.claimed_minutes,
      recordedMinutes: row.minutes, status: row.status, createdAt: row.created_at.toISOString(),
    })),
    nextCursor: result.nextCursor,
  };
}

export async function resolveDispute(
  ctx: AppContext, actor: Actor, disputeId: number, decision: { decision: 'correct' | 'reject'; minutes?: number | undefined; resolution: string },
) {
  requireAdmin(actor);
  return inTransaction(ctx, async (tx) => {
    const dispute = await q.lockOpenDispute(tx.db, actor, disputeId);
    if (!dispute) throw notFound('id');
    if (decision.decision === 'correct') {
      if (decision.minutes === undefined) throw new AppError('VALIDATION_FAILED', { field: 'minutes' });
      await correctEntry(tx, dispute.entry_id, { minutes: decision.minutes, reason: `申诉更正：${decision.resolution}` }, actor.userId);
    }
    await q.resolveDispute(tx.db, disputeId, { status: decision.decision === 'correct' ? 'corrected' : 'rejected', text: decision.resolution, by: actor.userId });
    await auditLedger(tx, actor, 'dispute_resolve', `hour_dispute:${disputeId}`, {
      regionCode: dispute.region_code, reason: decision.resolution,
      details: { entryId: dispute.entry_id, decision: decision.decision, ...(decision.decision === 'correct' ? { newMinutes: decision.minutes } : {}) },
    });
    return { id: disputeId, entryId: dispute.entry_id, status: decision.decision === 'correct' ? 'corrected' : 'rejected' };
  });
}
