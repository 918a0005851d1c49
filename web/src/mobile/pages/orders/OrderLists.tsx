// 我的点单 (what I asked for, newest first) and 队伍接单 (for a team leader: orders sent to my
// teams to accept, open ones to grab, those being served and those done).
import { api } from '../../../api/client';
import { call } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import type { Order } from '../../../shared/orders';
import { useLoad, type Loaded as LoadState } from '../../../shared/useLoad';
import { Empty, Loaded } from '../../components/Async';
import { useNow } from '../../useNow';
import type { TeamOrders as TeamOrdersData } from './myTeams';
import { OrderCard } from './OrderCard';

const loadMine = async () => (await call(api.GET('/api/v1/orders/mine'))).items;

export function MyOrders() {
  const { t } = useI18n();
  const mine = useLoad(loadMine);
  return (
    <Loaded state={mine}>
      {(orders) => orders.length === 0 ? <Empty>{t('order.m.mineEmpty')}</Empty> : (
        <ul className="m-list-cards" aria-label={t('order.m.mineTab')}>
          {orders.map((order) => <li key={order.id}><OrderCard order={order} /></li>)}
        </ul>
      )}
    </Loaded>
  );
}

export function TeamOrders({ state }: { state: LoadState<TeamOrdersData> }) {
  const { t } = useI18n();
  return (
    <Loaded state={state}>
      {({ teams, items }) => (teams.length === 0 ? <Empty>{t('order.m.notLeader')}</Empty> : <TeamSections ids={teams.map((team) => team.id)} orders={items} />)}
    </Loaded>
  );
}

function TeamSections({ ids, orders }: { ids: number[]; orders: Order[] }) {
  const { t } = useI18n();
  const now = useNow();
  const mine = (order: Order) => order.organization !== null && ids.includes(order.organization.id);
  const sections = [
    { key: 'toAccept', title: t('order.m.toAccept'), orders: orders.filter((o) => o.status === 'dispatched' && mine(o)), empty: t('order.m.toAcceptNone') },
    { key: 'toGrab', title: t('order.m.toGrab'), orders: orders.filter((o) => o.status === 'dispatched' && o.openForGrab && o.organization === null), empty: t('order.m.toGrabNone') },
    { key: 'serving', title: t('order.m.serving'), orders: orders.filter((o) => o.status === 'accepted' && mine(o)), empty: t('order.m.servingNone') },
    { key: 'done', title: t('order.m.done'), orders: orders.filter((o) => (o.status === 'delivered' || o.status === 'rated') && mine(o)), empty: t('order.m.doneNone') },
  ];
  return (
    <>
      {sections.map((section) => (
        <section key={section.key} aria-label={section.title}>
          <h2 className="m-section-title">{section.title}</h2>
          {section.orders.length === 0 ? <Empty>{section.empty}</Empty> : (
            <ul className="m-list-cards">{section.orders.map((order) => <li key={order.id}><OrderCard order={order} now={now} /></li>)}</ul>
          )}
        </section>
      ))}
    </>
  );
}
