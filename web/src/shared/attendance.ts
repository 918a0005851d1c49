// Confirming attendance into hours, as the console and the leader's phone show it.
import type { Activity, RosterEntry } from '../api/types';

/**
 * Minutes actually served: attendance clipped to the activity's window (the server's rule);
 * null when the confirmer must state them (a forgotten or missing check-out).
 */
export function servedMinutes(activity: Pick<Activity, 'startsAt' | 'endsAt'>, row: Pick<RosterEntry, 'flagged' | 'checkInAt' | 'checkOutAt'>): number | null {
  if (row.flagged || !row.checkInAt || !row.checkOutAt) return null;
  const start = Math.max(Date.parse(row.checkInAt), Date.parse(activity.startsAt));
  const end = Math.min(Date.parse(row.checkOutAt), Date.parse(activity.endsAt));
  return Math.max(0, Math.floor((end - start) / 60_000));
}

/** The longest a confirmer may state: the activity's own length, in minutes. */
export const activityMinutes = (activity: Pick<Activity, 'startsAt' | 'endsAt'>) => Math.floor((Date.parse(activity.endsAt) - Date.parse(activity.startsAt)) / 60_000);

/** The checked-in attendance still waiting to be confirmed. */
export const awaitingConfirmation = (roster: RosterEntry[]) => roster.filter((row) => row.checkInAt && !row.confirmed);
