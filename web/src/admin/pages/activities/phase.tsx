// Where an activity stands in time: what the leader's screen and the roster offer.
import type { Activity } from '../../../api/types';
import { useI18n } from '../../../shared/i18n';
import { StatusTag } from '../../components/Tags';

/** Check-in opens this long before the start (the server's rule). */
const EARLY_MS = 30 * 60_000;

/** Published and open for check-in: from half an hour before the start to the end. */
export function isUnderway(activity: Pick<Activity, 'status' | 'startsAt' | 'endsAt'>, now = Date.now()): boolean {
  return activity.status === 'published' && now >= Date.parse(activity.startsAt) - EARLY_MS && now <= Date.parse(activity.endsAt);
}

export const hasEnded = (activity: Pick<Activity, 'endsAt'>, now = Date.now()) => now > Date.parse(activity.endsAt);
export const hasStarted = (activity: Pick<Activity, 'startsAt'>, now = Date.now()) => now >= Date.parse(activity.startsAt);

export type Phase = 'upcoming' | 'underway' | 'ended' | 'cancelled';

/** What a person sees of an activity's state: the API keeps a finished one “published”. */
export function phaseOf(activity: Pick<Activity, 'status' | 'startsAt' | 'endsAt'>, now = Date.now()): Phase {
  if (activity.status === 'cancelled') return 'cancelled';
  if (activity.status === 'finished' || hasEnded(activity, now)) return 'ended';
  return isUnderway(activity, now) ? 'underway' : 'upcoming';
}

/** The colour of each phase, by the status it resembles. */
const phaseColour: Record<Phase, string> = { upcoming: 'published', underway: 'running', ended: 'closed', cancelled: 'cancelled' };

export function PhaseTag({ activity }: { activity: Pick<Activity, 'status' | 'startsAt' | 'endsAt'> }) {
  const { t } = useI18n();
  const phase = phaseOf(activity);
  return <StatusTag status={phaseColour[phase]}>{t(`activities.phase.${phase}`)}</StatusTag>;
}
