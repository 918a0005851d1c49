// 点单服务: the service menu of my area (my station's, institute's and center's approved
// items), 我的点单 with where each stands, and for a team leader 队伍接单 — orders sent to
// their teams and open ones to grab. 说出您的需求 (a request off the menu) is always one tap away.
import { Tabs } from 'antd-mobile';
import { Link, useSearchParams } from 'react-router-dom';
import { useI18n } from '../../../shared/i18n';
import { PageHeader } from '../../components/PageHeader';
import { MenuTab } from './MenuTab';
import { MyOrders, TeamOrders } from './OrderLists';
import { useTeamOrders } from './myTeams';
import './orders.css';

type View = 'menu' | 'mine' | 'team';
const views: readonly View[] = ['menu', 'mine', 'team'];

export function OrdersPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const asked = params.get('view');
  const view: View = views.find((v) => v === asked) ?? 'menu';
  const forTeams = useTeamOrders();
  const leads = (forTeams.data?.teams.length ?? 0) > 0;
  return (
    <>
      <PageHeader title={t('order.m.title')} back="/" />
      <Link className="m-button-link" to="/orders/new">{t('order.m.freeRequest')}</Link>
      <Tabs className="m-tabs" activeKey={view} onChange={(key) => setParams(key === 'menu' ? {} : { view: key }, { replace: true })}>
        <Tabs.Tab key="menu" title={t('order.m.menuTab')}>
          <MenuTab />
        </Tabs.Tab>
        <Tabs.Tab key="mine" title={t('order.m.mineTab')}>
          <MyOrders />
        </Tabs.Tab>
        {(leads || view === 'team') && (
          <Tabs.Tab key="team" title={t('order.m.teamTab')}>
            <TeamOrders state={forTeams} />
          </Tabs.Tab>
        )}
      </Tabs>
    </>
  );
}
