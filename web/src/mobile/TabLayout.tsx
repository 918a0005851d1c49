import { BellOutlined, CalendarOutlined, HomeOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { TabBar } from 'antd-mobile';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useI18n } from '../shared/i18n';
import { useInboxCount } from './inboxCount';

/** The tab a screen belongs to: its first path segment; 时长 and 证明 are part of 我的. */
function tabOf(pathname: string): string {
  const first = `/${pathname.split('/')[1] ?? ''}`;
  return ['/hours', '/certificates'].includes(first) ? '/me' : first;
}

export function TabLayout() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { unread } = useInboxCount();
  return (
    <div className="m-app">
      <main className="m-main">
        <Outlet />
      </main>
      <nav className="m-tabbar" aria-label={t('m.tabs')}>
        <TabBar activeKey={tabOf(pathname)} onChange={(key) => void navigate(key)} safeArea>
          <TabBar.Item key="/" icon={<HomeOutlined />} title={t('m.tab.home')} />
          <TabBar.Item key="/activities" icon={<CalendarOutlined />} title={t('mobile.tab.activities')} />
          <TabBar.Item key="/teams" icon={<TeamOutlined />} title={t('mobile.tab.teams')} />
          <TabBar.Item
            key="/inbox"
            icon={<BellOutlined />}
            title={unread > 0 ? <span aria-label={t('mobile.tab.inboxUnread', { n: unread })}>{t('mobile.tab.inbox')}</span> : t('mobile.tab.inbox')}
            badge={unread > 0 ? (unread > 99 ? '99+' : unread) : undefined}
          />
          <TabBar.Item key="/me" icon={<UserOutlined />} title={t('m.tab.me')} />
        </TabBar>
      </nav>
    </div>
  );
}
