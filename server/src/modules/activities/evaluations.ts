// Evaluations (评价): the volunteer rates the activity they attended; the leader rates each
// volunteer's service. One of each per (activity, volunteer); a second rating replaces it.
import type { AppContext } from '../../context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import type { Actor } from '../../lib/scope.ts';
import * as volunteers from '../volunteers/service.ts';
import { activityManagedBy } from './access.ts';
import * as q from './queries.ts';

export interface Rating {
  score: number;
  comment?: string | null | undefined;
}

export async function rateActivity(ctx: AppContext, actor: Actor, activityId: number, rating: Rating) {
  const volunteer = await volunteers.volunteerOfUser(ctx, actor.userId);
  const attended = volunteer ? await q.findAttendance(ctx.db, activityId, volunteer.id) : undefined;
  if (!volunteer || !attended) throw new AppError('FORBIDDEN', { detail: { zh: '参加活动后才能评价', en: 'You can rate an activity you attended' } });
  await q.upsertEvaluation(ctx.db, {
    activity_id: activityId, volunteer_id: volunteer.id, direction: 'of_activity', score: rating.score, comment: rating.comment ?? null, by_user: actor.userId,
  });
  return summary(ctx, activityId);
}

export async function rateVolunteer(ctx: AppContext, actor: Actor, activityId: number, volunteerId: number, rating: Rating) {
  await activityManagedBy(ctx, actor, activityId);
  if (!(await q.findAttendance(ctx.db, activityId, volunteerId))) throw notFound('volunteerId');
  await q.upsertEvaluation(ctx.db, {
    activity_id: activityId, volunteer_id: volunteerId, direction: 'of_volunteer', score: rating.score, comment: rating.comment ?? null, by_user: actor.userId,
  });
  return summary(ctx, activityId);
}

/** How many recent comments the activity's evaluations show. */
const RECENT_COMMENTS = 10;

/**
 * The activity's evaluations for those who run it (staff over its area, the team leader):
 * the volunteers' average score and count, their latest comments (without names: a rating
 * is given in confidence), and the leader's own rating of each volunteer.
 */
export async function evaluationsOf(ctx: AppContext, actor: Actor, activityId: number) {
  await activityManagedBy(ctx, actor, activityId);
  const [rating, comments, given] = await Promise.all([
    summary(ctx, activityId), q.recentActivityComments(ctx.db, activityId, RECENT_COMMENTS), q.volunteerRatings(ctx.db, activityId),
  ]);
  return {
    ...rating,
    comments: comments.map((row) => ({ score: row.score, comment: row.comment ?? '', createdAt: row.created_at.toISOString() })),
    volunteerRatings: given.map((row) => ({ volunteerId: row.volunteer_id, score: row.score, comment: row.comment || null })),
  };
}

/** How the leaders rated my service, activity by activity (none when I am no volunteer). */
export async function myServiceRatings(ctx: AppContext, actor: Actor) {
  const volunteer = await volunteers.volunteerOfUser(ctx, actor.userId);
  const rows = volunteer ? await q.ratingsOfVolunteer(ctx.db, volunteer.id) : [];
  return { items: rows.map((row) => ({ activityId: row.activity_id, score: row.score, comment: row.comment || null, createdAt: row.created_at.toISOString() })) };
}

async function summary(ctx: AppContext, activityId: number) {
  const row = await q.activityRating(ctx.db, activityId);
  return { activityId, averageScore: row.average === null ? null : Math.round(Number(row.average) * 10) / 10, ratings: row.count };
}
