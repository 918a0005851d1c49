import { useEffect, useState } from 'react';

/** The time, renewed every `ms`, for screens whose buttons open and close with the clock (check-in). */
export function useNow(ms = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}
