import { describe, expect, it } from 'vitest';
import type { StatsSummary } from '../../../api/statsTypes';
import { translate } from '../../../shared/i18n';
import { summaryFigures } from './figures';

const summary: StatsSummary = {
  region: { code: '210321000000', name: '台安县', level: 3 },
  prefix: '210321',
  period: { from: '2026-01-01', to: '2026-11-30' },
  organizations: { total: 12, byCategory: {}, bySize: {}, thirtyPlusPerCounty: { counties: 1, average: 2, max: 2 } },
  volunteers: { registered: 123_456, active: 0, activityRate: null, neverServed: 5, registeredInPeriod: 7 },
  projects: { total: 3, byStatus: {} },
  activities: { held: 4, peopleServed: 40 },
  service: { hours: 1234.5, records: 9 },
  wishes: { collected: 2, fulfilled: 1, byStatus: {} },
  orders: { byStatus: {}, delivered: 0, onTimeRate: null, satisfaction: null },
  training: { sessions: 1, trained: 20 },
  care: { recipients: 3, covered: 2, coverageRate: 0.667 },
  callups: { responders: 0 },
};

describe('headline figures', () => {
  const figures = Object.fromEntries(summaryFigures(summary, (key, params) => translate('zh', key, params), 'zh').map((f) => [f.key, f]));

  it('formats counts in 万, rates with one decimal and missing rates as a dash', () => {
    expect(figures.registered!.value).toBe('12.3万');
    expect(figures.registered!.hint).toBe('本期新注册 7 人');
    expect(figures.active!.hint).toBe('活跃率 —');
    expect(figures.hours!.value).toBe('1,234.5');
    expect(figures.onTime!.value).toBe('—');
    expect(figures.satisfaction!.value).toBe('—');
    expect(figures.care!.value).toBe('66.7%');
    expect(figures.care!.hint).toBe('按计划走访 2 / 3 人');
  });

  it('lists every headline figure, in order', () => {
    expect(Object.keys(figures)).toEqual([
      'registered', 'active', 'neverServed', 'organizations', 'projects', 'activities', 'hours', 'wishesCollected', 'wishesFulfilled',
      'onTime', 'satisfaction', 'trained', 'care', 'responders',
    ]);
  });
});
