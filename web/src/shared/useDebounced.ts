import { useEffect, useState } from 'react';

/** The value, once it has stopped changing for `ms` (typing into a search box). */
export function useDebounced<T extends string | number | undefined>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
