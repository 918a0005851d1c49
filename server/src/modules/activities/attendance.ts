// Check-in and check-out (签到签退), by a rotating QR code the leader shows, by location
// inside the activity's radius, or by the leader marking the roster; then the recording
// organization confirms attendance and the hours go into the ledger.
import { inTransaction, type AppContext } from '../../context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { chinaToday } from '../../lib/id-number.ts';
import { currentCode, isFreshCode, staleCodeError } from '../../lib/qr-token.ts';
import type { Actor } from '../../lib/scope.ts';
import * as hours from '../hours/service.ts';
import * as inbox from '../inbox/service.ts';
import * as volunteers from '../volunteers/service.ts';
import { activityManagedBy } from './access.ts';
import { recordCheckIn } from './check-in-batch.ts';
import * as q from './queries.ts';

/** A check-out within this long of the check-in is taken as a double scan. */
const MIN_SERVICE_MINUTES = 5;

function refuse(zh: string, en: string, field?: string) {
  return new AppError('VALIDATION_FAILED', { ...(field && { field }), detail: { zh, en } });
}

/** The code the leader's screen shows, renewed every window. */
export async function checkInCode(ctx: AppContext, actor: Actor, activityId: number, now = new Date()) {
  await activityManagedBy(ctx, actor, activityId);
  return currentCode(ctx.pii, 'checkin', activityId, now);
}

function checkToken(ctx: AppContext, activityId: number, token: string, now: Date) {
  if (!isFreshCode(ctx.pii, 'checkin', activityId, token, now)) throw staleCodeError();
}

/** Great-circle distance in metres. */
export function distanceMetres(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const h = Math.sin(rad(b.latitude - a.latitude) / 2) ** 2
    + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(rad(b.longitude - a.longitude) / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

export interface Proof {
  token?: string | undefined;
  latitude?: number | undefined;
  longitude?: number | undefined;
  /** Separate consent to use the precise location, for this check only (it is not stored). */
  locationConsent?: boolean | undefined;
}

function verifyPresence(ctx: AppContext, activity: q.ActivityRow, proof: Proof, now: Date): 'qr' | 'location' {
  if (proof.token) {
    checkToken(ctx, activity.id, proof.token, now);
    return 'qr';
  }
  if (proof.latitude === undefined || proof.longitude === undefined) throw refuse('请扫码或定位签到', 'Scan the code or share your location', 'token');
  if (!proof.locationConsent) throw refuse('定位签到须同意使用位置信息', 'Location check-in needs your consent to use the location', 'locationConsent');
  if (activity.latitude === null || activity.longitude === null) throw refuse('该活动未设置签到位置，请扫码签到', 'This activity has no check-in place; scan the code', 'latitude');
  const distance = distanceMetres({ latitude: proof.latitude, longitude: proof.longitude }, { latitude: activity.latitude, longitude: activity.longitude });
  if (distance > activity.checkin_radius_m) {
    throw refuse(`您距活动地点约 ${Math.round(distance)} 米，须在 ${activity.checkin_radius_m} 米内签到`,
      `You are about ${Math.round(distance)} m away; check in within ${activity.checkin_radius_m} m`, 'latitude');
  }
  return 'location';
}

/** The activity and the actor's confirmed sign-up to it, or why there is none. */
async function checkInTarget(ctx: AppContext, actor: Actor, activityId: number) {
  const target = await q.checkInContext(ctx.db, activityId, actor.userId);
  if (!target) throw notFound('id');
  if (target.volunteer_id === null || target.signup_status !== 'confirmed') throw notConfirmed();
  return { activity: target, volunteerId: target.volunteer_id };
}

function notConfirmed() {
  return new AppError('FORBIDDEN', { detail: { zh: '您没有报名成功该活动', en: 'You are not confirmed for this activity' } });
}

/**
 * Checks in; refused while the volunteer's attendance elsewhere covers the same time (an
 * open check-in covers up to its activity's end), so no minute is served twice. A valid
 * code is tried first in one statement; when that inserts nothing, the checks run one by
 * one to find the repeat or say what is wrong.
 */
export async function checkIn(ctx: AppContext, actor: Actor, activityId: number, proof: Proof, now = new Date()) {
  if (ctx.config.maxCheckInsPerDay > 0) await checkDailyCap(ctx, actor.userId, activityId, now);
  if (proof.token && isFreshCode(ctx.pii, 'checkin', activityId, proof.token, now)) {
    const row = await recordCheckIn(ctx.db, { activityId, userId: actor.userId, at: now, method: 'qr' });
    if (row) return checkResult(row, false);
  }
  const { activity, volunteerId } = await checkInTarget(ctx, actor, activityId);
  if (activity.status !== 'published' || now < new Date(activity.starts_at.getTime() - q.CHECK_IN_OPENS_EARLY_MINUTES * 60_000) || now > activity.ends_at) {
    throw refuse('不在签到时间内', 'Check-in is not open now');
  }
  const method = verifyPresence(ctx, activity, proof, now);
  const inserted = await recordCheckIn(ctx.db, { activityId, userId: actor.userId, at: now, method });
  const row = inserted ?? (await q.findAttendance(ctx.db, activityId, volunteerId));
  if (!row) throw await whyNotCheckedIn(ctx, activityId, volunteerId, countedInterval(activity, now, activity.ends_at));
  return checkResult(row, !inserted);
}

function checkResult(row: q.AttendanceRow, repeated: boolean) {
  return { checkedInAt: row.check_in_at.toISOString(), checkedOutAt: row.check_out_at?.toISOString() ?? null, method: row.check_in_method, repeated };
}

/**
 * The local cap on check-ins a day (DOMAIN.md): a repeated scan at the same activity is not
 * another. Two scans of one phone at the same instant could both pass; the cap is against
 * habit, and the ledger never counts a minute twice whatever the check-ins.
 */
async function checkDailyCap(ctx: AppContext, userId: number, activityId: number, now: Date) {
  const cap = ctx.config.maxCheckInsPerDay;
  const dayStart = new Date(`${chinaToday(now)}T00:00:00+08:00`);
  if ((await q.checkInsSince(ctx.db, userId, activityId, dayStart)) >= cap) {
    throw refuse(`每人每天最多签到 ${cap} 次`, `At most ${cap} check-ins a day`);
  }
}

/** The check-in statement inserted nothing and there is no earlier one: say why. */
async function whyNotCheckedIn(ctx: AppContext, activityId: number, volunteerId: number, counted: hours.Interval) {
  const other = await q.overlappingAttendance(ctx.db, volunteerId, activityId, counted.from, counted.to);
  if (other) {
    return refuse(`您在“${other.title}”的签到与本活动时间重叠，请先在该活动签退`, `Your check-in at “${other.title}” overlaps this activity; check out there first`);
  }
  return notConfirmed(); // withdrawn or rejected between the first look and the check-in
}

export async function checkOut(ctx: AppContext, actor: Actor, activityId: number, proof: Proof, now = new Date()) {
  const { activity, volunteerId } = await checkInTarget(ctx, actor, activityId);
  const attendance = await q.findAttendance(ctx.db, activityId, volunteerId);
  if (!attendance) throw refuse('请先签到', 'Check in first');
  if (attendance.check_out_at) return { checkedInAt: attendance.check_in_at.toISOString(), checkedOutAt: attendance.check_out_at.toISOString(), repeated: true };
  if (now.getTime() - attendance.check_in_at.getTime() < MIN_SERVICE_MINUTES * 60_000) {
    throw refuse(`签到后 ${MIN_SERVICE_MINUTES} 分钟内不能签退`, `Check-out opens ${MIN_SERVICE_MINUTES} minutes after check-in`);
  }
  const method = verifyPresence(ctx, activity, proof, now);
  if (!(await q.setCheckOut(ctx.db, activityId, volunteerId, now, method))) {
    // A second scan at the same moment closed it first: report the time it stored.
    const stored = (await q.findAttendance(ctx.db, activityId, volunteerId))!;
    return { checkedInAt: stored.check_in_at.toISOString(), checkedOutAt: stored.check_out_at?.toISOString() ?? null, repeated: true };
  }
  return { checkedInAt: attendance.check_in_at.toISOString(), checkedOutAt: now.toISOString(), repeated: false };
}

/**
 * The leader marks a confirmed volunteer present on the roster, with the times served; not
 * over time the volunteer's attendance at another activity already covers.
 */
export async function markRoster(ctx: AppContext, actor: Actor, activityId: number, volunteerId: number, times: { checkInAt: string; checkOutAt?: string | null }) {
  const activity = await activityManagedBy(ctx, actor, activityId);
  const checkInAt = new Date(times.checkInAt);
  const checkOutAt = times.checkOutAt ? new Date(times.checkOutAt) : null;
  if (checkOutAt && checkOutAt <= checkInAt) throw refuse('签退须晚于签到', 'Check-out must be after check-in', 'checkOutAt');
  if (checkInAt > activity.ends_at) throw refuse('签到时间须在活动结束前', 'Check-in must be before the activity ends', 'checkInAt');
  const counted = countedInterval(activity, checkInAt, checkOutAt ?? activity.ends_at);
  await inTransaction(ctx, async (tx) => {
    // The sign-up held: a rejection meanwhile waits, then finds this attendance and is refused (signups.ts).
    const signup = await q.lockSignup(tx.db, activityId, volunteerId);
    if (signup?.status !== 'confirmed') throw notFound('volunteerId');
    if (await q.overlappingAttendance(tx.db, volunteerId, activityId, counted.from, counted.to)) {
      throw refuse('该志愿者此时段已在其他活动签到，时间不能重叠', 'This volunteer is checked in at another activity during this time', 'checkInAt');
    }
    await q.upsertRosterAttendance(tx.db, { activity_id: activityId, volunteer_id: volunteerId, check_in_at: checkInAt, check_out_at: checkOutAt });
  });
  return rosterOf(ctx, actor, activityId);
}

export async function closeForgottenCheckOuts(ctx: AppContext) {
  return q.closeForgottenCheckOuts(ctx.db);
}

type Window = { starts_at: Date; ends_at: Date };

/** The time that counts: the attendance clipped to the activity's own window (DOMAIN.md); empty when outside it. */
export function countedInterval(activity: Window, checkInAt: Date, checkOutAt: Date): hours.Interval {
  const from = Math.max(checkInAt.getTime(), activity.starts_at.getTime());
  const to = Math.min(checkOutAt.getTime(), activity.ends_at.getTime());
  return { from: new Date(from), to: new Date(Math.max(from, to)) };
}

const minutesOf = (interval: hours.Interval) => Math.floor((interval.to.getTime() - interval.from.getTime()) / 60_000);

/** Minutes actually served. */
export function servedMinutes(activity: Window, checkInAt: Date, checkOutAt: Date): number {
  return minutesOf(countedInterval(activity, checkInAt, checkOutAt));
}

type SkipReason = 'forgot_check_out' | 'not_checked_out' | 'overlaps_recorded';
type AttendanceRow = Awaited<ReturnType<typeof q.unconfirmedAttendance>>[number];

/**
 * What one attendance adds to the ledger, with the volunteer's ledger locked: the minutes
 * and the span they are recorded over, or why the confirmer must state them. Minutes the
 * ledger already holds for this volunteer at another activity are never counted again:
 * an attendance overlapping them waits for the confirmer, and a stated figure may not
 * exceed the activity's time that is still free.
 */
async function countable(ctx: AppContext, activity: q.ActivityRow, row: AttendanceRow, stated: number | undefined): Promise<{ minutes: number; span: hours.Interval } | { reason: SkipReason }> {
  if (stated === undefined && (row.flagged || !row.check_out_at)) return { reason: row.flagged ? 'forgot_check_out' : 'not_checked_out' };
  const window = { from: activity.starts_at, to: activity.ends_at };
  const attended = countedInterval(activity, row.check_in_at, row.check_out_at ?? activity.ends_at);
  const taken = await hours.recordedDuring(ctx, row.volunteer_id, window);
  if (stated === undefined) {
    const minutes = minutesOf(attended);
    if (hours.minutesFree(attended, taken) < minutes) return { reason: 'overlaps_recorded' };
    return { minutes: ctx.config.maxMinutesPerActivity > 0 ? Math.min(minutes, ctx.config.maxMinutesPerActivity) : minutes, span: attended };
  }
  const free = hours.minutesFree(window, taken);
  if (stated > free) {
    const name = (await volunteers.volunteerSummary(ctx, row.volunteer_id))?.name ?? String(row.volunteer_id);
    throw refuse(`${name}在本活动时段内已有服务时长记入其他活动，本活动最多可记 ${free} 分钟`,
      `${name} already has hours recorded at another activity during this one; at most ${free} minutes can be recorded here`, 'adjustments');
  }
  // A figure that does not fit in the attendance's free time is vouched for over the
  // activity's window: the entry's span must hold its minutes, or a later check would miss some.
  return { minutes: stated, span: stated <= hours.minutesFree(attended, taken) ? attended : window };
}

/**
 * The recording organization confirms attendance (谁组织谁记录): each unconfirmed, closed
 * attendance of a confirmed sign-up becomes a ledger entry, in one transaction. Flagged
 * ones (closed automatically) and ones overlapping time the volunteer's ledger already
 * holds need the minutes stated by the confirmer; others may be adjusted.
 */
export async function confirmAttendance(ctx: AppContext, actor: Actor, activityId: number, adjustments: { volunteerId: number; minutes: number }[] = []) {
  const activity = await activityManagedBy(ctx, actor, activityId);
  if (activity.ends_at > new Date()) throw refuse('活动结束后才能确认时长', 'Hours are confirmed after the activity ends');
  const stated = new Map(adjustments.map((a) => [a.volunteerId, a.minutes]));
  const maxMinutes = Math.floor((activity.ends_at.getTime() - activity.starts_at.getTime()) / 60_000);
  const cap = ctx.config.maxMinutesPerActivity;
  for (const minutes of stated.values()) {
    if (minutes > maxMinutes) throw refuse(`时长不能超过活动时长 ${maxMinutes} 分钟`, `Minutes cannot exceed the activity’s ${maxMinutes}`, 'adjustments');
    if (cap > 0 && minutes > cap) throw refuse(`每次活动最多记 ${cap} 分钟（本地规定）`, `At most ${cap} minutes count for one activity (local rule)`, 'adjustments');
  }
  return inTransaction(ctx, async (tx) => {
    // The ledgers first, before any attendance row, in the order every confirmation takes
    // them: two confirmations of overlapping activities then count the overlap once.
    const locked = new Set(await q.unconfirmedVolunteerIds(tx.db, activityId));
    await hours.lockLedgers(tx, [...locked]);
    await q.closeForgottenCheckOuts(tx.db, activityId);
    const recorded: { volunteerId: number; minutes: number }[] = [];
    const skipped: { volunteerId: number; reason: SkipReason }[] = [];
    for (const row of await q.unconfirmedAttendance(tx.db, activityId)) {
      // Marked on the roster between the two reads: lock now (no other ledger waits on this row).
      if (!locked.has(row.volunteer_id)) await hours.lockLedgers(tx, [row.volunteer_id]);
      const outcome = await countable(tx, activity, row, stated.get(row.volunteer_id));
      if ('reason' in outcome) {
        skipped.push({ volunteerId: row.volunteer_id, reason: outcome.reason });
        continue;
      }
      const { minutes, span } = outcome;
      await hours.recordServiceHours(tx, {
        volunteerId: row.volunteer_id, source: 'activity', sourceId: activityId, projectId: activity.project_id,
        organizationId: activity.organization_id, siteId: activity.site_id, regionCode: activity.region_code,
        startedAt: span.from, endedAt: span.to, minutes, content: activity.title, recordedBy: actor.userId,
      });
      await q.markConfirmed(tx.db, activityId, row.volunteer_id, actor.userId);
      const person = await volunteers.volunteerSummary(tx, row.volunteer_id);
      await inbox.notify(tx, [person?.userId], {
        kind: 'hours_recorded', title: `服务时长已记录：${activity.title}`,
        body: `“${activity.title}”的服务时长 ${hours.hoursOf(minutes)} 小时已记入您的志愿服务记录。`, link: '/m/hours',
      });
      recorded.push({ volunteerId: row.volunteer_id, minutes });
    }
    return { recorded, skipped };
  });
}

export async function rosterOf(ctx: AppContext, actor: Actor, activityId: number) {
  await activityManagedBy(ctx, actor, activityId);
  const rows = await q.roster(ctx.db, activityId);
  return {
    items: rows.map((row) => ({
      volunteerId: row.id, name: row.name, volunteerNo: row.volunteer_no, phoneMasked: row.phone_masked, status: row.status,
      checkInAt: row.check_in_at?.toISOString() ?? null, checkInMethod: row.check_in_method ?? null,
      checkOutAt: row.check_out_at?.toISOString() ?? null, checkOutMethod: row.check_out_method ?? null,
      flagged: row.flagged ?? false, confirmed: row.confirmed_at !== null,
    })),
  };
}
