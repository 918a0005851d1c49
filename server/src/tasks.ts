// Background work that modules declare (closing forgotten check-outs, processing import
// jobs…), run on a timer in every server process. Tasks must be safe to run in several
// processes at once: they claim their rows with conditional updates or SKIP LOCKED.
import type { AppContext } from './context.ts';

export interface BackgroundTask {
  name: string;
  everySeconds: number;
  run(ctx: AppContext): Promise<unknown>;
}

export function startBackgroundTasks(ctx: AppContext, tasks: BackgroundTask[], onError: (task: string, error: unknown) => void) {
  let stopped = false;
  const running = new Set<Promise<unknown>>();
  const timers = tasks.map((task) => {
    let busy = false;
    const tick = () => {
      if (busy || stopped) return;
      busy = true;
      const run = task.run(ctx).catch((error: unknown) => onError(task.name, error)).finally(() => {
        busy = false;
        running.delete(run);
      });
      running.add(run);
    };
    const timer = setInterval(tick, task.everySeconds * 1000);
    timer.unref();
    return timer;
  });
  return {
    /** Stops the timers and waits for the runs in progress. */
    async stop() {
      stopped = true;
      timers.forEach(clearInterval);
      await Promise.all(running);
    },
  };
}
