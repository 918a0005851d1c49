import { ApartmentOutlined, TeamOutlined } from '@ant-design/icons';
import { Layout, Menu } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useI18n } from '../../shared/i18n';
import { UserBar } from './UserBar';

export function ConsoleLayout() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const section = useLocation().pathname.split('/')[1] ?? '';
  const items = [
    { key: 'network', icon: <ApartmentOutlined />, label: t('menu.network') },
    { key: 'staff', icon: <TeamOutlined />, label: t('menu.staff') },
  ];

  return (
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
  );
}
