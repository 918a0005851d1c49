// A drawer showing one thing loaded from the API: a spinner while it loads, the error
// with a retry when it fails, and the thing once it is there.
import { Button, Drawer, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { errorMessage } from '../../shared/errors';
import { useI18n } from '../../shared/i18n';
import type { Loaded } from '../../shared/useLoad';

interface Props<T> {
  loaded: Loaded<T>;
  /** The title before the thing has loaded (or when it failed to). */
  fallbackTitle: string;
  title(data: T): string;
  size: number;
  onClose(): void;
  children(data: T): ReactNode;
}

export function LoadDrawer<T>({ loaded, fallbackTitle, title, size, onClose, children }: Props<T>) {
  const { t } = useI18n();
  const { data, error } = loaded;
  return (
    <Drawer open size={size} onClose={onClose} title={data ? title(data) : fallbackTitle} closable={{ 'aria-label': t('common.close') }}>
      {error !== undefined ? (
        <Result status="warning" title={errorMessage(error, t)} extra={<Button onClick={loaded.reload}>{t('common.retry')}</Button>} />
      ) : data ? (
        children(data)
      ) : (
        <Spin description={t('common.loading')}><div className="drawer-loading" /></Spin>
      )}
    </Drawer>
  );
}
