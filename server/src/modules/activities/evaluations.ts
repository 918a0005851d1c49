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

async function summary(ctx: AppContext, activityId: number) {
  const row = await q.activityRating(ctx.db, activityId);
  return { activityId, averageScore: row.average === null ? null : Math.round(Number(row.average) * 10) / 10, ratings: row.count };
}
