// Fetches again and again: after each answer, as soon as `nextIn` says (null: stop), and
// after a failure a little later, keeping the last answer on screen meanwhile. `fetch`
// is memoized (useCallback) and `nextIn` stable (module-level): a new one starts over.
import { useEffect, useState } from 'react';

interface Polled<T> {
  fetch: () => Promise<T>;
  data?: T;
  error?: unknown;
}

export function usePoll<T>(fetch: () => Promise<T>, nextIn: (data: T) => number | null, retryMs: number) {
  const [polled, setPolled] = useState<Polled<T> | null>(null);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    async function poll() {
      try {
        const data = await fetch();
        if (!live) return;
        setPolled({ fetch, data });
        const delay = nextIn(data);
        if (delay !== null) timer = setTimeout(() => void poll(), delay);
      } catch (error) {
        if (!live) return;
        setPolled((last) => ({ fetch, data: last?.fetch === fetch ? last.data : undefined, error }));
        timer = setTimeout(() => void poll(), retryMs);
      }
    }
    void poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [fetch, nextIn, retryMs]);

  return polled?.fetch === fetch ? polled : { fetch, data: undefined, error: undefined };
}
