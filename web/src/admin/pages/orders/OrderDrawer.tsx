// One order on the board: who asked for what and where, the clock of its step, the team,
// the decline reason or the delivery report and rating, the timeline; and the next step for
// the handling area's staff — take it in (分拣), dispatch it, rate it for the resident after
// a follow-up call (回访), or reopen it with a reason.
import { CheckOutlined, RollbackOutlined, SendOutlined, StarOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Image, List, Rate, Space, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { api } from '../../../api/client';
import { call } from '../../../shared/errors';
import { formatDateTime } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { categoryName } from '../../../shared/labels';
import { orderStatusName, staffSteps, timerOf, timerText, type OrderDetail } from '../../../shared/orders';
import { useLoad } from '../../../shared/useLoad';
import { LoadDrawer } from '../../components/LoadDrawer';
import { ReasonModal } from '../../components/ReasonModal';
import { StatusTag } from '../../components/Tags';
import { useAction } from '../../useAction';
import { DispatchModal } from './DispatchModal';
import { RateForResidentModal } from './RateForResidentModal';

interface Props {
  id: number;
  onChanged(): void;
  onClose(): void;
}

export function OrderDrawer({ id, onChanged, onClose }: Props) {
  const { t } = useI18n();
  const order = useLoad(useCallback(() => call(api.GET('/api/v1/orders/{id}', { params: { path: { id } } })), [id]));
  const changed = (updated: OrderDetail) => {
    order.setData(updated);
    onChanged();
  };
  return (
    <LoadDrawer loaded={order} size={640} fallbackTitle={t('order.board.title')} title={(o) => o.title} onClose={onClose}>
      {/* A new state starts a new clock. */}
      {(o) => <OrderView key={`${o.status}-${o.deadline}`} order={o} onChanged={changed} />}
    </LoadDrawer>
  );
}

const statusTone: Record<string, string> = { ordered: 'pending', triaged: 'pending', dispatched: 'submitted', accepted: 'submitted', delivered: 'done', rated: 'done', cancelled: 'cancelled' };

function OrderView({ order: o, onChanged }: { order: OrderDetail; onChanged(order: OrderDetail): void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const triage = useAction();
  const [dispatching, setDispatching] = useState(false);
  const [reopening, setReopening] = useState(false);
  const [rating, setRating] = useState(false);
  const [now] = useState(() => Date.now());
  const timer = timerOf(o, now);
  const steps = staffSteps(o);
  const none = <Typography.Text type="secondary">{t('common.notSet')}</Typography.Text>;
  const path = { params: { path: { id: o.id } } };

  return (
    <Space orientation="vertical" size="middle" className="full-width">
      <Space wrap>
        <StatusTag status={statusTone[o.status] ?? o.status}>{orderStatusName(t, o.status)}</StatusTag>
        {timer && <Typography.Text type={timer.late ? 'danger' : 'warning'} strong>{timerText(timer, t)}</Typography.Text>}
        {steps.includes('triage') && (
          <Button
            type="primary" icon={<CheckOutlined />} loading={triage.busy !== null}
            onClick={() => void triage.run(async () => onChanged(await call(api.POST('/api/v1/orders/{id}/triage', path))), t('order.board.triaged'))}
          >
            {t('order.board.triage')}
          </Button>
        )}
        {steps.includes('dispatch') && <Button type="primary" icon={<SendOutlined />} onClick={() => setDispatching(true)}>{t('order.board.dispatch')}</Button>}
        {steps.includes('rate') && <Button icon={<StarOutlined />} onClick={() => setRating(true)}>{t('order.board.rateFor')}</Button>}
        {steps.includes('reopen') && <Button icon={<RollbackOutlined />} onClick={() => setReopening(true)}>{t('order.board.reopen')}</Button>}
      </Space>
      {o.overdue && <Alert type="error" showIcon title={t('order.board.escalatedNote', { n: o.escalations, handler: o.handler.name })} />}
      {o.declineReason && o.status === 'triaged' && <Alert type="warning" showIcon title={t('order.board.declinedNote', { reason: o.declineReason })} />}
      <Descriptions
        column={1}
        bordered
        size="small"
        items={[
          { key: 'category', label: t('order.field.category'), children: categoryName(t, o.category) },
          { key: 'menu', label: t('order.field.source'), children: o.menuItemId !== null ? <Tag color="blue">{t('order.field.fromMenu')}</Tag> : <Tag>{t('order.field.freeRequest')}</Tag> },
          { key: 'resident', label: t('order.field.resident'), children: o.resident },
          { key: 'phone', label: t('order.field.phone'), children: o.contactPhone ?? none },
          { key: 'address', label: t('order.field.address'), children: o.address ?? none },
          { key: 'site', label: t('order.field.site'), children: o.site.name },
          { key: 'handler', label: t('order.field.handler'), children: o.handler.name },
          { key: 'team', label: t('order.field.team'), children: o.organization?.name ?? (o.openForGrab ? t('order.board.openForGrab') : none) },
          { key: 'created', label: t('order.field.createdAt'), children: formatDateTime(o.createdAt, lang) },
          { key: 'deadline', label: t('order.field.deadline'), children: o.deadline ? formatDateTime(o.deadline, lang) : none },
          { key: 'details', label: t('order.field.details'), children: o.details ? <span className="pre-line">{o.details}</span> : none },
        ]}
      />
      {o.deliveryReport && (
        <Descriptions
          column={1}
          bordered
          size="small"
          title={t('order.field.delivery')}
          items={[
            { key: 'report', label: t('order.field.report'), children: <span className="pre-line">{o.deliveryReport}</span> },
            ...(o.deliveryPhotos.length > 0 ? [{
              key: 'photos', label: t('order.field.photos'),
              children: <Image.PreviewGroup>{o.deliveryPhotos.map((url, index) => <Image key={url} src={url} width={96} alt={t('order.m.photoAlt', { n: index + 1 })} />)}</Image.PreviewGroup>,
            }] : []),
            ...(o.rating !== null ? [{
              key: 'rating', label: t('order.field.rating'),
              children: (
                <Space orientation="vertical" size={0}>
                  <span role="img" aria-label={t('order.board.rating', { n: o.rating })}><Rate disabled value={o.rating} /></span>
                  {o.ratingComment && <Typography.Text>{o.ratingComment}</Typography.Text>}
                </Space>
              ),
            }] : []),
          ]}
        />
      )}
      <List
        size="small"
        bordered
        header={<Typography.Text strong>{t('order.m.timeline')}</Typography.Text>}
        dataSource={o.timeline}
        renderItem={(event) => (
          <List.Item>
            <Space wrap size={6}>
              <Typography.Text type="secondary">{formatDateTime(event.at, lang)}</Typography.Text>
              <Typography.Text strong>{orderStatusName(t, event.to)}</Typography.Text>
              {event.actor && <span>{event.actor}</span>}
              {event.note && <span>{event.note}</span>}
            </Space>
          </List.Item>
        )}
      />
      {dispatching && (
        <DispatchModal
          order={o}
          onDispatched={(updated) => {
            setDispatching(false);
            onChanged(updated);
            void message.success(t('order.board.dispatched'));
          }}
          onClose={() => setDispatching(false)}
        />
      )}
      {rating && (
        <RateForResidentModal
          order={o}
          onRated={(updated) => {
            setRating(false);
            onChanged(updated);
            void message.success(t('order.board.rated'));
          }}
          onClose={() => setRating(false)}
        />
      )}
      {reopening && (
        <ReasonModal
          title={t('order.board.reopenTitle', { title: o.title })}
          label={t('order.board.reopenReason')}
          okText={t('order.board.reopen')}
          onSubmit={async (note) => {
            onChanged(await call(api.POST('/api/v1/orders/{id}/reopen', { ...path, body: { note } })));
            setReopening(false);
          }}
          onClose={() => setReopening(false)}
        >
          <p>{t('order.board.reopenHint')}</p>
        </ReasonModal>
      )}
    </Space>
  );
}
