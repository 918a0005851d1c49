// Sign-up that holds under a rush: a seat is taken by a conditional UPDATE (never past the
// quota, whatever the concurrency); the sign-up row's primary key stops doubles; a cancelled
// seat, or one a raised quota adds, goes to the longest-waiting volunteer on the list.
import { inTransaction, type AppContext } from '../../context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { ageOn, chinaToday } from '../../lib/id-number.ts';
import type { Actor } from '../../lib/scope.ts';
import * as inbox from '../inbox/service.ts';
import * as training from '../training/service.ts';
import * as volunteers from '../volunteers/service.ts';
import * as q from './queries.ts';
import { activityManagedBy } from './access.ts';

export type SignupStatus = 'pending' | 'confirmed' | 'waitlisted' | 'cancelled' | 'rejected';

function refuse(zh: string, en: string) {
  return new AppError('CONFLICT', { detail: { zh, en } });
}

async function me(ctx: AppContext, actor: Actor) {
  const volunteer = await volunteers.volunteerOfUser(ctx, actor.userId);
  if (!volunteer) throw new AppError('FORBIDDEN', { detail: { zh: '请先注册成为志愿者', en: 'Register as a volunteer first' } });
  if (volunteer.status !== 'active') {
    throw new AppError('FORBIDDEN', { detail: { zh: '您的志愿者注册尚未通过审核', en: 'Your volunteer registration is not approved yet' } });
  }
  return volunteer;
}

/** The activity's own rules (条例 Art 16, 22): window, age, skills. */
function checkEligible(activity: q.ActivityRow, volunteer: { birthDate: string; skills: string[] }, now: Date) {
  if (activity.status !== 'published') throw refuse('活动已取消或已结束', 'The activity is cancelled or finished');
  if (now < activity.recruit_from || now > activity.recruit_until) throw refuse('不在招募时间内', 'Recruitment is not open');
  if (activity.min_age !== null && ageOn(volunteer.birthDate, chinaToday(activity.starts_at)) < activity.min_age) {
    throw refuse(`本活动要求年满 ${activity.min_age} 周岁`, `This activity requires age ${activity.min_age} or over`);
  }
  const missing = activity.required_skills.filter((skill) => !volunteer.skills.includes(skill));
  if (missing.length > 0) throw refuse(`本活动需要技能：${missing.join('、')}`, `This activity requires: ${missing.join(', ')}`);
}

/** Activities needing special skills require the matching qualification (条例 Art 16). */
async function checkQualified(ctx: AppContext, activity: q.ActivityRow, volunteerId: number) {
  const needed = activity.required_qualification;
  if (needed && !(await training.hasQualification(ctx, volunteerId, needed))) {
    throw refuse(`本活动需要先取得“${needed}”培训资质`, `This activity requires the “${needed}” qualification from a training course`);
  }
}

/**
 * A full activity is asked again under its lock before the volunteer goes on the waiting
 * list: a quota raised meanwhile has committed its new seats (taken here), or is still to
 * lock the activity and will find this sign-up on the list it fills them from.
 */
async function seatWhenFull(ctx: AppContext, activityId: number) {
  await q.lockActivity(ctx.db, activityId);
  return q.takeSeat(ctx.db, activityId);
}

/** Confirmed if a seat is free (or pending the leader's approval), else on the waiting list. */
export async function signUp(ctx: AppContext, actor: Actor, activityId: number) {
  const volunteer = await me(ctx, actor);
  return inTransaction(ctx, async (tx) => {
    const activity = await q.findActivity(tx.db, activityId);
    if (!activity) throw notFound('id');
    checkEligible(activity, volunteer, new Date());
    await checkQualified(tx, activity, volunteer.id);
    if (!(await q.claimSignup(tx.db, activityId, volunteer.id))) throw refuse('您已报名该活动', 'You have already signed up');
    let status: SignupStatus = 'pending';
    if (!activity.requires_approval) status = (await q.takeSeat(tx.db, activityId)) || (await seatWhenFull(tx, activityId)) ? 'confirmed' : 'waitlisted';
    if (status === 'waitlisted') await q.adjustCounts(tx.db, activityId, 0, 1);
    await q.setSignupStatus(tx.db, activityId, volunteer.id, status);
    return { activityId, status };
  });
}

/** Gives a free seat to the longest-waiting volunteer, and tells them; false when nobody waits or no seat is free. */
async function promoteWaitlisted(ctx: AppContext, activityId: number, title: string, why = '有人取消了报名') {
  const next = await q.firstWaitlisted(ctx.db, activityId);
  if (!next || !(await q.takeSeat(ctx.db, activityId))) return false;
  await q.setSignupStatus(ctx.db, activityId, next.volunteer_id, 'confirmed');
  await q.adjustCounts(ctx.db, activityId, 0, -1);
  const promoted = await volunteers.volunteerSummary(ctx, next.volunteer_id);
  await inbox.notify(ctx, [promoted?.userId], {
    kind: 'signup_confirmed', title: `候补成功：${title}`, body: `${why}，您已从候补转为正式报名“${title}”。`, link: `/m/activities/${activityId}`,
  });
  return true;
}

/**
 * After the quota went up: the waiting list takes the new seats, longest-waiting first, each
 * told. Run in the transaction that raised it, with the activity locked; takeSeat still
 * guards every seat, so the quota holds whatever runs beside it.
 */
export async function fillNewSeats(ctx: AppContext, activityId: number, title: string) {
  let promoted = 0;
  while (await promoteWaitlisted(ctx, activityId, title, '活动增加了名额')) promoted += 1;
  return promoted;
}

/**
 * Once checked in, a sign-up stays: the attendance is a record of presence, kept true and
 * complete, and it is the sign-up that lets confirmation count it. A leader who thinks no
 * hours are due states 0 minutes at confirmation, which the ledger keeps with its author.
 */
const checkedIn = {
  cancelled: () => refuse('您已签到，不能再取消报名；如需提前离开，请签退并告知活动负责人', 'You have checked in and can no longer withdraw; check out and tell the leader if you leave early'),
  rejected: () => refuse('该志愿者已签到，不能拒绝；如不应记时长，请在确认时长时填写 0 分钟', 'This volunteer has checked in and cannot be rejected; to record no hours, state 0 minutes when confirming'),
};

async function release(ctx: AppContext, activity: q.ActivityRow, volunteerId: number, to: 'cancelled' | 'rejected') {
  // The sign-up locked first: a check-in holds it while it inserts, so this sees any that went first.
  const signup = await q.lockSignup(ctx.db, activity.id, volunteerId);
  if (!signup || !['pending', 'confirmed', 'waitlisted'].includes(signup.status)) throw notFound('signup');
  if (await q.findAttendance(ctx.db, activity.id, volunteerId)) throw checkedIn[to]();
  await q.setSignupStatus(ctx.db, activity.id, volunteerId, to);
  if (signup.status === 'confirmed') {
    await q.adjustCounts(ctx.db, activity.id, -1, 0);
    await promoteWaitlisted(ctx, activity.id, activity.title);
  }
  if (signup.status === 'waitlisted') await q.adjustCounts(ctx.db, activity.id, 0, -1);
}

/** The volunteer withdraws (条例 Art 17: they may, and must be able to say so). */
export async function cancelSignup(ctx: AppContext, actor: Actor, activityId: number) {
  const volunteer = await me(ctx, actor);
  return inTransaction(ctx, async (tx) => {
    const activity = await q.lockActivity(tx.db, activityId);
    if (!activity) throw notFound('id');
    if (activity.starts_at <= new Date()) throw refuse('活动已开始，请联系活动负责人', 'The activity has started; contact its leader');
    await release(tx, activity, volunteer.id, 'cancelled');
    return { activityId, status: 'cancelled' as const };
  });
}

type Decided = 'confirmed' | 'waitlisted' | 'rejected';

/** What the volunteer is told of the leader's decision: a rejection too, so they can sign up elsewhere. */
const decisionText: Record<Decided, (title: string) => string> = {
  confirmed: (title) => `您已报名成功“${title}”。`,
  waitlisted: (title) => `“${title}”名额已满，您在候补名单中。`,
  rejected: (title) => `您报名的“${title}”未获活动负责人通过，可以报名其他活动。`,
};

/** A pending sign-up takes a seat, or a place on the waiting list. */
async function approve(ctx: AppContext, activityId: number, volunteerId: number, current: string): Promise<Decided> {
  if (current !== 'pending') throw new AppError('ALREADY_DECIDED');
  const status = (await q.takeSeat(ctx.db, activityId)) ? 'confirmed' : 'waitlisted';
  if (status === 'waitlisted') await q.adjustCounts(ctx.db, activityId, 0, 1);
  await q.setSignupStatus(ctx.db, activityId, volunteerId, status);
  return status;
}

/** The leader approves a pending sign-up (taking a seat, or the waiting list) or rejects it; the volunteer is told either way. */
export async function decideSignup(ctx: AppContext, actor: Actor, activityId: number, volunteerId: number, decision: 'approve' | 'reject') {
  await activityManagedBy(ctx, actor, activityId);
  return inTransaction(ctx, async (tx) => {
    const activity = (await q.lockActivity(tx.db, activityId))!;
    const signup = await q.lockSignup(tx.db, activityId, volunteerId);
    if (!signup) throw notFound('volunteerId');
    if (decision === 'reject') await release(tx, activity, volunteerId, 'rejected');
    const status = decision === 'reject' ? 'rejected' : await approve(tx, activityId, volunteerId, signup.status);
    const person = await volunteers.volunteerSummary(tx, volunteerId);
    await inbox.notify(tx, [person?.userId], { kind: 'signup_decided', title: `报名结果：${activity.title}`, body: decisionText[status](activity.title), link: `/m/activities/${activityId}` });
    return { activityId, status };
  });
}

export async function mySignups(ctx: AppContext, actor: Actor) {
  const volunteer = await volunteers.volunteerOfUser(ctx, actor.userId);
  if (!volunteer) return { items: [] };
  const rows = await ctx.db.selectFrom('signups').innerJoin('activities', 'activities.id', 'signups.activity_id')
    .leftJoin('attendance', (join) => join.onRef('attendance.activity_id', '=', 'signups.activity_id').onRef('attendance.volunteer_id', '=', 'signups.volunteer_id'))
    .select(['activities.id', 'activities.title', 'activities.starts_at', 'activities.ends_at', 'activities.status as activity_status', 'signups.status',
      'attendance.check_in_at', 'attendance.check_out_at', 'attendance.confirmed_at'])
    .where('signups.volunteer_id', '=', volunteer.id).orderBy('activities.starts_at', 'desc').limit(100).execute();
  return {
    items: rows.map((row) => ({
      activityId: row.id, title: row.title, startsAt: row.starts_at.toISOString(), endsAt: row.ends_at.toISOString(),
      activityStatus: row.activity_status, status: row.status as SignupStatus,
      checkedInAt: row.check_in_at?.toISOString() ?? null, checkedOutAt: row.check_out_at?.toISOString() ?? null, confirmed: row.confirmed_at !== null,
    })),
  };
}
