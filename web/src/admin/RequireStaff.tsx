// The gate in front of every console page: a spinner while we ask who this is, the
// login page when nobody is signed in, and a way out for people without a staff role.
import { Button, Result, Spin } from 'antd';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { isAdminRole } from '../shared/domain';
import { errorMessage } from '../shared/errors';
import { useI18n } from '../shared/i18n';
import { useSession } from '../shared/session';

export function RequireStaff() {
  const { state, refresh, signOut } = useSession();
  const { t } = useI18n();
  const location = useLocation();

  switch (state.status) {
    case 'loading':
      return <Spin size="large" fullscreen description={t('common.loading')} />;
    case 'failed':
      return (
        <Result
          status="warning"
          title={errorMessage(state.error, t)}
          extra={<Button type="primary" onClick={() => void refresh()}>{t('common.retry')}</Button>}
        />
      );
    case 'signedOut':
      return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
    case 'signedIn':
      if (!state.me.grants.some((grant) => isAdminRole(grant.role))) {
        return (
          <Result
            status="403"
            title={t('noAccess.title')}
            subTitle={t('noAccess.body')}
            extra={[
              <Button key="m" type="primary" href="/m/">{t('noAccess.mobile')}</Button>,
              <Button key="out" onClick={() => void signOut()}>{t('layout.logout')}</Button>,
            ]}
          />
        );
      }
      return <Outlet />;
  }
}
