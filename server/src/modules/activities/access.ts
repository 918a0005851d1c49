import type { AppContext } from '../../context.ts';
import { notFound } from '../../lib/errors.ts';
import type { Actor } from '../../lib/scope.ts';
import * as projects from '../projects/service.ts';
import * as q from './queries.ts';

/** The activity, when the actor runs its project (staff over its area or the team leader). */
export async function activityManagedBy(ctx: AppContext, actor: Actor, id: number) {
  const row = await q.findActivity(ctx.db, id);
  if (!row || !(await projects.projectManagedBy(ctx, actor, row.project_id))) throw notFound('id');
  return row;
}
