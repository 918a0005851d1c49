// The staff list for the current filters, a page at a time (keyset: "load more"), with
// rows replaced in place after an action so the list never jumps.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api } from '../../../api/client';
import type { GrantableRole, Staff } from '../../../api/types';
import { call } from '../../../shared/errors';

export interface StaffFilter {
  q: string;
  phoneSuffix: string;
  role: GrantableRole | undefined;
}

interface List {
  key: string;
  items: Staff[];
  nextCursor: string | null;
  error?: unknown;
}

const PAGE_SIZE = 50;

export function useStaffList(filter: StaffFilter) {
  const [list, setList] = useState<List | null>(null);
  const [version, setVersion] = useState(0);
  const [loadingMore, setLoadingMore] = useState(false);
  const { q, phoneSuffix, role } = filter;
  const key = `${version}|${q}|${phoneSuffix}|${role ?? ''}`;

  const fetchPage = useCallback(
    (cursor?: string) =>
      call(api.GET('/api/v1/staff', {
        params: { query: { q: q.trim() || undefined, phoneSuffix: phoneSuffix || undefined, role, cursor, limit: PAGE_SIZE } },
      })),
    [q, phoneSuffix, role],
  );

  useEffect(() => {
    let live = true;
    fetchPage().then(
      (page) => live && setList({ key, ...page }),
      (error: unknown) => live && setList({ key, items: [], nextCursor: null, error }),
    );
    return () => {
      live = false;
    };
  }, [fetchPage, key]);

  const current = list?.key === key ? list : null;

  /** Throws on failure, for the caller to show. */
  const loadMore = useCallback(async () => {
    if (!current?.nextCursor) return;
    setLoadingMore(true);
    try {
      const page = await fetchPage(current.nextCursor);
      setList((shown) => shown && shown.key === current.key ? { ...shown, items: [...shown.items, ...page.items], nextCursor: page.nextCursor } : shown);
    } finally {
      setLoadingMore(false);
    }
  }, [current, fetchPage]);

  /** Shows a changed or new account: replaced where it is, or first when new. */
  const upsert = useCallback((staff: Staff) => {
    setList((shown) => {
      if (!shown) return shown;
      const at = shown.items.findIndex((item) => item.id === staff.id);
      const items = at === -1 ? [staff, ...shown.items] : shown.items.map((item) => (item.id === staff.id ? staff : item));
      return { ...shown, items };
    });
  }, []);

  return useMemo(() => ({
    items: current?.items ?? list?.items ?? [],
    error: current?.error,
    loading: !current,
    hasMore: Boolean(current?.nextCursor),
    loadingMore,
    loadMore,
    upsert,
    reload: () => setVersion((v) => v + 1),
  }), [current, list, loadingMore, loadMore, upsert]);
}
