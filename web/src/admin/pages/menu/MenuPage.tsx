// 服务菜单 (制单): the menu items of my area with their state; publishing one; and a tab of
// the items from the level below that wait for my review (approve, or reject with a reason).
import { PlusOutlined } from '@ant-design/icons';
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
import { MenuItemFormModal } from './MenuItemFormModal';

const fetchItems = async (status?: MenuItemStatus) => (await call(api.GET('/api/v1/menu/items', { params: { query: status ? { status } : {} } }))).items;

export function MenuPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const [reviewing, setReviewing] = useReviewTab();
  const [creating, setCreating] = useState(false);
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
    { key: 'capacity', title: t('order.menu.capacity'), render: (_, item) => item.capacity ?? '—' },
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
      render: (_, item) => item.status === 'pending' && mayReviewMenuItem(item, me.grants) && (
        <ReviewButtons
          name={item.title}
          review={async (decision) => {
            await call(api.POST('/api/v1/menu/items/{id}/review', { params: { path: { id: item.id } }, body: decision }));
            reload();
          }}
        />
      ),
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
