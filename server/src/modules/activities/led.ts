// 我带的活动: the activities of the teams the signed-in volunteer leads, for the leader's
// phone (the console's list is staff-only). Each one's management routes admit the leader
// through access.ts.
import type { AppContext } from '../../context.ts';
import type { Actor } from '../../lib/scope.ts';
import * as organizations from '../organizations/service.ts';
import * as volunteers from '../volunteers/service.ts';
import * as q from './queries.ts';
import { present } from './service.ts';

/** A team's activities are few a year; the leader's list shows this many, latest first. */
const LED_LIMIT = 100;

export async function ledActivities(ctx: AppContext, actor: Actor) {
  const me = await volunteers.volunteerOfUser(ctx, actor.userId);
  const teams = await organizations.organizationsLedBy(ctx, me?.id ?? null);
  const rows = await q.listTeamActivities(ctx.db, teams, LED_LIMIT);
  return { items: rows.map((row) => present(row)) };
}
