import { describe, expect, it } from 'vitest';
import { formatHours, formatTimeRange, fromBeijing, toBeijing } from './format';

describe('Beijing time', () => {
  it('reads and writes wall-clock times in Asia/Shanghai whatever the zone', () => {
    expect(toBeijing('2026-12-05T01:30:00.000Z')).toBe('2026-12-05 09:30');
    expect(fromBeijing('2026-12-05 09:30')).toBe('2026-12-05T01:30:00.000Z');
    expect(toBeijing('2026-12-05T16:00:00.000Z')).toBe('2026-12-06 00:00');
  });

  it('shows a time range compactly', () => {
    expect(formatTimeRange('2030-12-05T01:00:00Z', '2030-12-05T04:00:00Z', 'zh')).toBe('2030年12月5日 09:00–12:00');
    expect(formatTimeRange('2030-12-05T01:00:00Z', '2030-12-06T04:00:00Z', 'en')).toBe('2030-12-05 09:00–2030-12-06 12:00');
  });

  it('shows minutes as hours to one decimal', () => {
    expect(formatHours(150)).toBe('2.5');
    expect(formatHours(-90)).toBe('-1.5');
    expect(formatHours(0)).toBe('0.0');
  });
});
