import {
  ApartmentOutlined, AuditOutlined, CalendarOutlined, ClockCircleOutlined, CloudUploadOutlined, FlagOutlined, IdcardOutlined, TeamOutlined,
  UsergroupAddOutlined,
} from '@ant-design/icons';
import { Layout, Menu, type MenuProps } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useI18n } from '../../shared/i18n';
import { useMe } from '../../shared/session';
import { auditNavItems } from '../pages/audit/nav';
import { careNavItems } from '../pages/care/nav';
import { orderNavItems } from '../pages/orders/nav';
import { statsNavItems } from '../pages/stats/nav';
import { wishNavItems } from '../pages/wishes/nav';
import { InboxCountProvider } from './inboxCount';
import { UserBar } from './UserBar';

export function ConsoleLayout() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const me = useMe();
  const section = useLocation().pathname.split('/')[1] ?? '';
  // Groups are headings, not folds: every page stays one click away.
  const items: MenuProps['items'] = [
    { key: 'network', icon: <ApartmentOutlined />, label: t('menu.network') },
    ...statsNavItems(t),
    { key: 'volunteers', icon: <IdcardOutlined />, label: t('menu.volunteers') },
    { key: 'organizations', icon: <UsergroupAddOutlined />, label: t('menu.organizations') },
    {
      key: 'work', type: 'group', label: t('menu.work'),
      children: [
        { key: 'projects', icon: <FlagOutlined />, label: t('menu.projects') },
        { key: 'activities', icon: <CalendarOutlined />, label: t('menu.activities') },
        ...wishNavItems(t),
        ...orderNavItems(t),
      ],
    },
    {
      key: 'service', type: 'group', label: t('menu.service'),
      children: [
        { key: 'hours', icon: <ClockCircleOutlined />, label: t('menu.hours') },
        { key: 'certificates', icon: <AuditOutlined />, label: t('menu.certificates') },
      ],
    },
    ...careNavItems(t),
    { key: 'imports', icon: <CloudUploadOutlined />, label: t('menu.imports') },
    { key: 'staff', icon: <TeamOutlined />, label: t('menu.staff') },
    ...auditNavItems(t, me.grants),
  ];

  return (
    <InboxCountProvider>
      <Layout className="console">
        <Layout.Sider width={200} breakpoint="lg" collapsedWidth={56} className="console-sider">
          <div className="console-brand">{t('app.name')}</div>
          <Menu theme="dark" mode="inline" selectedKeys={[section]} items={items} onClick={({ key }) => void navigate(`/${key}`)} />
        </Layout.Sider>
        <Layout>
          <Layout.Header className="console-header">
            <UserBar />
          </Layout.Header>
          <Layout.Content className="console-content">
            <Outlet />
          </Layout.Content>
        </Layout>
      </Layout>
    </InboxCountProvider>
  );
}
