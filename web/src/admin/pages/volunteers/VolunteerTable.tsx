import { Button, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Volunteer } from '../../../api/types';
import { useI18n } from '../../../shared/i18n';
import { categoryName } from '../../../shared/labels';
import type { PagedList } from '../../../shared/usePagedList';
import { PagedTable } from '../../components/PagedTable';
import { StatusTag } from '../../components/Tags';
import { VolunteerReview } from './VolunteerReview';

interface Props {
  list: PagedList<Volunteer>;
  empty: string;
  onOpen(id: number): void;
  onReviewed(volunteer: Volunteer): void;
}

export function VolunteerTable({ list, empty, onOpen, onReviewed }: Props) {
  const { t } = useI18n();
  const columns: ColumnsType<Volunteer> = [
    {
      key: 'name',
      title: t('volunteers.name'),
      fixed: 'left',
      render: (_, v) => <Button type="link" className="link-cell" onClick={() => onOpen(v.id)}>{v.name}</Button>,
    },
    { key: 'no', title: t('volunteers.volunteerNo'), dataIndex: 'volunteerNo' },
    { key: 'sexAge', title: t('volunteers.sexAge'), render: (_, v) => `${t(`volunteers.sex.${v.sex}`)} · ${t('volunteers.age', { n: v.age })}` },
    { key: 'phone', title: t('volunteers.phone'), dataIndex: 'phoneMasked' },
    { key: 'site', title: t('volunteers.site'), render: (_, v) => v.site.name },
    {
      key: 'categories',
      title: t('volunteers.categories'),
      render: (_, v) => v.categories.map((c) => <Tag key={c}>{categoryName(t, c)}</Tag>),
    },
    {
      key: 'status',
      title: t('volunteers.status'),
      render: (_, v) => <StatusTag status={v.status}>{t(`volunteers.status.${v.status}`)}</StatusTag>,
    },
    {
      key: 'served',
      title: t('volunteers.lastServed'),
      render: (_, v) => v.lastServedOn ?? <Typography.Text type="secondary">{t('volunteers.neverServed')}</Typography.Text>,
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, v) => (
        <Space size="small">
          {v.status === 'pending' && <VolunteerReview volunteer={v} onReviewed={onReviewed} />}
          <Button size="small" onClick={() => onOpen(v.id)}>{t('common.details')}</Button>
        </Space>
      ),
    },
  ];
  return <PagedTable<Volunteer> rowKey="id" columns={columns} list={list} empty={empty} />;
}
