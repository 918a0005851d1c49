// A small closed-loop write load for fault tests: a few clients each send the next write
// (every one with its own Idempotency-Key) until stopped, and every answer is kept with
// the phase of the fault it was sent and answered in.
import type { TestResponse } from '../harness.ts';

export interface Write {
  /** The Idempotency-Key, also naming the write in the database checks. */
  key: string;
  send(key: string): Promise<TestResponse>;
}

export interface Outcome<P extends string> {
  write: Write;
  status: number;
  code: string | undefined;
  retryAfter: unknown;
  sentIn: P;
  answeredIn: P;
}

/** No answer within this long is a hang: a bound tied to the pool's connection timeout. */
export async function answerWithin(ms: number, request: Promise<TestResponse>): Promise<TestResponse> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([request, hang]);
  } finally {
    clearTimeout(timer);
  }
}

export function startWriteLoad<P extends string>(options: {
  clients: number;
  next: () => Write;
  phase: () => P;
  /** Each client's pause between writes, so a down database is not asked thousands of times. */
  pauseMs: number;
  hangMs: number;
}) {
  const outcomes: Outcome<P>[] = [];
  let stopped = false;
  const client = async () => {
    while (!stopped) {
      const write = options.next();
      const sentIn = options.phase();
      const response = await answerWithin(options.hangMs, write.send(write.key));
      outcomes.push({
        write, status: response.status, code: response.body?.error?.code, retryAfter: response.headers['retry-after'], sentIn, answeredIn: options.phase(),
      });
      await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
    }
  };
  const running = Promise.all(Array.from({ length: options.clients }, client));
  return {
    outcomes,
    acked: () => outcomes.filter((outcome) => outcome.status < 300).length,
    async stop() {
      stopped = true;
      await running;
    },
  };
}

/** Waits until `done` holds, checking every `everyMs`, at most `attempts` times. */
export async function until(done: () => boolean | Promise<boolean>, what: string, attempts = 600, everyMs = 50) {
  for (let i = 0; i < attempts; i += 1) {
    if (await done()) return;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error(`gave up waiting for ${what}`);
}
