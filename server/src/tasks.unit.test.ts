import { describe, expect, it, vi } from 'vitest';
import type { AppContext } from './context.ts';
import { startBackgroundTasks } from './tasks.ts';

describe('background tasks', () => {
  it('run on their timer, never overlap, and stop after the run in progress', async () => {
    vi.useFakeTimers();
    let active = 0;
    let maxActive = 0;
    let runs = 0;
    let release!: () => void;
    const task = {
      name: 'slow', everySeconds: 1,
      run: () => {
        runs += 1;
        active += 1;
        maxActive = Math.max(maxActive, active);
        return new Promise<void>((resolve) => (release = () => { active -= 1; resolve(); }));
      },
    };
    const errors: string[] = [];
    const handle = startBackgroundTasks({} as AppContext, [task], (name) => errors.push(name));
    await vi.advanceTimersByTimeAsync(3500);
    expect(runs).toBe(1); // the first run is still going: no second one
    const stopped = handle.stop();
    release();
    await stopped;
    await vi.advanceTimersByTimeAsync(5000);
    expect(runs).toBe(1);
    expect(maxActive).toBe(1);
    expect(errors).toEqual([]);
    vi.useRealTimers();
  });

  it('report a failing run and keep going', async () => {
    vi.useFakeTimers();
    const errors: string[] = [];
    let runs = 0;
    const handle = startBackgroundTasks({} as AppContext, [{ name: 'broken', everySeconds: 1, run: async () => { runs += 1; throw new Error('boom'); } }], (name) => errors.push(name));
    await vi.advanceTimersByTimeAsync(3100);
    await handle.stop();
    expect(runs).toBe(3);
    expect(errors).toEqual(['broken', 'broken', 'broken']);
    vi.useRealTimers();
  });
});
