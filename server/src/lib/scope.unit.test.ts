import { describe, expect, it } from 'vitest';
import { covers, prefixRange, rankOver, scopePrefixes, type Actor, type Grant } from './scope.ts';

const grant = (role: Grant['role'], regionCode: string, id = 1): Grant => ({
  id, role, siteId: id, siteName: 'site', siteKind: 'center', regionCode,
});
const actor = (...grants: Grant[]): Actor => ({ userId: 1, name: 'a', grants });

describe('scope', () => {
  it('turns admin grants into region prefixes, dropping covered ones', () => {
    const anshan = actor(grant('city_admin', '210300000000'), grant('center_admin', '210321000000', 2), grant('volunteer', '210200000000', 3));
    expect(scopePrefixes(anshan)).toEqual(['2103']);
    expect(scopePrefixes(actor(grant('volunteer', '210300000000')))).toEqual([]);
  });

  it('covers rows by prefix only', () => {
    const taian = actor(grant('center_admin', '210321000000'));
    expect(covers(taian, '210321001021')).toBe(true);
    expect(covers(taian, '210322000000')).toBe(false);
    expect(covers(taian, '210300000000')).toBe(false);
    expect(covers(taian, '210200000000')).toBe(false);
  });

  it('ranks an actor by the grants that cover a region', () => {
    const both = actor(grant('station_admin', '210321001021'), grant('center_admin', '210322000000', 2));
    expect(rankOver(both, '210321001021')).toBe(3);
    expect(rankOver(both, '210322001000')).toBe(5);
    expect(rankOver(both, '210200000000')).toBe(-1);
  });

  it('bounds a prefix by a code range that an index can use', () => {
    expect(prefixRange('2103')).toEqual(['210300000000', '210400000000']);
    expect(prefixRange('2109')).toEqual(['210900000000', '211000000000']);
    expect(prefixRange('210321999')).toEqual(['210321999000', '210322000000']);
    expect(prefixRange('21')).toEqual(['210000000000', '220000000000']);
    expect(prefixRange('99')).toEqual(['990000000000', null]);
  });
});
