import { Button, ErrorBlock, SpinLoading } from 'antd-mobile';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { errorMessage } from '../shared/errors';
import { useI18n } from '../shared/i18n';
import { useSession } from '../shared/session';

export function RequireSignIn() {
  const { state, refresh } = useSession();
  const { t } = useI18n();
  const location = useLocation();
  switch (state.status) {
    case 'loading':
      return (
        <div className="m-center" role="status" aria-label={t('common.loading')}>
          <SpinLoading color="primary" />
        </div>
      );
    case 'failed':
      return (
        <ErrorBlock status="disconnected" title={errorMessage(state.error, t)} description="">
          <Button color="primary" size="large" onClick={() => void refresh()}>{t('common.retry')}</Button>
        </ErrorBlock>
      );
    case 'signedOut':
      // Back to this screen after signing in (an inbox link, a shared activity).
      return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
    case 'signedIn':
      return <Outlet />;
  }
}
