// A keyset-paged list ("load more"): the first page for the current query, further pages
// on request, and rows replaced in place after an action so the list never jumps.
// `fetchPage` is memoized (useCallback): a new one means a new query and a fresh list.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLoad } from './useLoad';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

interface Shown<T> {
  fetchPage: (cursor?: string) => Promise<Page<T>>;
  version: number;
  items: T[];
  nextCursor: string | null;
  error?: unknown;
}

/**
 * A page answered to a request sent at `sentAt`, with the rows changed here since: they
 * replace the page's copies, and on a first page they stay shown (first) when the page no
 * longer holds them (the change moved them out of its query meanwhile).
 */
export function withChanges<T, K extends keyof T>(items: T[], changes: { item: T; at: number }[], sentAt: number, key: K, page: 'first' | 'next'): T[] {
  const later = changes.filter((change) => change.at > sentAt);
  const replaced = items.map((row) => later.find((change) => change.item[key] === row[key])?.item ?? row);
  if (page === 'next') return replaced;
  const dropped = later.filter((change) => !items.some((row) => row[key] === change.item[key])).map((change) => change.item);
  return [...dropped, ...replaced];
}

export function usePagedList<T, K extends keyof T>(fetchPage: (cursor?: string) => Promise<Page<T>>, key: K) {
  const [shown, setShown] = useState<Shown<T> | null>(null);
  const [version, setVersion] = useState(0);
  const [loadingMore, setLoadingMore] = useState(false);
  // Rows changed by an action, with when: a page whose request left earlier is older than
  // them, so they replace its copies (an approval made while the next tab was loading), and
  // stay shown when that page, answered after the change, no longer holds them.
  const changed = useRef(new Map<T[K], { item: T; at: number }>());
  const fresher = useCallback(
    (items: T[], sentAt: number, page: 'first' | 'next') => withChanges(items, [...changed.current.values()], sentAt, key, page),
    [key],
  );

  useEffect(() => {
    let live = true;
    const sentAt = performance.now();
    fetchPage().then(
      (page) => live && setShown({ fetchPage, version, ...page, items: fresher(page.items, sentAt, 'first') }),
      (error: unknown) => live && setShown({ fetchPage, version, items: [], nextCursor: null, error }),
    );
    return () => {
      live = false;
    };
  }, [fetchPage, version, fresher]);

  const current = shown?.fetchPage === fetchPage && shown.version === version ? shown : null;

  /** Throws on failure, for the caller to show. */
  const loadMore = useCallback(async () => {
    if (!current?.nextCursor) return;
    setLoadingMore(true);
    const sentAt = performance.now();
    try {
      const page = await current.fetchPage(current.nextCursor);
      setShown((list) => (list === current ? { ...list, items: [...list.items, ...fresher(page.items, sentAt, 'next')], nextCursor: page.nextCursor } : list));
    } finally {
      setLoadingMore(false);
    }
  }, [current, fresher]);

  /** Shows a changed or new row: replaced where it is, or first when new. */
  const upsert = useCallback((item: T) => {
    changed.current.set(item[key], { item, at: performance.now() });
    setShown((list) => {
      if (!list) return list;
      const at = list.items.findIndex((row) => row[key] === item[key]);
      const items = at === -1 ? [item, ...list.items] : list.items.map((row, i) => (i === at ? item : row));
      return { ...list, items };
    });
  }, [key]);

  return useMemo(() => ({
    // While a new query loads, the previous rows stay (dimmed by `loading`), so the page does not flash empty.
    items: current?.items ?? shown?.items ?? [],
    error: current?.error,
    loading: !current,
    hasMore: Boolean(current?.nextCursor),
    loadingMore,
    loadMore,
    upsert,
    reload: () => setVersion((v) => v + 1),
  }), [current, shown, loadingMore, loadMore, upsert]);
}

export type PagedList<T> = ReturnType<typeof usePagedList<T, keyof T>>;

/** The most a count looks at; more shows as “200+”. */
const COUNT_LIMIT = 200;

/**
 * How many rows a query has, for a tab's badge (“待审核 3”): the API has no counts, so
 * this reads one page of up to 200 rows. `fetchPage` is memoized; `reload` recounts.
 */
export function usePageCount(fetchPage: (limit: number) => Promise<Page<unknown>>) {
  const load = useCallback(async () => {
    const page = await fetchPage(COUNT_LIMIT);
    return `${page.items.length}${page.nextCursor ? '+' : ''}`;
  }, [fetchPage]);
  return useLoad(load);
}

/**
 * The list of a filter object: `fetch` is a stable (module-level) function, and the
 * query is compared by value, so a filter rebuilt with the same values is the same list.
 */
export function useQueryList<Q, T, K extends keyof T>(fetch: (query: Q, cursor?: string) => Promise<Page<T>>, query: Q, key: K) {
  const json = JSON.stringify(query);
  const fetchPage = useCallback((cursor?: string) => fetch(JSON.parse(json) as Q, cursor), [fetch, json]);
  return usePagedList(fetchPage, key);
}
