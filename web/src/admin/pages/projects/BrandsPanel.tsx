// 品牌: the service brands projects are filed under, managed data rather than code. City
// staff add brands and manage their city's; the province manages all. A retired brand is
// offered for no new project but stays on the projects filed under it, and can come back.
import { EditOutlined, PlusOutlined, RollbackOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useState } from 'react';
import { api } from '../../../api/client';
import type { Brand } from '../../../api/types';
import { hasRankOf } from '../../../shared/domain';
import { call, errorMessage } from '../../../shared/errors';
import { formatDateTime } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../../../shared/useLoad';
import { useMe } from '../../../shared/session';
import { useAction } from '../../useAction';
import { useDangerConfirm } from '../../useConfirm';
import { BrandFormModal } from './BrandFormModal';

export function BrandsPanel() {
  const { t, lang } = useI18n();
  const me = useMe();
  const confirmDanger = useDangerConfirm();
  const { busy, run } = useAction<number>();
  const brands = useLoad(useCallback(async () => (await call(api.GET('/api/v1/brands', { params: { query: { includeRetired: true } } }))).items, []));
  const [form, setForm] = useState<{ brand?: Brand } | null>(null);

  const setRetired = (brand: Brand, retired: boolean) => run(
    async () => {
      await call(api.PATCH('/api/v1/brands/{id}', { params: { path: { id: brand.id } }, body: { retired } }));
      brands.reload();
    },
    t(retired ? 'brands.retiredDone' : 'brands.restoredDone', { name: brand.name }),
    brand.id,
  );

  function confirmRetire(brand: Brand) {
    confirmDanger({
      title: t('brands.retireTitle', { name: brand.name }),
      content: t('brands.retireBody'),
      okText: t('brands.retire'),
      onOk: () => setRetired(brand, true),
    });
  }

  const columns: ColumnsType<Brand> = [
    {
      key: 'name',
      title: t('brands.name'),
      render: (_, b) => (b.retiredAt ? <Typography.Text type="secondary">{b.name}</Typography.Text> : <Tag color="red">{b.name}</Tag>),
    },
    { key: 'description', title: t('brands.description'), render: (_, b) => b.description },
    {
      key: 'status',
      title: t('brands.status'),
      render: (_, b) => (b.retiredAt ? <Tag>{t('brands.retiredAt', { at: formatDateTime(b.retiredAt, lang) })}</Tag> : <Tag color="green">{t('brands.active')}</Tag>),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, b) => b.manageable && (
        <Space size="small" wrap>
          <Button size="small" icon={<EditOutlined />} onClick={() => setForm({ brand: b })}>{t('common.edit')}</Button>
          {b.retiredAt
            ? <Button size="small" icon={<RollbackOutlined />} loading={busy === b.id} onClick={() => void setRetired(b, false)}>{t('brands.restore')}</Button>
            : <Button size="small" danger icon={<StopOutlined />} loading={busy === b.id} onClick={() => confirmRetire(b)}>{t('brands.retire')}</Button>}
        </Space>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" className="full-width">
      <Space wrap className="full-width">
        <Typography.Text type="secondary">{t('brands.intro')}</Typography.Text>
        {hasRankOf(me.grants, 'city_admin') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({})}>{t('brands.create')}</Button>
        )}
      </Space>
      <Table<Brand>
        rowKey="id"
        columns={columns}
        dataSource={brands.data ?? []}
        loading={brands.loading}
        pagination={false}
        locale={{ emptyText: brands.error ? errorMessage(brands.error, t) : t('brands.empty') }}
      />
      {form && (
        <BrandFormModal
          brand={form.brand}
          onSaved={() => {
            brands.reload();
            setForm(null);
          }}
          onClose={() => setForm(null)}
        />
      )}
    </Space>
  );
}
