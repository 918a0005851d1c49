import { describe, expect, it } from 'vitest';
import type { SiteKind, SiteNode } from '../../../api/types';
import { emptyTree, lineage, toTreeData, withAddedPoint, withChildren, withoutPoint, withRoots, withSite } from './treeState';

const counts = (point = 0) => ({ province: 0, city: 0, center: 0, institute: 0, station: 0, point });
const site = (id: number, kind: SiteKind, childCount: number, points = 0): SiteNode => ({
  id, kind, name: `${kind} ${id}`, regionCode: '210321001021', pointType: kind === 'point' ? 'park' : null, childCount, counts: counts(points),
});

// center 1 > institute 2 > station 3 (no children yet)
const loaded = withChildren(withChildren(withRoots(emptyTree, [site(1, 'center', 1)]), 1, [site(2, 'institute', 1)]), 2, [site(3, 'station', 0)]);

describe('site tree state', () => {
  it('nests loaded children and marks sites without children as leaves', () => {
    const [root] = toTreeData(loaded);
    expect(root!.children![0]!.children![0]).toMatchObject({ key: '3', isLeaf: true });
    expect(root!.children![0]!.children![0]!.children).toBeUndefined();
    expect(lineage(loaded, 3)).toEqual([3, 2, 1]);
  });

  it('counts a new point on every loaded site above it, and lists it once its parent is loaded', () => {
    const added = withAddedPoint(loaded, 3, site(9, 'point', 0));
    expect([1, 2, 3].map((id) => added.nodes[id]!.counts.point)).toEqual([1, 1, 1]);
    expect(added.nodes[3]!.childCount).toBe(1);
    expect(added.children[3]).toBeUndefined(); // loaded from the server when expanded

    const listed = withAddedPoint(withChildren(loaded, 3, []), 3, site(9, 'point', 0));
    expect(listed.children[3]).toEqual([9]);
    expect(lineage(listed, 9)).toEqual([9, 3, 2, 1]);
  });

  it('forgets a retired point and uncounts it', () => {
    const listed = withAddedPoint(withChildren(loaded, 3, []), 3, site(9, 'point', 0));
    const retired = withoutPoint(listed, 9);
    expect(retired.children[3]).toEqual([]);
    expect(retired.nodes[9]).toBeUndefined();
    expect(retired.nodes[1]!.counts.point).toBe(0);
    expect(toTreeData(retired)[0]!.children![0]!.children![0]!.isLeaf).toBe(true);
  });

  it('renames a loaded site', () => {
    expect(withSite(loaded, { id: 2, name: 'renamed', pointType: null }).nodes[2]!.name).toBe('renamed');
  });
});
