// Activities (志愿服务活动) under projects: published with a place, time window, quota and
// requirements; recurring weekly from a template; cancelled with a message to everyone
// signed up. Sign-up lives in signups.ts, check-in and confirmation in attendance.ts.
import { randomUUID } from 'node:crypto';
import { inTransaction, type AppContext } from '../../context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { decodeCursor, pageOf } from '../../lib/paging.ts';
import { requireAdmin, type Actor } from '../../lib/scope.ts';
import * as inbox from '../inbox/service.ts';
import * as projects from '../projects/service.ts';
import * as sites from '../sites/service.ts';
import * as training from '../training/service.ts';
import * as volunteers from '../volunteers/service.ts';
import { activityManagedBy } from './access.ts';
import { fillNewSeats, type SignupStatus } from './signups.ts';
import * as q from './queries.ts';

export { signUp, cancelSignup, decideSignup, mySignups } from './signups.ts';
export { checkInCode, checkIn, checkOut, markRoster, confirmAttendance, closeForgottenCheckOuts, rosterOf } from './attendance.ts';
export { rateActivity, rateVolunteer } from './evaluations.ts';

const WEEK_MS = 7 * 24 * 3600 * 1000;

export interface ActivityInput {
  projectId: number;
  title: string;
  description?: string | null | undefined;
  siteId: number;
  address?: string | null | undefined;
  longitude?: number | null | undefined;
  latitude?: number | null | undefined;
  checkinRadiusM?: number | undefined;
  startsAt: string;
  endsAt: string;
  recruitFrom?: string | undefined;
  recruitUntil?: string | undefined;
  quota: number;
  requiresApproval?: boolean | undefined;
  minAge?: number | null | undefined;
  requiredSkills?: string[] | undefined;
  riskFlagged?: boolean | undefined;
  insuranceRef?: string | null | undefined;
  /** A qualification from a training course that volunteers must hold to sign up. */
  requiredQualification?: string | null | undefined;
  /** Further copies, one week apart each (weekly recurrence). */
  repeatWeeks?: number | undefined;
}

export function present(row: q.ActivityWithNames, extra: { distanceKm?: number | null } = {}) {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    category: row.category,
    project: { id: row.project_id, name: row.project_name },
    organization: { id: row.organization_id, name: row.organization_name },
    site: { id: row.site_id, name: row.site_name, regionCode: row.region_code },
    address: row.address,
    longitude: row.longitude,
    latitude: row.latitude,
    checkinRadiusM: row.checkin_radius_m,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    recruitFrom: row.recruit_from.toISOString(),
    recruitUntil: row.recruit_until.toISOString(),
    quota: row.quota,
    confirmedCount: row.confirmed_count,
    waitlistCount: row.waitlist_count,
    requiresApproval: row.requires_approval,
    minAge: row.min_age,
    requiredSkills: row.required_skills,
    riskFlagged: row.risk_flagged,
    insuranceRef: row.insurance_ref,
    requiredQualification: row.required_qualification,
    peopleServed: row.people_served,
    recurrenceId: row.recurrence_id,
    status: row.status as 'published' | 'cancelled' | 'finished',
    cancelReason: row.cancel_reason,
    ...(extra.distanceKm !== undefined && { distanceKm: extra.distanceKm === null ? null : Math.round(extra.distanceKm * 10) / 10 }),
  };
}

function invalid(field: string, zh: string, en: string) {
  return new AppError('VALIDATION_FAILED', { field, detail: { zh, en } });
}

/**
 * A required qualification, trimmed (blank: none), that a published course open to the
 * activity's volunteers grants: a typo would make an activity nobody can sign up for.
 */
async function knownQualification(ctx: AppContext, wanted: string | null | undefined, regionCode: string) {
  const qualification = wanted?.trim() || null;
  if (qualification && !(await training.qualificationOffered(ctx, qualification, regionCode))) {
    throw invalid(
      'requiredQualification',
      `没有可取得“${qualification}”资质的培训课程，请先发布授予该资质的课程`,
      `No course open to this area grants the “${qualification}” qualification; publish one first`,
    );
  }
  return qualification;
}

function checkTimes(startsAt: Date, endsAt: Date, recruitFrom: Date, recruitUntil: Date) {
  if (!(endsAt > startsAt)) throw invalid('endsAt', '结束时间须晚于开始时间', 'The end must be after the start');
  if (recruitUntil < recruitFrom) throw invalid('recruitUntil', '招募截止须晚于招募开始', 'Recruitment must end after it starts');
  if (recruitUntil > endsAt) throw invalid('recruitUntil', '招募截止不能晚于活动结束', 'Recruitment cannot end after the activity');
}

export async function createActivities(ctx: AppContext, actor: Actor, input: ActivityInput) {
  const project = await projects.projectManagedBy(ctx, actor, input.projectId);
  if (!project) throw notFound('projectId');
  if (!['approved', 'running'].includes(project.status)) {
    throw invalid('projectId', '项目须先通过审核才能发布活动', 'The project must be approved before it publishes activities');
  }
  const site = await sites.findSite(ctx, input.siteId);
  if (!site || site.regionCode.slice(0, 6) !== project.region_code.slice(0, 6)) throw notFound('siteId');
  if (input.riskFlagged && !input.insuranceRef) {
    throw invalid('insuranceRef', '有风险的活动须先登记保险', 'A risk-flagged activity needs an insurance record first');
  }
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  const recruitFrom = input.recruitFrom ? new Date(input.recruitFrom) : new Date();
  const recruitUntil = input.recruitUntil ? new Date(input.recruitUntil) : startsAt;
  checkTimes(startsAt, endsAt, recruitFrom, recruitUntil);
  const requiredQualification = await knownQualification(ctx, input.requiredQualification, site.regionCode);
  const longitude = input.longitude ?? site.longitude;
  const latitude = input.latitude ?? site.latitude;
  if ((longitude == null) !== (latitude == null)) throw invalid('latitude', '经度和纬度须同时填写', 'Longitude and latitude go together');
  const copies = (input.repeatWeeks ?? 0) + 1;
  const recurrenceId = copies > 1 ? randomUUID() : null;
  const shift = (date: Date, week: number) => new Date(date.getTime() + week * WEEK_MS);
  const rows = Array.from({ length: copies }, (_, week) => ({
    project_id: project.id,
    title: input.title.trim(),
    description: input.description ?? null,
    category: project.category,
    site_id: site.id,
    region_code: site.regionCode,
    address: input.address ?? site.address,
    longitude: longitude ?? null,
    latitude: latitude ?? null,
    checkin_radius_m: input.checkinRadiusM ?? 300,
    starts_at: shift(startsAt, week),
    ends_at: shift(endsAt, week),
    recruit_from: week === 0 ? recruitFrom : shift(recruitFrom, week),
    recruit_until: shift(recruitUntil, week),
    quota: input.quota,
    requires_approval: input.requiresApproval ?? false,
    min_age: input.minAge ?? null,
    required_skills: input.requiredSkills ?? [],
    risk_flagged: input.riskFlagged ?? false,
    insurance_ref: input.insuranceRef ?? null,
    required_qualification: requiredQualification,
    recurrence_id: recurrenceId,
    created_by: actor.userId,
  }));
  const ids = await inTransaction(ctx, async (tx) => {
    const inserted = await q.insertActivities(tx.db, rows);
    await projects.markRunning(tx, project.id);
    return inserted.map((row) => row.id);
  });
  return Promise.all(ids.map(async (id) => present((await q.findActivity(ctx.db, id))!)));
}

/** One activity, with the asking volunteer's own sign-up status (null when none). */
export async function getActivity(ctx: AppContext, id: number, actor?: Actor) {
  const row = await q.findActivity(ctx.db, id);
  if (!row) throw notFound('id');
  const me = actor ? await volunteers.volunteerOfUser(ctx, actor.userId) : null;
  const signup = me ? await q.findSignup(ctx.db, id, me.id) : undefined;
  return { ...present(row), mySignup: (signup?.status as SignupStatus | undefined) ?? null };
}

export async function listActivities(ctx: AppContext, actor: Actor, filter: q.ActivityFilter & { cursor?: string | undefined; limit: number }) {
  requireAdmin(actor);
  const after = decodeCursor(filter.cursor);
  const key = after ? ([String(after[0]), Number(after[1])] as [string, number]) : null;
  const rows = await q.listScopedActivities(ctx.db, actor, filter, key, filter.limit);
  const page = pageOf(rows, filter.limit, (row) => [row.starts_at.toISOString(), row.id]);
  return { items: page.items.map((row) => present(row)), nextCursor: page.nextCursor };
}

/** Activities open for sign-up: nearest to the phone first, or soonest. */
export async function browseActivities(ctx: AppContext, filter: { latitude?: number; longitude?: number; radiusKm?: number; category?: string; under?: string; limit: number }) {
  const rows = await q.browseActivities(ctx.db, { ...filter, radiusKm: filter.radiusKm ?? 20 }, filter.limit);
  return { items: rows.map((row) => present(row, { distanceKm: row.distance_km })) };
}

export interface ActivityPatch {
  title?: string;
  description?: string | null;
  quota?: number;
  peopleServed?: number;
  /** Applies to sign-ups from now on; those already made stand. */
  requiredQualification?: string | null;
  startsAt?: string;
  endsAt?: string;
  recruitFrom?: string;
  recruitUntil?: string;
  address?: string | null;
  longitude?: number | null;
  latitude?: number | null;
  checkinRadiusM?: number;
  minAge?: number | null;
  requiredSkills?: string[];
}

const cleanSkills = (skills: string[]) => skills.map((skill) => skill.trim()).filter(Boolean);
const instant = (value: string) => new Date(value).getTime();

/**
 * What only changes before the activity starts (its time and place, and who may sign up),
 * each with "does the patch change it": a form sending back the same values changes nothing.
 */
const beforeStart: Record<string, (patch: ActivityPatch, row: q.ActivityRow) => boolean> = {
  startsAt: (p, row) => p.startsAt !== undefined && instant(p.startsAt) !== row.starts_at.getTime(),
  endsAt: (p, row) => p.endsAt !== undefined && instant(p.endsAt) !== row.ends_at.getTime(),
  recruitFrom: (p, row) => p.recruitFrom !== undefined && instant(p.recruitFrom) !== row.recruit_from.getTime(),
  recruitUntil: (p, row) => p.recruitUntil !== undefined && instant(p.recruitUntil) !== row.recruit_until.getTime(),
  address: (p, row) => p.address !== undefined && (p.address?.trim() || null) !== row.address,
  longitude: (p, row) => p.longitude !== undefined && p.longitude !== row.longitude,
  latitude: (p, row) => p.latitude !== undefined && p.latitude !== row.latitude,
  checkinRadiusM: (p, row) => p.checkinRadiusM !== undefined && p.checkinRadiusM !== row.checkin_radius_m,
  minAge: (p, row) => p.minAge !== undefined && p.minAge !== row.min_age,
  requiredSkills: (p, row) => p.requiredSkills !== undefined && cleanSkills(p.requiredSkills).join('\n') !== row.required_skills.join('\n'),
};

const refuseEdit = (zh: string, en: string) => new AppError('CONFLICT', { detail: { zh, en } });
const sameTime = (a: Date, b: Date) => a.getTime() === b.getTime();

/**
 * The new time and place, checked: a start still ahead, an end after it, recruitment inside
 * them; and no move at all once someone has checked in (check-in opens before the start,
 * and their check-in was taken against the old window and place).
 */
async function rescheduled(ctx: AppContext, row: q.ActivityRow, patch: ActivityPatch, now: Date) {
  const startsAt = patch.startsAt !== undefined ? new Date(patch.startsAt) : row.starts_at;
  const endsAt = patch.endsAt !== undefined ? new Date(patch.endsAt) : row.ends_at;
  const recruitFrom = patch.recruitFrom !== undefined ? new Date(patch.recruitFrom) : row.recruit_from;
  // Recruitment that ran until the start (the default) follows a moved start.
  const recruitUntil = patch.recruitUntil !== undefined ? new Date(patch.recruitUntil) : sameTime(row.recruit_until, row.starts_at) ? startsAt : row.recruit_until;
  const longitude = patch.longitude !== undefined ? patch.longitude : row.longitude;
  const latitude = patch.latitude !== undefined ? patch.latitude : row.latitude;
  const address = patch.address !== undefined ? patch.address?.trim() || null : row.address;
  if ((longitude == null) !== (latitude == null)) throw invalid('latitude', '经度和纬度须同时填写', 'Longitude and latitude go together');
  const timeMoved = !sameTime(startsAt, row.starts_at) || !sameTime(endsAt, row.ends_at);
  const placeMoved = longitude !== row.longitude || latitude !== row.latitude || address !== row.address;
  if (timeMoved && startsAt <= now) throw invalid('startsAt', '开始时间须晚于现在', 'The start must be in the future');
  checkTimes(startsAt, endsAt, recruitFrom, recruitUntil);
  const radiusChanged = patch.checkinRadiusM !== undefined && patch.checkinRadiusM !== row.checkin_radius_m;
  if ((timeMoved || placeMoved || radiusChanged) && (await q.anyAttendance(ctx.db, row.id))) {
    throw refuseEdit('已有志愿者签到，活动的时间和地点不能再改', 'Volunteers have checked in; the time and place can no longer change');
  }
  return {
    changed: { timeMoved, placeMoved },
    fields: {
      starts_at: startsAt, ends_at: endsAt, recruit_from: recruitFrom, recruit_until: recruitUntil,
      address, longitude: longitude ?? null, latitude: latitude ?? null,
      ...(patch.checkinRadiusM !== undefined && { checkin_radius_m: patch.checkinRadiusM }),
    },
  };
}

/**
 * Edits an activity, in one transaction with the activity locked against sign-ups: the
 * time, place and requirements before it starts; the quota while it runs (never below
 * those already confirmed; a raise goes to the waiting list in order); the people served
 * once it has started. Everyone signed up is told of a new time or place.
 */
export async function updateActivity(ctx: AppContext, actor: Actor, id: number, patch: ActivityPatch) {
  const managed = await activityManagedBy(ctx, actor, id);
  const now = new Date();
  let requiredQualification: string | null | undefined;
  if (patch.requiredQualification !== undefined && (patch.requiredQualification?.trim() || null) !== managed.required_qualification) {
    if (managed.status !== 'published') {
      throw invalid('requiredQualification', '活动已取消或已结束，不能再修改参加条件', 'The activity is cancelled or finished; its requirements can no longer change');
    }
    requiredQualification = await knownQualification(ctx, patch.requiredQualification, managed.region_code);
  }
  if (patch.peopleServed !== undefined && managed.starts_at > now) {
    throw invalid('peopleServed', '活动开始后才能填写服务人数', 'People served can be entered once the activity has started');
  }
  await inTransaction(ctx, async (tx) => {
    const row = (await q.lockActivity(tx.db, id))!;
    const schedule = Object.values(beforeStart).some((changes) => changes(patch, row));
    if (schedule && (row.status !== 'published' || row.starts_at <= now)) {
      throw refuseEdit('活动已开始、已取消或已结束，时间、地点和参加条件不能再改', 'The activity has started, or is cancelled or finished; its time, place and requirements can no longer change');
    }
    if (patch.quota !== undefined && patch.quota !== row.quota && (row.status !== 'published' || row.ends_at <= now)) {
      throw refuseEdit('活动已取消或已结束，名额不能再改', 'The activity is cancelled or finished; its quota can no longer change');
    }
    if (patch.quota !== undefined && patch.quota < row.confirmed_count) {
      throw invalid('quota', `已有 ${row.confirmed_count} 人报名成功，名额不能少于此数`, `${row.confirmed_count} are already confirmed; the quota cannot go below that`);
    }
    const moved = schedule ? await rescheduled(tx, row, patch, now) : null;
    const title = patch.title?.trim() ?? row.title;
    await q.updateActivity(tx.db, id, {
      ...(patch.title !== undefined && { title }),
      ...(patch.description !== undefined && { description: patch.description }),
      ...(patch.quota !== undefined && { quota: patch.quota }),
      ...(patch.peopleServed !== undefined && { people_served: patch.peopleServed }),
      ...(requiredQualification !== undefined && { required_qualification: requiredQualification }),
      ...(patch.minAge !== undefined && { min_age: patch.minAge }),
      ...(patch.requiredSkills !== undefined && { required_skills: cleanSkills(patch.requiredSkills) }),
      ...moved?.fields,
    });
    if (patch.quota !== undefined && patch.quota > row.quota) await fillNewSeats(tx, id, title);
    if (moved && (moved.changed.timeMoved || moved.changed.placeMoved)) await tellRescheduled(tx, id, title, moved.fields);
  });
  return getActivity(ctx, id);
}

/** Tells everyone still signed up (confirmed, waiting or pending) the new time and place. */
async function tellRescheduled(ctx: AppContext, id: number, title: string, now: { starts_at: Date; ends_at: Date; address: string | null }) {
  const people = await q.signedUpUsers(ctx.db, id, ['confirmed', 'waitlisted', 'pending']);
  const place = now.address ? `，地点：${now.address}` : '';
  await inbox.notify(ctx, people.map((p) => p.user_id), {
    kind: 'activity_changed',
    title: `活动变更：${title}`,
    body: `您报名的活动“${title}”时间或地点有变更：${formatChinaTime(now.starts_at)} – ${formatChinaTime(now.ends_at)}${place}。如不能参加，请及时取消报名。`,
    link: `/m/activities/${id}`,
  });
}

/** Cancels the activity and tells everyone signed up, in one transaction. */
export async function cancelActivity(ctx: AppContext, actor: Actor, id: number, reason: string) {
  const row = await activityManagedBy(ctx, actor, id);
  if (row.status !== 'published') throw new AppError('CONFLICT', { detail: { zh: '活动已取消或已结束', en: 'The activity is already cancelled or finished' } });
  await inTransaction(ctx, async (tx) => {
    await q.updateActivity(tx.db, id, { status: 'cancelled', cancel_reason: reason });
    const people = await q.signedUpUsers(tx.db, id, ['confirmed', 'waitlisted', 'pending']);
    await inbox.notify(tx, people.map((p) => p.user_id), {
      kind: 'activity_cancelled',
      title: `活动取消：${row.title}`,
      body: `您报名的活动“${row.title}”（${formatChinaTime(row.starts_at)}）已取消。原因：${reason}`,
      link: `/m/activities/${id}`,
    });
  });
  return getActivity(ctx, id);
}

export function formatChinaTime(date: Date): string {
  return new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(date);
}
