// Names for the API shapes of the statistics, derived from the generated `paths` like
// types.ts, so a server change shows up as a type error.
import type { Ok, Query } from './derive';
import type { paths } from './schema';

export type StatsSummary = Ok<paths['/api/v1/stats/summary']['get']>;
export type StatsBreakdown = Ok<paths['/api/v1/stats/breakdown']['get']>;
export type StatsRanked = StatsBreakdown['items'][number];
export type StatsSeries = Ok<paths['/api/v1/stats/series']['get']>;
export type StatsPoint = StatsSeries['points'][number];
export type StatsMetric = Query<paths['/api/v1/stats/breakdown']['get']>['metric'];
export type RegionDetail = Ok<paths['/api/v1/regions/{code}']['get']>;
