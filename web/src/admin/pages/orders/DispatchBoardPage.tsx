// 派单调度: the dispatch board of my area — a column per state, each card with the clock of
// its step (past due in red), orders escalated from the level below first and flagged. A card
// opens the order: take it in, dispatch it (to a suggested team, open for grabbing, or up or
// down a level with a deadline), or reopen it. The board refreshes every minute.
import { ReloadOutlined, WarningFilled } from '@ant-design/icons';
import { Alert, Badge, Button, Card, Empty, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../../api/client';
import { call, errorMessage } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { boardColumns, boardSort, orderStatusName, timerOf, timerText, type Board, type Order } from '../../../shared/orders';
import { useLoad } from '../../../shared/useLoad';
import { useIdParam } from '../../useSearchParam';
import { OrderDrawer } from './OrderDrawer';
import './orders.css';

const fetchBoard = () => call(api.GET('/api/v1/orders/board'));
const REFRESH_MS = 60_000;

export function DispatchBoardPage() {
  const { t } = useI18n();
  const board = useLoad(fetchBoard);
  const [openId, setOpenId] = useIdParam('order');
  const { reload } = board;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => {
      reload();
      setNow(Date.now());
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);

  return (
    <Card
      title={t('order.board.title')}
      extra={
        <Space>
          {board.data && board.data.overdue > 0 && (
            <Tag color="red" icon={<WarningFilled />}>{t('order.board.overdueCount', { n: board.data.overdue })}</Tag>
          )}
          <Button icon={<ReloadOutlined />} loading={board.loading} onClick={reload}>{t('order.board.refresh')}</Button>
        </Space>
      }
    >
      {board.error !== undefined && !board.data && (
        <Alert type="error" showIcon title={errorMessage(board.error, t)} action={<Button onClick={reload}>{t('common.retry')}</Button>} />
      )}
      {board.data ? <Columns board={board.data} now={now} onOpen={setOpenId} /> : board.error === undefined && <Spin description={t('common.loading')}><div className="drawer-loading" /></Spin>}
      {openId !== null && <OrderDrawer id={openId} onChanged={reload} onClose={() => setOpenId(null)} />}
    </Card>
  );
}

function Columns({ board, now, onOpen }: { board: Board; now: number; onOpen(id: number): void }) {
  const { t } = useI18n();
  return (
    <div className="order-board">
      {boardColumns.map((column) => {
        const orders = boardSort(board.columns[column], now);
        return (
          <section key={column} className="order-column" aria-label={orderStatusName(t, column)}>
            <h3 className="order-column-head">
              {orderStatusName(t, column)} <Badge count={orders.length} showZero color={orders.length ? '#b7141b' : '#bbb'} />
            </h3>
            {orders.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('order.board.emptyColumn')} /> : (
              <ul className="order-cards">
                {orders.map((order) => <li key={order.id}><OrderTile order={order} now={now} onOpen={() => onOpen(order.id)} /></li>)}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

function OrderTile({ order, now, onOpen }: { order: Order; now: number; onOpen(): void }) {
  const { t } = useI18n();
  const timer = timerOf(order, now);
  const flagged = order.overdue || (timer?.late ?? false);
  return (
    <button type="button" className={`order-tile${flagged ? ' order-tile-flagged' : ''}`} onClick={onOpen} aria-label={t('order.board.open', { title: order.title })}>
      <strong className="order-tile-title">{order.title}</strong>
      <Space size={4} wrap>
        {order.overdue && <Tag color="red" icon={<WarningFilled />}>{t('order.board.escalated', { n: order.escalations })}</Tag>}
        {order.openForGrab && order.status === 'dispatched' && <Tag color="orange">{t('order.board.openForGrab')}</Tag>}
        {order.declineReason && order.status === 'triaged' && <Tag color="gold">{t('order.board.declinedTag')}</Tag>}
      </Space>
      <Typography.Text type="secondary">{order.site.name} · {order.resident}</Typography.Text>
      {order.organization && <Typography.Text>{order.organization.name}</Typography.Text>}
      {timer && <Typography.Text type={timer.late ? 'danger' : 'warning'} strong>{timerText(timer, t)}</Typography.Text>}
      {order.rating !== null && <Typography.Text>{t('order.board.rating', { n: order.rating })}</Typography.Text>}
    </button>
  );
}
