// 服务菜单 (制单): the menu items of my area with their state and places taken; publishing
// one; retiring one (下架: no new orders, those placed go on); and a tab of the items from the
// level below that wait for my review (approve, or reject with a reason).
import { PlusOutlined, StopOutlined } from '@ant-design/icons';
import { App, Alert, Button, Card, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useState } from 'react';
import { api } from '../../../api/client';
import { call, errorMessage } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { categoryName } from '../../../shared/labels';
import { mayReviewMenuItem, type MenuItem, type MenuItemStatus } from '../../../shared/orders';
import { useMe } from '../../../shared/session';
import { useLoad } from '../../../shared/useLoad';
import { ReviewButtons } from '../../components/ReviewButtons';
import { ReviewTabs, useReviewTab } from '../../components/ReviewTabs';
import { StatusTag } from '../../components/Tags';
import { useAction } from '../../useAction';
import { useDangerConfirm } from '../../useConfirm';
import { MenuItemFormModal } from './MenuItemFormModal';

const fetchItems = async (status?: MenuItemStatus) => (await call(api.GET('/api/v1/menu/items', { params: { query: status ? { status } : {} } }))).items;

export function MenuPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const [reviewing, setReviewing] = useReviewTab();
  const [creating, setCreating] = useState(false);
  const confirmDanger = useDangerConfirm();
  const retiring = useAction<number>();
  const list = useLoad(useCallback(() => fetchItems(reviewing ? 'pending' : undefined), [reviewing]));
  const pending = useLoad(useCallback(() => fetchItems('pending'), []));
  const reload = () => {
    list.reload();
    pending.reload();
  };

  const columns: ColumnsType<MenuItem> = [
    { key: 'title', title: t('order.menu.itemTitle'), render: (_, item) => <Typography.Text strong>{item.title}</Typography.Text> },
    { key: 'category', title: t('order.menu.category'), render: (_, item) => categoryName(t, item.category) },
    { key: 'site', title: t('order.menu.site'), render: (_, item) => item.site.name },
    { key: 'team', title: t('order.menu.team'), render: (_, item) => item.organization.name },
    { key: 'place', title: t('order.menu.place'), render: (_, item) => item.place ?? '—' },
    { key: 'schedule', title: t('order.menu.schedule'), render: (_, item) => item.schedule ?? '—' },
    {
      key: 'capacity', title: t('order.menu.capacity'),
      // Places taken by orders in progress, of the places there are (or just taken, when unlimited).
      render: (_, item) => item.capacity === null ? t('order.menu.usedUnlimited', { used: item.used }) : (
        <Typography.Text type={item.used >= item.capacity ? 'danger' : undefined}>{t('order.menu.usedOf', { used: item.used, total: item.capacity })}</Typography.Text>
      ),
    },
    {
      key: 'status', title: t('order.menu.status'),
      render: (_, item) => (
        <Space orientation="vertical" size={0}>
          <StatusTag status={item.status}>{t(`order.menu.status.${item.status}`)}</StatusTag>
          {item.rejectReason && <Typography.Text type="secondary">{item.rejectReason}</Typography.Text>}
        </Space>
      ),
    },
    {
      key: 'actions', title: t('common.actions'),
      render: (_, item) => {
        if (item.status === 'pending' && mayReviewMenuItem(item, me.grants)) {
          return (
            <ReviewButtons
              name={item.title}
              review={async (decision) => {
                await call(api.POST('/api/v1/menu/items/{id}/review', { params: { path: { id: item.id } }, body: decision }));
                reload();
              }}
            />
          );
        }
        // The list holds only my area's items, each one published at my level or below: mine to retire.
        return item.status === 'approved' && (
          <Button size="small" danger icon={<StopOutlined />} loading={retiring.busy === item.id} onClick={() => confirmDanger({
            title: t('order.menu.retireTitle', { title: item.title }),
            content: t('order.menu.retireHint'),
            okText: t('order.menu.retire'),
            onOk: () => retiring.run(async () => {
              await call(api.POST('/api/v1/menu/items/{id}/retire', { params: { path: { id: item.id } } }));
              reload();
            }, t('order.menu.retired', { title: item.title }), item.id),
          })}>{t('order.menu.retire')}</Button>
        );
      },
    },
  ];

  return (
    <Card title={t('order.menu.title')} extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('order.menu.create')}</Button>}>
      <ReviewTabs
        reviewing={reviewing}
        onChange={setReviewing}
        allLabel={t('order.menu.all')}
        reviewLabel={t('order.menu.pending')}
        count={pending.data ? String(pending.data.length) : undefined}
      />
      {list.error !== undefined && <Alert type="error" showIcon title={errorMessage(list.error, t)} action={<Button onClick={list.reload}>{t('common.retry')}</Button>} />}
      <Table<MenuItem>
        rowKey="id"
        columns={columns}
        dataSource={list.data ?? []}
        loading={list.loading}
        pagination={false}
        locale={{ emptyText: t(reviewing ? 'order.menu.noPending' : 'order.menu.empty') }}
      />
      {creating && (
        <MenuItemFormModal
          onSaved={(item) => {
            setCreating(false);
            reload();
            void message.success(t(item.status === 'approved' ? 'order.menu.published' : 'order.menu.submitted', { title: item.title }));
          }}
          onClose={() => setCreating(false)}
        />
      )}
    </Card>
  );
}
