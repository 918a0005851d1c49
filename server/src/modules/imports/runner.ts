// Who works on import jobs. In a server: a background task (server/src/tasks.ts) in every
// process, claiming jobs with SKIP LOCKED, each run bounded so a stopping server waits
// little and a restarted one resumes the job. Tests start a faster loop of the same work.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { AppContext } from '../../context.ts';
import type { BackgroundTask } from '../../tasks.ts';
import { processImportJobs } from './service.ts';

/** This process, as named on the jobs it claims. */
const WORKER = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

export const importTasks: BackgroundTask[] = [
  { name: 'import jobs', everySeconds: 1, run: (ctx) => processImportJobs(ctx, { worker: WORKER, budgetMs: 10_000 }) },
];

export interface ImportRunner {
  /** Look for work now (after an upload) instead of at the next poll. */
  wake(): void;
  /** Finishes the current batch, lets go of the job, and ends the loop. */
  stop(): Promise<void>;
}

const runners = new WeakMap<AppContext, ImportRunner>();

/** The loop started for this context by `startImportRunner`, if any. */
export const runnerFor = (ctx: AppContext) => runners.get(ctx);

/** A polling loop of the same work as the background task, with a short poll (tests). */
export function startImportRunner(ctx: AppContext, options: { pollMs?: number } = {}): ImportRunner {
  const worker = `${WORKER}:${randomUUID().slice(0, 8)}`;
  let stopped = false;
  let wakeUp: () => void = () => {};
  const loop = (async () => {
    while (!stopped) {
      const touched = await processImportJobs(ctx, { worker, budgetMs: 60_000, shouldStop: () => stopped })
        .catch((error: unknown) => {
          console.warn('import runner:', error);
          return 0;
        });
      if (touched === 0 && !stopped) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, options.pollMs ?? 1000);
          wakeUp = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  })();
  const runner: ImportRunner = {
    wake: () => wakeUp(),
    async stop() {
      stopped = true;
      wakeUp();
      await loop;
      if (runners.get(ctx) === runner) runners.delete(ctx);
    },
  };
  runners.set(ctx, runner);
  return runner;
}
