// One query-string parameter as state (?id=12, ?tab=pending): a chosen row or tab
// survives a reload and can be shared as a link.
import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

export function useSearchParam(name: string): [string | null, (value: string | number | null) => void] {
  const [params, setParams] = useSearchParams();
  const set = useCallback(
    (value: string | number | null) =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        if (value === null) next.delete(name);
        else next.set(name, String(value));
        return next;
      }),
    [name, setParams],
  );
  return [params.get(name), set];
}

/** A numeric id parameter: the open drawer's row. */
export function useIdParam(name = 'id'): [number | null, (id: number | null) => void] {
  const [value, set] = useSearchParam(name);
  return [Number(value) || null, set];
}
