import { Space } from 'antd';
import { grantableRoles } from '../../../shared/domain';
import { useI18n } from '../../../shared/i18n';
import { EnumSelect, PhoneSuffixInput, SearchInput } from '../../components/Filters';
import type { StaffFilter } from './useStaffList';

interface Props {
  value: StaffFilter;
  onChange(filter: StaffFilter): void;
}

export function StaffFilters({ value, onChange }: Props) {
  const { t } = useI18n();
  return (
    <Space wrap>
      <SearchInput label={t('staff.filterName')} value={value.q} onChange={(q) => onChange({ ...value, q })} />
      <PhoneSuffixInput label={t('staff.filterPhone')} value={value.phoneSuffix} onChange={(phoneSuffix) => onChange({ ...value, phoneSuffix })} />
      <EnumSelect
        placeholder={t('staff.filterRole')}
        values={grantableRoles}
        label={(role) => t(`role.${role}`)}
        value={value.role}
        onChange={(role) => onChange({ ...value, role })}
      />
    </Space>
  );
}
