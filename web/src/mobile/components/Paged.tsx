// A list that comes in pages (teams, service records, messages) on the phone: a spinner,
// the error with 重试, what to do when it is empty, and 加载更多 while there is more.
import { Button } from 'antd-mobile';
import { useState, type ReactNode } from 'react';
import { errorMessage } from '../../shared/errors';
import { useI18n } from '../../shared/i18n';
import type { PagedList } from '../../shared/usePagedList';
import { Empty, ErrorText, LoadFailed, Loading } from './Async';

export function Paged<T>({ list, empty, children }: { list: PagedList<T>; empty: string; children: (items: T[]) => ReactNode }) {
  const { t } = useI18n();
  const [moreError, setMoreError] = useState<string | null>(null);
  if (list.error !== undefined) return <LoadFailed error={list.error} onRetry={list.reload} />;
  if (list.loading && list.items.length === 0) return <Loading />;
  if (list.items.length === 0) return <Empty>{empty}</Empty>;

  async function loadMore() {
    setMoreError(null);
    try {
      await list.loadMore();
    } catch (failure) {
      setMoreError(errorMessage(failure, t));
    }
  }

  return (
    <>
      {children(list.items)}
      <ErrorText>{moreError}</ErrorText>
      {list.hasMore && <Button block size="large" loading={list.loadingMore} onClick={() => void loadMore()}>{t('common.loadMore')}</Button>}
    </>
  );
}
