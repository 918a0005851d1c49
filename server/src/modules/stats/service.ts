// Statistics for any subtree, read from the counters (never from the millions of rows):
// organizations, volunteers and how active they are, projects, activities, hours, wishes,
// orders, training, care coverage and call-up responders; breakdowns by child region,
// series by day or month, rankings. Counters lag the writes by the fold interval.
import { sql } from 'kysely';
import { inTransaction, type AppContext } from '../../context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { chinaToday } from '../../lib/id-number.ts';
import { regionPrefix } from '../../lib/region-code.ts';
import { covers, requireAdmin, scopePrefixes, type Actor } from '../../lib/scope.ts';
import { activeSince } from '../volunteers/service.ts';
import * as q from './queries.ts';

/** How often pending changes are folded into the counters (the stated lag). */
export const FOLD_SECONDS = 2;
const FOLD_BATCH = 100_000;
const LEVELS = [2, 4, 6, 9, 12];

export interface Period {
  from: string;
  to: string;
}

export async function foldStatsEvents(ctx: AppContext) {
  let total = 0;
  for (;;) {
    const n = await inTransaction(ctx, (tx) => q.foldEvents(tx.db, FOLD_BATCH));
    total += n;
    if (n < FOLD_BATCH) return total;
  }
}

/** Recomputes all counters from the base tables, writes paused meanwhile (an admin command). */
export async function rebuildStats(ctx: AppContext) {
  const started = performance.now();
  await inTransaction(ctx, async (tx) => {
    await sql`LOCK TABLE stats_events IN EXCLUSIVE MODE`.execute(tx.db);
    await q.rebuild(tx.db);
  });
  return { seconds: (performance.now() - started) / 1000 };
}

/** Folds what is pending, then compares every counter with a recount; returns the differences. */
export async function verifyStats(ctx: AppContext, limit = 20) {
  await foldStatsEvents(ctx);
  return (await q.mismatches(ctx.db, limit)).rows;
}

/** The subtree asked for, as its prefix, inside the actor's area; by default the actor's own widest one. */
function areaOf(actor: Actor, region: string | undefined): string {
  requireAdmin(actor);
  if (region === undefined) return scopePrefixes(actor)[0]!;
  if (!covers(actor, region)) throw notFound('region');
  return regionPrefix(region);
}

export interface StatsQuery {
  region?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** Townships and villages count by month: below a county, a period widens to whole months. */
export const countsByDay = (prefix: string) => prefix.length <= 6;

const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
const nextMonthStart = (day: string) => {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
};

function periodOf(options: StatsQuery, prefix: string): Period {
  const asked = { ...defaultPeriod(), ...(options.from && { from: options.from }), ...(options.to && { to: options.to }) };
  if (asked.to <= asked.from) throw new AppError('VALIDATION_FAILED', { field: 'to', detail: { zh: '结束日期须晚于开始日期', en: 'The end must be after the start' } });
  if (countsByDay(prefix)) return asked;
  return { from: monthStart(asked.from), to: asked.to.endsWith('-01') ? asked.to : nextMonthStart(asked.to) };
}

export function defaultPeriod(today = chinaToday()): Period {
  const tomorrow = new Date(new Date(`${today}T00:00:00Z`).getTime() + 86_400_000).toISOString().slice(0, 10);
  return { from: `${today.slice(0, 4)}-01-01`, to: tomorrow };
}

type Sums = Map<string, Map<string, number>>;
const total = (sums: Sums, metric: string) => [...(sums.get(metric)?.values() ?? [])].reduce((a, b) => a + b, 0);
const keyed = (sums: Sums, metric: string) => Object.fromEntries(sums.get(metric) ?? []);
const atLeast = (sums: Sums, metric: string, floor: string) =>
  [...(sums.get(metric) ?? [])].filter(([key]) => key !== 'never' && key >= floor).reduce((a, [, v]) => a + v, 0);

async function sums(ctx: AppContext, prefix: string, metrics: string[], period: Period | null): Promise<Sums> {
  const out: Sums = new Map();
  for (const row of await q.sumsByKey(ctx.db, prefix, metrics, period)) {
    if (!out.has(row.metric)) out.set(row.metric, new Map());
    out.get(row.metric)!.set(row.key, Number(row.value));
  }
  return out;
}

const ratio = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null);

/** Organizations of 30+ members per county inside the area: average and maximum (DOMAIN.md). */
async function thirtyPlusPerCounty(ctx: AppContext, prefix: string) {
  if (prefix.length > 6) return null;
  const rows = await q.byChild(ctx.db, prefix, 6, 'organization_size', null, ['30-99', '100+']);
  const values = rows.map((row) => Number(row.value));
  const counties = prefix.length === 6 ? 1 : (await ctx.db.selectFrom('regions').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('level', '=', 3).where('code', 'like', `${prefix}%`).executeTakeFirstOrThrow()).n;
  return {
    counties,
    average: counties > 0 ? Math.round((values.reduce((a, b) => a + b, 0) / counties) * 10) / 10 : 0,
    max: values.length > 0 ? Math.max(...values) : 0,
  };
}

export async function summary(ctx: AppContext, actor: Actor, options: StatsQuery) {
  const prefix = areaOf(actor, options.region);
  const period = periodOf(options, prefix);
  const today = chinaToday();
  const [stock, flow, region, thirtyPlus] = await Promise.all([
    sums(ctx, prefix, ['organizations', 'organization_size', 'volunteers', 'projects', 'wishes', 'orders', 'care_recipients'], null),
    sums(ctx, prefix, ['registrations', 'activities', 'people_served', 'service_minutes', 'service_records', 'wishes_collected', 'wishes_fulfilled',
      'orders_delivered', 'orders_on_time', 'order_ratings', 'order_rating_sum', 'training_sessions', 'trained', 'callup_responders'], period),
    ctx.db.selectFrom('regions').select(['code', 'name', 'level']).where('code', '=', prefix.padEnd(12, '0')).executeTakeFirst(),
    thirtyPlusPerCounty(ctx, prefix),
  ]);
  const registered = total(stock, 'volunteers');
  const active = atLeast(stock, 'volunteers', activeSince(today).slice(0, 7)); // keyed by the month last served
  const recipients = total(stock, 'care_recipients');
  const covered = atLeast(stock, 'care_recipients', today);
  const delivered = total(flow, 'orders_delivered');
  const ratings = total(flow, 'order_ratings');
  return {
    region: region ? { code: region.code, name: region.name, level: region.level } : { code: prefix.padEnd(12, '0'), name: prefix, level: 0 },
    prefix,
    period,
    organizations: { total: total(stock, 'organizations'), byCategory: keyed(stock, 'organizations'), bySize: keyed(stock, 'organization_size'), thirtyPlusPerCounty: thirtyPlus },
    volunteers: {
      registered, active, activityRate: ratio(active, registered), neverServed: stock.get('volunteers')?.get('never') ?? 0,
      registeredInPeriod: total(flow, 'registrations'),
    },
    projects: { total: total(stock, 'projects'), byStatus: keyed(stock, 'projects') },
    activities: { held: total(flow, 'activities'), peopleServed: total(flow, 'people_served') },
    service: { hours: Math.round(total(flow, 'service_minutes') / 6) / 10, records: total(flow, 'service_records') },
    wishes: { collected: total(flow, 'wishes_collected'), fulfilled: total(flow, 'wishes_fulfilled'), byStatus: keyed(stock, 'wishes') },
    orders: {
      byStatus: keyed(stock, 'orders'), delivered, onTimeRate: ratio(total(flow, 'orders_on_time'), delivered),
      satisfaction: ratings > 0 ? Math.round((total(flow, 'order_rating_sum') / ratings) * 100) / 100 : null,
    },
    training: { sessions: total(flow, 'training_sessions'), trained: total(flow, 'trained') },
    care: { recipients, covered, coverageRate: ratio(covered, recipients) },
    callups: { responders: total(flow, 'callup_responders') },
  };
}

/**
 * A public portal's headline numbers for its area (all time), from the counters as every
 * statistic: a county's portal would otherwise count half a million volunteers per visit.
 */
export async function headline(ctx: AppContext, prefix: string) {
  const [stock, flow] = await Promise.all([
    sums(ctx, prefix, ['volunteers', 'organizations'], null),
    sums(ctx, prefix, ['activities', 'service_minutes', 'wishes_collected', 'wishes_fulfilled'], ALL_TIME),
  ]);
  return {
    volunteers: total(stock, 'volunteers'), organizations: total(stock, 'organizations'), activities: total(flow, 'activities'),
    serviceHours: Math.round(total(flow, 'service_minutes') / 6) / 10, wishesCollected: total(flow, 'wishes_collected'), wishesFulfilled: total(flow, 'wishes_fulfilled'),
  };
}

/** Every day a flow can fall on (activities planned for next year too); the stock day 1970-01-01 is before it. */
const ALL_TIME = { from: '1970-01-02', to: '9999-12-31' };

/** The metrics that can be broken down, ranked and charted over time. */
export const chartMetrics = {
  service_hours: { counter: 'service_minutes', flow: true, scale: 1 / 60 },
  service_records: { counter: 'service_records', flow: true, scale: 1 },
  registrations: { counter: 'registrations', flow: true, scale: 1 },
  activities: { counter: 'activities', flow: true, scale: 1 },
  people_served: { counter: 'people_served', flow: true, scale: 1 },
  wishes_collected: { counter: 'wishes_collected', flow: true, scale: 1 },
  wishes_fulfilled: { counter: 'wishes_fulfilled', flow: true, scale: 1 },
  orders_delivered: { counter: 'orders_delivered', flow: true, scale: 1 },
  trained: { counter: 'trained', flow: true, scale: 1 },
  training_sessions: { counter: 'training_sessions', flow: true, scale: 1 },
  callup_responders: { counter: 'callup_responders', flow: true, scale: 1 },
  volunteers: { counter: 'volunteers', flow: false, scale: 1 },
  organizations: { counter: 'organizations', flow: false, scale: 1 },
  projects: { counter: 'projects', flow: false, scale: 1 },
} as const;
export type ChartMetric = keyof typeof chartMetrics;

const round1 = (value: number) => Math.round(value * 10) / 10;

/** The metric for every child region of the area, largest first (a ranking). */
export async function breakdown(ctx: AppContext, actor: Actor, options: StatsQuery & { metric: ChartMetric }) {
  const prefix = areaOf(actor, options.region);
  const spec = chartMetrics[options.metric];
  const childLength = LEVELS.find((n) => n > prefix.length);
  const period = periodOf(options, '0'.repeat(childLength ?? prefix.length)); // the children's grain
  if (!childLength) return { prefix, metric: options.metric, period: spec.flow ? period : null, items: [] };
  const rows = await q.byChild(ctx.db, prefix, childLength, spec.counter, spec.flow ? period : null, null);
  const children = await ctx.db.selectFrom('regions').select(['code', 'name']).where('parent_code', '=', prefix.padEnd(12, '0')).orderBy('code').execute();
  const values = new Map(rows.map((row) => [row.prefix, Number(row.value) * spec.scale]));
  const items = children.map((child) => ({ code: child.code, prefix: regionPrefix(child.code), name: child.name, value: round1(values.get(regionPrefix(child.code)) ?? 0) }))
    .sort((a, b) => b.value - a.value || a.code.localeCompare(b.code))
    .map((item, i) => ({ ...item, rank: i + 1 }));
  return { prefix, metric: options.metric, period: spec.flow ? period : null, items };
}

/** A flow metric over time, by day or by month. */
export async function series(ctx: AppContext, actor: Actor, options: StatsQuery & { metric: ChartMetric; by: 'day' | 'month' }) {
  const prefix = areaOf(actor, options.region);
  const spec = chartMetrics[options.metric];
  if (!spec.flow) throw new AppError('VALIDATION_FAILED', { field: 'metric', detail: { zh: '该指标是存量，没有时间序列', en: 'This metric is a stock: no time series' } });
  const period = periodOf(options, prefix);
  const by = countsByDay(prefix) ? options.by : 'month';
  const rows = await q.daily(ctx.db, prefix, spec.counter, period);
  const points = new Map<string, number>();
  for (const row of rows) {
    const bucket = by === 'month' ? row.day.slice(0, 7) : row.day;
    points.set(bucket, (points.get(bucket) ?? 0) + Number(row.value) * spec.scale);
  }
  return { prefix, metric: options.metric, by, period, points: [...points].map(([at, value]) => ({ at, value: round1(value) })) };
}
