// Loads data for a screen: `load` is a memoized function (useCallback), and a new one
// means new data. Keeps the previous data of the same loader while reloading, so a
// refresh does not flash an empty screen.
import { useCallback, useEffect, useState } from 'react';

interface Result<T> {
  load: () => Promise<T>;
  version: number;
  data?: T;
  error?: unknown;
}

export function useLoad<T>(load: () => Promise<T>) {
  const [version, setVersion] = useState(0);
  const [result, setResult] = useState<Result<T> | null>(null);

  useEffect(() => {
    let live = true;
    load().then(
      (data) => live && setResult({ load, version, data }),
      (error: unknown) => live && setResult({ load, version, error }),
    );
    return () => {
      live = false;
    };
  }, [load, version]);

  const same = result?.load === load;
  return {
    data: same ? result.data : undefined,
    error: same && result.version === version ? result.error : undefined,
    loading: !same || result.version !== version,
    reload: useCallback(() => setVersion((v) => v + 1), []),
    /** Replaces the data with what a write returned, without another request. */
    setData: useCallback((data: T) => setResult({ load, version, data }), [load, version]),
  };
}

export type Loaded<T> = ReturnType<typeof useLoad<T>>;
