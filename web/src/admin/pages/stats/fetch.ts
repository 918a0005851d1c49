// The statistics API calls the views share; `region` left out means my own area.
import { api } from '../../../api/client';
import type { StatsMetric } from '../../../api/statsTypes';
import { call } from '../../../shared/errors';
import type { Period } from './statsFormat';

export interface AreaQuery extends Period {
  region?: string;
}

export const areaQuery = (region: string | null, period: Period): AreaQuery => ({ ...(region && { region }), from: period.from, to: period.to });

export const fetchSummary = (query: AreaQuery) => call(api.GET('/api/v1/stats/summary', { params: { query } }));

export const fetchBreakdown = (query: AreaQuery, metric: StatsMetric) =>
  call(api.GET('/api/v1/stats/breakdown', { params: { query: { ...query, metric } } }));

export const fetchSeries = (query: AreaQuery, metric: StatsMetric, by: 'day' | 'month') =>
  call(api.GET('/api/v1/stats/series', { params: { query: { ...query, metric, by } } }));
