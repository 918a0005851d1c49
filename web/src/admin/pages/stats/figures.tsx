// The headline figures of a summary, in the order every statistics view shows them
// (dashboard cards, big-screen numbers, the monthly report's table).
import type { StatsMetric, StatsSummary } from '../../../api/statsTypes';
import type { Lang, Translate } from '../../../shared/i18n';
import { formatNumber, formatRate, formatScore } from './statsFormat';

export interface Figure {
  key: string;
  label: string;
  value: string;
  hint?: string;
}

export function summaryFigures(s: StatsSummary, t: Translate, lang: Lang): Figure[] {
  const n = (value: number) => formatNumber(value, lang);
  const thirty = s.organizations.thirtyPlusPerCounty;
  return [
    { key: 'registered', label: t('stats.kpi.registered'), value: n(s.volunteers.registered), hint: t('stats.kpi.registeredHint', { n: s.volunteers.registeredInPeriod }) },
    { key: 'active', label: t('stats.kpi.active'), value: n(s.volunteers.active), hint: t('stats.kpi.activeHint', { rate: formatRate(s.volunteers.activityRate) }) },
    { key: 'neverServed', label: t('stats.kpi.neverServed'), value: n(s.volunteers.neverServed), hint: t('stats.kpi.neverServedHint') },
    {
      key: 'organizations', label: t('stats.kpi.organizations'), value: n(s.organizations.total),
      ...(thirty && { hint: t('stats.kpi.organizationsHint', { average: thirty.average, max: thirty.max }) }),
    },
    { key: 'projects', label: t('stats.kpi.projects'), value: n(s.projects.total) },
    { key: 'activities', label: t('stats.kpi.activities'), value: n(s.activities.held), hint: t('stats.kpi.activitiesHint', { n: s.activities.peopleServed }) },
    { key: 'hours', label: t('stats.kpi.hours'), value: n(s.service.hours), hint: t('stats.kpi.hoursHint', { n: s.service.records }) },
    { key: 'wishesCollected', label: t('stats.kpi.wishesCollected'), value: n(s.wishes.collected) },
    { key: 'wishesFulfilled', label: t('stats.kpi.wishesFulfilled'), value: n(s.wishes.fulfilled) },
    { key: 'onTime', label: t('stats.kpi.onTime'), value: formatRate(s.orders.onTimeRate), hint: t('stats.kpi.onTimeHint', { n: s.orders.delivered }) },
    { key: 'satisfaction', label: t('stats.kpi.satisfaction'), value: formatScore(s.orders.satisfaction), hint: t('stats.kpi.satisfactionHint') },
    { key: 'trained', label: t('stats.kpi.trained'), value: n(s.training.trained), hint: t('stats.kpi.trainedHint', { n: s.training.sessions }) },
    { key: 'care', label: t('stats.kpi.care'), value: formatRate(s.care.coverageRate), hint: t('stats.kpi.careHint', { covered: s.care.covered, recipients: s.care.recipients }) },
    { key: 'responders', label: t('stats.kpi.responders'), value: n(s.callups.responders) },
  ];
}

export const metricName = (t: Translate, metric: StatsMetric) => t(`stats.metric.${metric}`);

/** Every metric the API breaks down by region, stocks last. */
export const rankMetrics: readonly StatsMetric[] = [
  'volunteers', 'service_hours', 'activities', 'people_served', 'registrations', 'service_records', 'wishes_collected', 'wishes_fulfilled',
  'orders_delivered', 'trained', 'training_sessions', 'callup_responders', 'organizations', 'projects',
];

/** The flows: the metrics that have a series over time. */
export const trendMetrics: readonly StatsMetric[] = rankMetrics.filter((m) => m !== 'volunteers' && m !== 'organizations' && m !== 'projects');

interface KpiProps {
  figure: Figure;
  className?: string;
}

/** One headline number with its label and a line of context; a group named by its label. */
export function Kpi({ figure, className = 'stats-kpi' }: KpiProps) {
  return (
    <div className={className} role="group" aria-label={figure.label}>
      <div className={`${className}-label`}>{figure.label}</div>
      <div className={`${className}-value`} data-figure={figure.key}>{figure.value}</div>
      {figure.hint && <div className={`${className}-hint`}>{figure.hint}</div>}
    </div>
  );
}
