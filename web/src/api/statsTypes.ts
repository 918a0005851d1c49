// Names for the API shapes of the statistics, derived from the generated `paths` like
// types.ts, so a server change shows up as a type error.
import type { paths } from './schema';

type Json<R> = R extends { content: { 'application/json': infer Body } } ? Body : never;
type Ok<Operation> = Operation extends { responses: infer R } ? Json<R extends { 200: infer S } ? S : never> : never;
type Query<Operation> = Operation extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

export type StatsSummary = Ok<paths['/api/v1/stats/summary']['get']>;
export type StatsBreakdown = Ok<paths['/api/v1/stats/breakdown']['get']>;
export type StatsRanked = StatsBreakdown['items'][number];
export type StatsSeries = Ok<paths['/api/v1/stats/series']['get']>;
export type StatsPoint = StatsSeries['points'][number];
export type StatsMetric = Query<paths['/api/v1/stats/breakdown']['get']>['metric'];
export type RegionDetail = Ok<paths['/api/v1/regions/{code}']['get']>;
