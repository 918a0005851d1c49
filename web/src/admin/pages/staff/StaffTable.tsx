import { Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Staff } from '../../../api/types';
import { formatDateTime } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { useMe } from '../../../shared/session';
import type { PagedList } from '../../../shared/usePagedList';
import { PagedTable } from '../../components/PagedTable';
import { GrantTag } from './GrantTag';
import { StaffActions } from './StaffActions';

interface Props {
  list: PagedList<Staff>;
}

export function StaffTable({ list }: Props) {
  const onChanged = list.upsert;
  const { t, lang } = useI18n();
  const me = useMe();

  const columns: ColumnsType<Staff> = [
    {
      key: 'name',
      title: t('staff.name'),
      render: (_, staff) => (
        <>
          <Typography.Text strong>{staff.name}</Typography.Text>
          {staff.id === me.user.id && <Tag className="self-tag">{t('staff.self')}</Tag>}
        </>
      ),
    },
    { key: 'phone', title: t('staff.phone'), dataIndex: 'phoneMasked' },
    {
      key: 'grants',
      title: t('staff.roles'),
      render: (_, staff) => staff.grants.map((grant) => <GrantTag key={grant.id} staff={staff} grant={grant} onChanged={onChanged} />),
    },
    {
      key: 'status',
      title: t('staff.status'),
      render: (_, staff) => <Tag color={staff.status === 'active' ? 'green' : 'default'}>{t(`staff.status.${staff.status}`)}</Tag>,
    },
    { key: 'created', title: t('staff.createdAt'), render: (_, staff) => formatDateTime(staff.createdAt, lang) },
    { key: 'actions', title: t('common.actions'), render: (_, staff) => <StaffActions staff={staff} onChanged={onChanged} /> },
  ];

  return <PagedTable<Staff> rowKey="id" columns={columns} list={list} empty={t('staff.empty')} />;
}
