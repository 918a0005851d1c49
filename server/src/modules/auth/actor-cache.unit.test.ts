import { describe, expect, it } from 'vitest';
import { actorCache } from './actor-cache.ts';

const actor = (userId: number) => ({ userId, name: '张三', grants: [] });

describe('actor cache', () => {
  it('keeps an actor, and forgets it by token or by person', () => {
    actorCache.set('t1', actor(1), actorCache.generation());
    actorCache.set('t2', actor(1), actorCache.generation());
    actorCache.set('t3', actor(2), actorCache.generation());
    expect(actorCache.get('t1')?.userId).toBe(1);
    actorCache.forgetUser(1);
    expect([actorCache.get('t1'), actorCache.get('t2')]).toEqual([undefined, undefined]);
    expect(actorCache.get('t3')?.userId).toBe(2);
    actorCache.forgetToken('t3');
    expect(actorCache.get('t3')).toBeUndefined();
  });

  it('does not keep an actor read before someone was forgotten (it may predate the change)', () => {
    const readAt = actorCache.generation();
    actorCache.forgetUser(99);
    actorCache.set('t4', actor(3), readAt);
    expect(actorCache.get('t4')).toBeUndefined();
  });
});
