import { describe, expect, it } from 'vitest';
import {
  addDays, fillSeries, formatExact, formatMonth, formatNumber, formatPeriod, formatRate, formatScore, isDay, isMonth, monthPeriod, presetPeriod, seriesBy,
} from './statsFormat';

describe('stats numbers', () => {
  it('shows small figures exactly and large ones in 万 / 亿', () => {
    expect(formatNumber(0, 'zh')).toBe('0');
    expect(formatNumber(9876, 'zh')).toBe('9,876');
    expect(formatNumber(12.5, 'zh')).toBe('12.5');
    expect(formatNumber(10_000, 'zh')).toBe('1万');
    expect(formatNumber(12_345, 'zh')).toBe('1.2万');
    expect(formatNumber(3_456_789, 'zh')).toBe('345.7万');
    expect(formatNumber(150_000_000, 'zh')).toBe('1.5亿');
    expect(formatNumber(12_345, 'en')).toBe('12.3K');
    expect(formatNumber(null, 'zh')).toBe('—');
    expect(formatExact(3_456_789, 'zh')).toBe('3,456,789');
  });

  it('shows rates with one decimal and a missing rate as a dash', () => {
    expect(formatRate(0.8567)).toBe('85.7%');
    expect(formatRate(1)).toBe('100.0%');
    expect(formatRate(0)).toBe('0.0%');
    expect(formatRate(null)).toBe('—');
    expect(formatScore(4.666)).toBe('4.7');
    expect(formatScore(null)).toBe('—');
  });
});

describe('stats periods', () => {
  it('makes this year, this month and a whole month with an exclusive end', () => {
    expect(presetPeriod('year', '2026-11-29')).toEqual({ from: '2026-01-01', to: '2026-11-30' });
    expect(presetPeriod('month', '2026-12-31')).toEqual({ from: '2026-12-01', to: '2027-01-01' });
    expect(monthPeriod('2026-02')).toEqual({ from: '2026-02-01', to: '2026-03-01' });
    expect(monthPeriod('2026-12')).toEqual({ from: '2026-12-01', to: '2027-01-01' });
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(formatPeriod({ from: '2026-01-01', to: '2026-11-30' }, 'zh')).toBe('2026-01-01 至 2026-11-29');
    expect(formatMonth('2026-03', 'zh')).toBe('2026年3月');
    expect(formatMonth('2026-03', 'en')).toBe('March 2026');
  });

  it('checks months and days from the address bar', () => {
    expect(isMonth('2026-11')).toBe(true);
    expect(isMonth('2026-13')).toBe(false);
    expect(isMonth(null)).toBe(false);
    expect(isDay('2026-11-29')).toBe(true);
    expect(isDay('2026-1-29')).toBe(false);
  });

  it('charts by day for short periods and fills the gaps with zeros', () => {
    expect(seriesBy({ from: '2026-11-01', to: '2026-12-01' })).toBe('day');
    expect(seriesBy({ from: '2026-01-01', to: '2026-11-30' })).toBe('month');
    expect(fillSeries([{ at: '2026-11-02', value: 3 }], { from: '2026-11-01', to: '2026-11-04' }, 'day'))
      .toEqual([{ at: '2026-11-01', value: 0 }, { at: '2026-11-02', value: 3 }, { at: '2026-11-03', value: 0 }]);
    expect(fillSeries([{ at: '2026-03', value: 7.5 }], { from: '2026-01-01', to: '2026-04-15' }, 'month'))
      .toEqual([{ at: '2026-01', value: 0 }, { at: '2026-02', value: 0 }, { at: '2026-03', value: 7.5 }, { at: '2026-04', value: 0 }]);
  });
});
