// One order: what was asked, where it stands with its timeline, who serves it, the team's
// report and photos, the rating; and what I can do next (accept, decline, grab, deliver,
// rate, cancel). A team that declines no longer sees the order: it is told so, with a way back.
import { Image } from 'antd-mobile';
import { useCallback, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { api } from '../../../api/client';
import { call } from '../../../shared/errors';
import { useI18n, type MessageKey } from '../../../shared/i18n';
import { categoryName } from '../../../shared/labels';
import { orderStatusName, orderSteps, type OrderDetail, type OrderStatus } from '../../../shared/orders';
import { useLoad } from '../../../shared/useLoad';
import { DoneText, Loaded } from '../../components/Async';
import { PageHeader } from '../../components/PageHeader';
import { Stars } from '../../components/Stars';
import { formatDayTime } from '../../format';
import { useNow } from '../../useNow';
import type { LedTeam } from './myTeams';
import { OrderStatusTag, OrderTimer } from './OrderCard';
import { AcceptPanel, CancelOrderButton, DeliverPanel, GrabPanel, RateOrderPanel } from './OrderSteps';
import './orders.css';

export function OrderPage() {
  const { t } = useI18n();
  const id = Number(useParams().id);
  const load = useCallback(async () => {
    const [order, mine, forTeams] = await Promise.all([
      call(api.GET('/api/v1/orders/{id}', { params: { path: { id } } })), call(api.GET('/api/v1/orders/mine')), call(api.GET('/api/v1/orders/team')),
    ]);
    return { order, resident: mine.items.some((item) => item.id === id), teams: forTeams.teams };
  }, [id]);
  const order = useLoad(load);
  const [declined, setDeclined] = useState<string | null>(null);
  return (
    <>
      <PageHeader title={t('order.m.detailTitle')} back="/orders" />
      {declined ? (
        <>
          <DoneText>{declined}</DoneText>
          <Link className="m-button-link" to="/orders?view=team">{t('order.m.backToTeam')}</Link>
        </>
      ) : (
        <Loaded state={order}>{(data) => <Detail {...data} onChanged={order.reload} onDeclined={setDeclined} />}</Loaded>
      )}
    </>
  );
}

/** Where the order stands, in a sentence for the resident who asked. */
const residentNote: Partial<Record<OrderStatus, MessageKey>> = {
  ordered: 'order.m.note.ordered',
  triaged: 'order.m.note.triaged',
  dispatched: 'order.m.note.dispatched',
  accepted: 'order.m.note.accepted',
  delivered: 'order.m.note.delivered',
  rated: 'order.m.note.rated',
  cancelled: 'order.m.note.cancelled',
};

interface DetailProps {
  order: OrderDetail;
  /** I asked for it. */
  resident: boolean;
  teams: LedTeam[];
  onChanged(): void;
  onDeclined(message: string): void;
}

function Detail({ order, resident, teams, onChanged, onDeclined }: DetailProps) {
  const { t, lang } = useI18n();
  const now = useNow();
  const placed = (useLocation().state as { placed?: boolean } | null)?.placed === true;
  const [done, setDone] = useState<string | null>(placed ? t('order.m.placed') : null);
  const steps = orderSteps(order, { resident, myTeamIds: teams.map((team) => team.id) });
  const serving = order.organization !== null && teams.some((team) => team.id === order.organization!.id);
  const report = (message: string) => {
    setDone(message);
    onChanged();
  };
  const note = resident ? residentNote[order.status] : undefined;

  return (
    <article className="m-detail">
      <h2 className="m-detail-title">{order.title}</h2>
      <p className="m-meta">
        <OrderStatusTag status={order.status} />
        <span>{categoryName(t, order.category)}</span>
        {(serving || steps.includes('grab')) && <OrderTimer order={order} now={now} />}
      </p>
      {note && <p className="m-state">{t(note)}</p>}
      <DoneText>{done}</DoneText>
      <dl className="m-facts">
        <dt>{t('order.m.orderedAtLabel')}</dt>
        <dd>{formatDayTime(order.createdAt, lang)}</dd>
        <dt>{t('order.m.site')}</dt>
        <dd>{order.site.name}</dd>
        <dt>{t('order.m.handler')}</dt>
        <dd>{order.handler.name}</dd>
        {order.organization && (<><dt>{t('order.m.teamLabel')}</dt><dd>{order.organization.name}</dd></>)}
        <dt>{t('order.m.resident')}</dt>
        <dd>{order.resident}</dd>
        {order.address && (<><dt>{t('order.m.address')}</dt><dd>{order.address}</dd></>)}
        {order.contactPhone && (<><dt>{t('order.m.phone')}</dt><dd><a href={`tel:${order.contactPhone}`}>{order.contactPhone}</a></dd></>)}
      </dl>
      {order.details && <p className="m-description">{order.details}</p>}
      {order.deliveryReport && (
        <section aria-label={t('order.m.reportTitle')}>
          <h3 className="m-section-title">{t('order.m.reportTitle')}</h3>
          <p className="m-description">{order.deliveryReport}</p>
          {order.deliveryPhotos.length > 0 && (
            <ul className="m-cards" aria-label={t('order.m.photos')}>
              {order.deliveryPhotos.map((url, index) => <li key={url}><Image src={url} alt={t('order.m.photoAlt', { n: index + 1 })} fit="cover" lazy /></li>)}
            </ul>
          )}
        </section>
      )}
      {order.rating !== null && (
        <section aria-label={t('order.m.ratingTitle')}>
          <h3 className="m-section-title">{t('order.m.ratingTitle')}</h3>
          <Stars count={order.rating} />
          {order.ratingComment && <p className="m-description">{order.ratingComment}</p>}
        </section>
      )}

      {steps.includes('accept') && <AcceptPanel order={order} onDone={report} onDeclined={onDeclined} />}
      {steps.includes('grab') && <GrabPanel order={order} teams={teams} onDone={report} />}
      {steps.includes('deliver') && <DeliverPanel order={order} onDone={report} />}
      {steps.includes('rate') && <RateOrderPanel order={order} onDone={report} />}
      {steps.includes('cancel') && <CancelOrderButton order={order} onDone={report} />}

      <Timeline order={order} />
    </article>
  );
}

function Timeline({ order }: { order: OrderDetail }) {
  const { t, lang } = useI18n();
  return (
    <section aria-label={t('order.m.timeline')}>
      <h3 className="m-section-title">{t('order.m.timeline')}</h3>
      <ol className="m-plain-list">
        {order.timeline.map((event, index) => (
          <li key={`${event.at}-${index}`}>
            {formatDayTime(event.at, lang)} {orderStatusName(t, event.to)}
            {event.actor && `（${event.actor}）`}
            {event.note && `：${event.note}`}
          </li>
        ))}
      </ol>
    </section>
  );
}
