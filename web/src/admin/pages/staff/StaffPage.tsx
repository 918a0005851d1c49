// 工作人员: the staff accounts holding roles in my area.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space } from 'antd';
import { useState } from 'react';
import { rolesGrantableBy } from '../../../shared/domain';
import { useI18n } from '../../../shared/i18n';
import { useMe } from '../../../shared/session';
import { useDebounced } from '../../../shared/useDebounced';
import { CreateStaffModal } from './CreateStaffModal';
import { StaffFilters } from './StaffFilters';
import { StaffTable } from './StaffTable';
import { useStaffList, type StaffFilter } from './useStaffList';

const TYPING_MS = 300;

export function StaffPage() {
  const { t } = useI18n();
  const me = useMe();
  const [filter, setFilter] = useState<StaffFilter>({ q: '', phoneSuffix: '', role: undefined });
  const q = useDebounced(filter.q, TYPING_MS);
  const phoneSuffix = useDebounced(filter.phoneSuffix, TYPING_MS);
  const list = useStaffList({ q, phoneSuffix, role: filter.role });
  const [creating, setCreating] = useState(false);
  const canCreate = rolesGrantableBy(me.grants).length > 0;

  return (
    <Card
      title={t('menu.staff')}
      extra={canCreate && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('staff.create')}</Button>}
    >
      <Space orientation="vertical" size="middle" className="full-width">
        <StaffFilters value={filter} onChange={setFilter} />
        <StaffTable list={list} />
      </Space>
      {creating && <CreateStaffModal onCreated={list.upsert} onClose={() => setCreating(false)} />}
    </Card>
  );
}
