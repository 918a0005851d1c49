// One order as a card in a list (我的点单, 队伍接单): what, where it stands, which team,
// and for an open one the clock of its current step; the whole card opens the order.
import { Tag } from 'antd-mobile';
import { Link } from 'react-router-dom';
import { categoryName } from '../../../shared/labels';
import { useI18n } from '../../../shared/i18n';
import { orderStatusName, timerOf, timerText, type Order, type OrderStatus } from '../../../shared/orders';
import { formatDayTime } from '../../format';

type TagColor = 'default' | 'primary' | 'success' | 'warning' | 'danger';

export const orderStatusColor: Record<OrderStatus, TagColor> = {
  ordered: 'warning', triaged: 'warning', dispatched: 'primary', accepted: 'primary', delivered: 'success', rated: 'success', cancelled: 'default',
};

export function OrderStatusTag({ status }: { status: OrderStatus }) {
  const { t } = useI18n();
  return <Tag className="m-tag" color={orderStatusColor[status]}>{orderStatusName(t, status)}</Tag>;
}

/** The clock of an open order, in words; nothing once it is delivered. */
export function OrderTimer({ order, now }: { order: Pick<Order, 'deadline' | 'status'>; now: number }) {
  const { t } = useI18n();
  const timer = timerOf(order, now);
  if (!timer || order.status === 'cancelled') return null;
  return <span className={timer.late ? 'm-order-late' : 'm-order-left'}>{timerText(timer, t)}</span>;
}

/** `now` shows the clock of the order's step (for the team serving it). */
export function OrderCard({ order, now }: { order: Order; now?: number }) {
  const { t, lang } = useI18n();
  return (
    <Link to={`/orders/${order.id}`} className="m-item-card">
      <h2>{order.title}</h2>
      <p className="m-meta">
        <OrderStatusTag status={order.status} />
        <Tag className="m-tag" color="primary" fill="outline">{categoryName(t, order.category)}</Tag>
        {order.openForGrab && order.status === 'dispatched' && <Tag className="m-tag" color="danger" fill="outline">{t('order.m.openForGrab')}</Tag>}
      </p>
      <p className="m-meta">
        <span>{t('order.m.orderedAt', { time: formatDayTime(order.createdAt, lang) })}</span>
        {order.organization && <span>{t('order.m.team', { name: order.organization.name })}</span>}
        {now !== undefined && <OrderTimer order={order} now={now} />}
      </p>
      {order.rating !== null && <p className="m-meta">{t('order.m.ratedStars', { n: order.rating })}</p>}
    </Link>
  );
}
