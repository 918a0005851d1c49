// Sign-up that holds under a rush: a seat is taken by a conditional UPDATE (never past the
// quota, whatever the concurrency); the sign-up row's primary key stops doubles; a cancelled
// seat goes to the longest-waiting volunteer on the list.
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
    if (!activity.requires_approval) status = (await q.takeSeat(tx.db, activityId)) ? 'confirmed' : 'waitlisted';
    if (status === 'waitlisted') await q.adjustCounts(tx.db, activityId, 0, 1);
    await q.setSignupStatus(tx.db, activityId, volunteer.id, status);
    return { activityId, status };
  });
}

/** Gives a freed seat to the longest-waiting volunteer, and tells them. */
async function promoteWaitlisted(ctx: AppContext, activityId: number, title: string) {
  const next = await q.firstWaitlisted(ctx.db, activityId);
  if (!next || !(await q.takeSeat(ctx.db, activityId))) return;
  await q.setSignupStatus(ctx.db, activityId, next.volunteer_id, 'confirmed');
  await q.adjustCounts(ctx.db, activityId, 0, -1);
  const promoted = await volunteers.volunteerSummary(ctx, next.volunteer_id);
  await inbox.notify(ctx, [promoted?.userId], {
    kind: 'signup_confirmed', title: `候补成功：${title}`, body: `有人取消了报名，您已从候补转为正式报名“${title}”。`, link: `/m/activities/${activityId}`,
  });
}

async function release(ctx: AppContext, activity: q.ActivityRow, volunteerId: number, to: SignupStatus) {
  const signup = await q.lockSignup(ctx.db, activity.id, volunteerId);
  if (!signup || !['pending', 'confirmed', 'waitlisted'].includes(signup.status)) throw notFound('signup');
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

/** The leader approves a pending sign-up (taking a seat, or the waiting list) or rejects it. */
export async function decideSignup(ctx: AppContext, actor: Actor, activityId: number, volunteerId: number, decision: 'approve' | 'reject') {
  await activityManagedBy(ctx, actor, activityId);
  return inTransaction(ctx, async (tx) => {
    const activity = (await q.lockActivity(tx.db, activityId))!;
    const signup = await q.lockSignup(tx.db, activityId, volunteerId);
    if (!signup) throw notFound('volunteerId');
    if (decision === 'reject') {
      await release(tx, activity, volunteerId, 'rejected');
      return { activityId, status: 'rejected' as SignupStatus };
    }
    if (signup.status !== 'pending') throw new AppError('ALREADY_DECIDED');
    const status: SignupStatus = (await q.takeSeat(tx.db, activityId)) ? 'confirmed' : 'waitlisted';
    if (status === 'waitlisted') await q.adjustCounts(tx.db, activityId, 0, 1);
    await q.setSignupStatus(tx.db, activityId, volunteerId, status);
    const person = await volunteers.volunteerSummary(tx, volunteerId);
    await inbox.notify(tx, [person?.userId], {
      kind: 'signup_decided', title: `报名结果：${activity.title}`,
      body: status === 'confirmed' ? `您已报名成功“${activity.title}”。` : `“${activity.title}”名额已满，您在候补名单中。`, link: `/m/activities/${activityId}`,
    });
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
