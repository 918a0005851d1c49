// The three states of anything loaded: a spinner, the error in plain words with 重试, or
// the content (kept on screen while it reloads).
import { Button, ErrorBlock, SpinLoading } from 'antd-mobile';
import type { ReactNode } from 'react';
import { errorMessage } from '../../shared/errors';
import { useI18n } from '../../shared/i18n';

export function Loading() {
  const { t } = useI18n();
  return (
    <div className="m-loading" role="status" aria-label={t('common.loading')}>
      <SpinLoading color="primary" />
    </div>
  );
}

export function LoadFailed({ error, onRetry }: { error: unknown; onRetry(): void }) {
  const { t } = useI18n();
  return (
    <ErrorBlock className="m-load-failed" status="disconnected" title={<span role="alert">{errorMessage(error, t)}</span>} description="">
      <Button color="primary" size="large" onClick={onRetry}>{t('common.retry')}</Button>
    </ErrorBlock>
  );
}

interface LoadState<T> {
  data: T | undefined;
  error: unknown;
  reload(): void;
}

export function Loaded<T>({ state, children }: { state: LoadState<T>; children: (data: T) => ReactNode }) {
  if (state.data !== undefined) return <>{children(state.data)}</>;
  if (state.error !== undefined) return <LoadFailed error={state.error} onRetry={state.reload} />;
  return <Loading />;
}

/** A failed write, said in the server's words, where the person is looking. */
export function ErrorText({ children }: { children: ReactNode }) {
  return children ? <p className="m-error" role="alert">{children}</p> : null;
}

/** A write that went through, said plainly. */
export function DoneText({ children }: { children: ReactNode }) {
  return children ? <p className="m-done" role="status">{children}</p> : null;
}

/** Nothing to show yet, with what to do about it. */
export function Empty({ children }: { children: ReactNode }) {
  return <p className="m-empty">{children}</p>;
}
