// Check-in and check-out (签到签退), by a rotating QR code the leader shows, by location
// inside the activity's radius, or by the leader marking the roster; then the recording
// organization confirms attendance and the hours go into the ledger.
import { inTransaction, type AppContext } from '../../context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { currentCode, isFreshCode, staleCodeError } from '../../lib/qr-token.ts';
import type { Actor } from '../../lib/scope.ts';
import * as hours from '../hours/service.ts';
import * as inbox from '../inbox/service.ts';
import * as volunteers from '../volunteers/service.ts';
import { activityManagedBy } from './access.ts';
import * as q from './queries.ts';

/** Check-in opens this long before the start. */
const EARLY_MINUTES = 30;
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
  if (target.volunteer_id === null || target.signup_status !== 'confirmed') {
    throw new AppError('FORBIDDEN', { detail: { zh: '您没有报名成功该活动', en: 'You are not confirmed for this activity' } });
  }
  return { activity: target, volunteerId: target.volunteer_id };
}

export async function checkIn(ctx: AppContext, actor: Actor, activityId: number, proof: Proof, now = new Date()) {
  const { activity, volunteerId } = await checkInTarget(ctx, actor, activityId);
  if (activity.status !== 'published' || now < new Date(activity.starts_at.getTime() - EARLY_MINUTES * 60_000) || now > activity.ends_at) {
    throw refuse('不在签到时间内', 'Check-in is not open now');
  }
  const method = verifyPresence(ctx, activity, proof, now);
  const inserted = await q.insertCheckIn(ctx.db, { activity_id: activityId, volunteer_id: volunteerId, check_in_at: now, check_in_method: method });
  const row = inserted ?? (await q.findAttendance(ctx.db, activityId, volunteerId))!;
  return { checkedInAt: row.check_in_at.toISOString(), checkedOutAt: row.check_out_at?.toISOString() ?? null, method: row.check_in_method, repeated: !inserted };
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

/** The leader marks a confirmed volunteer present on the roster, with the times served. */
export async function markRoster(ctx: AppContext, actor: Actor, activityId: number, volunteerId: number, times: { checkInAt: string; checkOutAt?: string | null }) {
  const activity = await activityManagedBy(ctx, actor, activityId);
  const signup = await q.findSignup(ctx.db, activityId, volunteerId);
  if (signup?.status !== 'confirmed') throw notFound('volunteerId');
  const checkInAt = new Date(times.checkInAt);
  const checkOutAt = times.checkOutAt ? new Date(times.checkOutAt) : null;
  if (checkOutAt && checkOutAt <= checkInAt) throw refuse('签退须晚于签到', 'Check-out must be after check-in', 'checkOutAt');
  if (checkInAt > activity.ends_at) throw refuse('签到时间须在活动结束前', 'Check-in must be before the activity ends', 'checkInAt');
  await q.upsertRosterAttendance(ctx.db, { activity_id: activityId, volunteer_id: volunteerId, check_in_at: checkInAt, check_out_at: checkOutAt });
  return rosterOf(ctx, actor, activityId);
}

export async function closeForgottenCheckOuts(ctx: AppContext) {
  return q.closeForgottenCheckOuts(ctx.db);
}

/** Minutes actually served: the attendance clipped to the activity's own window (DOMAIN.md). */
export function servedMinutes(activity: { starts_at: Date; ends_at: Date }, checkInAt: Date, checkOutAt: Date): number {
  const start = Math.max(checkInAt.getTime(), activity.starts_at.getTime());
  const end = Math.min(checkOutAt.getTime(), activity.ends_at.getTime());
  return Math.max(0, Math.floor((end - start) / 60_000));
}

/**
 * The recording organization confirms attendance (谁组织谁记录): each unconfirmed, closed
 * attendance becomes a ledger entry, in one transaction. Flagged ones (closed
 * automatically) need the minutes stated by the confirmer; others may be adjusted.
 */
export async function confirmAttendance(ctx: AppContext, actor: Actor, activityId: number, adjustments: { volunteerId: number; minutes: number }[] = []) {
  const activity = await activityManagedBy(ctx, actor, activityId);
  if (activity.ends_at > new Date()) throw refuse('活动结束后才能确认时长', 'Hours are confirmed after the activity ends');
  const stated = new Map(adjustments.map((a) => [a.volunteerId, a.minutes]));
  const maxMinutes = Math.floor((activity.ends_at.getTime() - activity.starts_at.getTime()) / 60_000);
  for (const minutes of stated.values()) {
    if (minutes > maxMinutes) throw refuse(`时长不能超过活动时长 ${maxMinutes} 分钟`, `Minutes cannot exceed the activity’s ${maxMinutes}`, 'adjustments');
  }
  return inTransaction(ctx, async (tx) => {
    await q.closeForgottenCheckOuts(tx.db, activityId);
    const recorded: { volunteerId: number; minutes: number }[] = [];
    const skipped: { volunteerId: number; reason: string }[] = [];
    for (const row of await q.unconfirmedAttendance(tx.db, activityId)) {
      const minutes = stated.get(row.volunteer_id) ?? (row.flagged || !row.check_out_at ? null : servedMinutes(activity, row.check_in_at, row.check_out_at));
      if (minutes === null) {
        skipped.push({ volunteerId: row.volunteer_id, reason: row.flagged ? 'forgot_check_out' : 'not_checked_out' });
        continue;
      }
      await hours.recordServiceHours(tx, {
        volunteerId: row.volunteer_id, source: 'activity', sourceId: activityId, projectId: activity.project_id,
        organizationId: activity.organization_id, siteId: activity.site_id, regionCode: activity.region_code,
        startedAt: row.check_in_at, endedAt: row.check_out_at ?? activity.ends_at, minutes, content: activity.title, recordedBy: actor.userId,
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
