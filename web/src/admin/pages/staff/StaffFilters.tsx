import { SearchOutlined } from '@ant-design/icons';
import { Input, Select, Space } from 'antd';
import type { GrantableRole } from '../../../api/types';
import { grantableRoles, limits } from '../../../shared/domain';
import { useI18n } from '../../../shared/i18n';
import type { StaffFilter } from './useStaffList';

interface Props {
  value: StaffFilter;
  onChange(filter: StaffFilter): void;
}

export function StaffFilters({ value, onChange }: Props) {
  const { t } = useI18n();
  return (
    <Space wrap className="staff-filters">
      <Input
        allowClear
        prefix={<SearchOutlined />}
        aria-label={t('staff.filterName')}
        placeholder={t('staff.filterName')}
        maxLength={limits.search}
        value={value.q}
        onChange={(e) => onChange({ ...value, q: e.target.value })}
      />
      <Input
        allowClear
        aria-label={t('staff.filterPhone')}
        placeholder={t('staff.filterPhone')}
        inputMode="numeric"
        maxLength={4}
        value={value.phoneSuffix}
        // Only digits make a valid suffix; anything else is dropped as it is typed.
        onChange={(e) => onChange({ ...value, phoneSuffix: e.target.value.replace(/\D/g, '') })}
        className="phone-suffix"
      />
      <Select<GrantableRole>
        allowClear
        aria-label={t('staff.filterRole')}
        placeholder={t('staff.filterRole')}
        value={value.role}
        onChange={(role) => onChange({ ...value, role })}
        options={grantableRoles.map((role) => ({ value: role, label: t(`role.${role}`) }))}
        className="role-filter"
      />
    </Space>
  );
}
