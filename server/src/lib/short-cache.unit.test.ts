import { describe, expect, it } from 'vitest';
import type { AppContext } from '../context.ts';
import { ShortCache } from './short-cache.ts';

describe('a short cache', () => {
  it('keeps values, and forgets the ones picked, or all', () => {
    const cache = new ShortCache<{ userId: number }>(5000, 10);
    cache.set('t1', { userId: 1 }, cache.generation());
    cache.set('t2', { userId: 1 }, cache.generation());
    cache.set('t3', { userId: 2 }, cache.generation());
    expect(cache.get('t1')?.userId).toBe(1);
    cache.forget((value) => value.userId === 1);
    expect([cache.get('t1'), cache.get('t2')]).toEqual([undefined, undefined]);
    expect(cache.get('t3')?.userId).toBe(2);
    cache.forget();
    expect(cache.get('t3')).toBeUndefined();
  });

  it('does not keep a value read before a forget (it may predate the change)', () => {
    const cache = new ShortCache<string>(5000, 10);
    const readAt = cache.generation();
    cache.forget();
    cache.set('k', 'old', readAt);
    expect(cache.get('k')).toBeUndefined();
  });

  it('lets a value go after its time, and its oldest entry when full', () => {
    const cache = new ShortCache<number>(-1, 2);
    cache.set('expired', 1, cache.generation());
    expect(cache.get('expired')).toBeUndefined();
    const full = new ShortCache<number>(5000, 2);
    for (const key of ['a', 'b', 'c']) full.set(key, 1, full.generation());
    expect(['a', 'b', 'c'].map((key) => full.get(key))).toEqual([undefined, 1, 1]);
  });

  it('forgets again once the transaction commits', () => {
    const cache = new ShortCache<string>(5000, 10);
    const ctx = { afterCommit: [] as Array<() => void> } as unknown as AppContext;
    cache.forgetWithCommit(ctx);
    cache.set('k', 'read during the transaction', cache.generation());
    expect(cache.get('k')).toBeDefined();
    for (const run of ctx.afterCommit!) run();
    expect(cache.get('k')).toBeUndefined();
  });
});
