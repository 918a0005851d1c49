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
import type { SignupStatus } from './signups.ts';
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
}

export async function updateActivity(ctx: AppContext, actor: Actor, id: number, patch: ActivityPatch) {
  const row = await activityManagedBy(ctx, actor, id);
  let requiredQualification: string | null | undefined;
  if (patch.requiredQualification !== undefined && (patch.requiredQualification?.trim() || null) !== row.required_qualification) {
    if (row.status !== 'published') {
      throw invalid('requiredQualification', '活动已取消或已结束，不能再修改参加条件', 'The activity is cancelled or finished; its requirements can no longer change');
    }
    requiredQualification = await knownQualification(ctx, patch.requiredQualification, row.region_code);
  }
  if (patch.quota !== undefined && patch.quota < row.confirmed_count) {
    throw invalid('quota', `已有 ${row.confirmed_count} 人报名成功，名额不能少于此数`, `${row.confirmed_count} are already confirmed; the quota cannot go below that`);
  }
  if (patch.peopleServed !== undefined && row.starts_at > new Date()) {
    throw invalid('peopleServed', '活动开始后才能填写服务人数', 'People served can be entered once the activity has started');
  }
  await q.updateActivity(ctx.db, id, {
    ...(patch.title !== undefined && { title: patch.title.trim() }),
    ...(patch.description !== undefined && { description: patch.description }),
    ...(patch.quota !== undefined && { quota: patch.quota }),
    ...(patch.peopleServed !== undefined && { people_served: patch.peopleServed }),
    ...(requiredQualification !== undefined && { required_qualification: requiredQualification }),
  });
  return getActivity(ctx, id);
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
