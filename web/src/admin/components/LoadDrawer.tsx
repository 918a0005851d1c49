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

// The close button sits at the drawer's far end (top right): at its start it lay under the
// centred message that announces what was just done there (已通过…), and a pointer resting
// on that message keeps it open, so the button could not be reached until it moved away.
export const drawerClosable = (label: string) => ({ 'aria-label': label, placement: 'end' as const });

export function LoadDrawer<T>({ loaded, fallbackTitle, title, size, onClose, children }: Props<T>) {
  const { t } = useI18n();
  const { data, error } = loaded;
  return (
    <Drawer open size={size} onClose={onClose} title={data ? title(data) : fallbackTitle} closable={drawerClosable(t('common.close'))}>
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
