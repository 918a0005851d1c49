import { HomeOutlined, UserOutlined } from '@ant-design/icons';
import { TabBar } from 'antd-mobile';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useI18n } from '../shared/i18n';

export function TabLayout() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  return (
    <div className="m-app">
      <main className="m-main">
        <Outlet />
      </main>
      <nav className="m-tabbar" aria-label={t('m.tabs')}>
        <TabBar activeKey={pathname} onChange={(key) => void navigate(key)} safeArea>
          <TabBar.Item key="/" icon={<HomeOutlined />} title={t('m.tab.home')} />
          <TabBar.Item key="/me" icon={<UserOutlined />} title={t('m.tab.me')} />
        </TabBar>
      </nav>
    </div>
  );
}
