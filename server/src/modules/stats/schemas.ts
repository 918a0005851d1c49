import { Type } from 'typebox';
import { nullable, RegionCode } from '../../http/schemas.ts';

const day = (description = 'A day in Asia/Shanghai, YYYY-MM-DD') => Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description });
const Day = day();
const Counts = Type.Record(Type.String(), Type.Integer());
const Rate = nullable(Type.Number({ description: '0–1; null when there is nothing to divide by' }));

export const MetricName = Type.Enum([
  'service_hours', 'service_records', 'registrations', 'activities', 'people_served', 'wishes_collected', 'wishes_fulfilled',
  'orders_delivered', 'trained', 'training_sessions', 'callup_responders', 'volunteers', 'organizations', 'projects',
], { description: 'Flows (dated) or stocks (volunteers, organizations, projects: no series)' });

const Area = {
  region: Type.Optional(Type.String({ pattern: '^[0-9]{12}$', description: 'The subtree (12-digit division code); by default my own area' })),
  from: Type.Optional(day('First day of the period; by default 1 January')),
  to: Type.Optional(day('The day after the period; by default tomorrow')),
};
export const SummaryQuery = Type.Object(Area, { additionalProperties: false });
export const BreakdownQuery = Type.Object({ ...Area, metric: MetricName }, { additionalProperties: false });
export const SeriesQuery = Type.Object({ ...Area, metric: MetricName, by: Type.Enum(['day', 'month'], { default: 'month' }) }, { additionalProperties: false });

const Period = Type.Object({ from: Day, to: Day });
const Region = Type.Object({ code: RegionCode, name: Type.String(), level: Type.Integer() });

export const Summary = Type.Object({
  region: Region,
  prefix: Type.String(),
  period: Period,
  organizations: Type.Object({
    total: Type.Integer(), byCategory: Counts, bySize: Counts,
    thirtyPlusPerCounty: nullable(Type.Object({ counties: Type.Integer(), average: Type.Number(), max: Type.Integer() })),
  }),
  volunteers: Type.Object({ registered: Type.Integer(), active: Type.Integer(), activityRate: Rate, neverServed: Type.Integer(), registeredInPeriod: Type.Integer() }),
  projects: Type.Object({ total: Type.Integer(), byStatus: Counts }),
  activities: Type.Object({ held: Type.Integer(), peopleServed: Type.Integer() }),
  service: Type.Object({ hours: Type.Number(), records: Type.Integer() }),
  wishes: Type.Object({ collected: Type.Integer(), fulfilled: Type.Integer(), byStatus: Counts }),
  orders: Type.Object({ byStatus: Counts, delivered: Type.Integer(), onTimeRate: Rate, satisfaction: nullable(Type.Number()) }),
  training: Type.Object({ sessions: Type.Integer(), trained: Type.Integer() }),
  care: Type.Object({ recipients: Type.Integer(), covered: Type.Integer(), coverageRate: Rate }),
  callups: Type.Object({ responders: Type.Integer() }),
});

export const Breakdown = Type.Object({
  prefix: Type.String(),
  metric: MetricName,
  period: nullable(Period),
  items: Type.Array(Type.Object({ code: RegionCode, prefix: Type.String(), name: Type.String(), value: Type.Number(), rank: Type.Integer() })),
});

export const Series = Type.Object({
  prefix: Type.String(),
  metric: MetricName,
  by: Type.Enum(['day', 'month']),
  period: Period,
  points: Type.Array(Type.Object({ at: Type.String(), value: Type.Number() })),
});
