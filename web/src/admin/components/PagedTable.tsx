// A keyset-paged list as a table: the error with a retry, the rows, an empty state that
// says what is empty, and "load more" at the foot.
import { Alert, App, Button, Empty, Table, type TableProps } from 'antd';
import { errorMessage } from '../../shared/errors';
import { useI18n } from '../../shared/i18n';
import type { PagedList } from '../../shared/usePagedList';

interface Props<T> extends Omit<TableProps<T>, 'dataSource' | 'loading' | 'pagination'> {
  list: PagedList<T>;
  /** What an empty list means here, e.g. “没有待审核的注册”. */
  empty: string;
}

export function PagedTable<T extends object>({ list, empty, ...table }: Props<T>) {
  const { t } = useI18n();
  const { message } = App.useApp();

  async function loadMore() {
    try {
      await list.loadMore();
    } catch (error) {
      void message.error(errorMessage(error, t));
    }
  }

  return (
    <>
      {list.error !== undefined && (
        <Alert
          type="error"
          showIcon
          className="form-alert"
          title={errorMessage(list.error, t)}
          action={<Button size="small" onClick={list.reload}>{t('common.retry')}</Button>}
        />
      )}
      <Table<T>
        size="middle"
        scroll={{ x: 'max-content' }}
        {...table}
        dataSource={list.items}
        loading={list.loading}
        pagination={false}
        locale={{ emptyText: list.loading ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> }}
      />
      {list.hasMore && (
        <div className="load-more">
          <Button onClick={() => void loadMore()} loading={list.loadingMore}>{t('common.loadMore')}</Button>
        </div>
      )}
    </>
  );
}
