import { describe, expect, it } from 'vitest';
import { rankingIndex, rankingOption } from './chartOptions';

describe('ranking chart', () => {
  const items = Array.from({ length: 20 }, (_, i) => ({ name: `区${i + 1}`, value: 100 - i }));

  it('puts rank 1 on top and keeps the first `limit` regions', () => {
    const option = rankingOption(items, '注册志愿者', 'zh', false, 15);
    const names = (option.yAxis as { data: string[] }).data;
    expect(names).toHaveLength(15);
    expect(names.at(-1)).toBe('区1'); // the category axis draws its last entry at the top
    expect(names[0]).toBe('区15');
  });

  it('maps a clicked bar back to the region it stands for', () => {
    expect(items[rankingIndex(14, items.length, 15)]!.name).toBe('区1');
    expect(items[rankingIndex(0, items.length, 15)]!.name).toBe('区15');
    expect(rankingIndex(0, 3, 15)).toBe(2); // fewer regions than the limit
  });
});
