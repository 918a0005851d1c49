// The volunteer list's filters: name or pinyin initials, phone ending, status, category, activity, skill, party
// member, emergency reserve, area and organization.
import { Input, Space } from 'antd';
import { limits, serviceCategories, volunteerActivities, volunteerStatuses } from '../../../shared/domain';
import { useI18n } from '../../../shared/i18n';
import { OrganizationSelect } from '../../components/Pickers';
import { SiteSelect } from '../../components/SiteSelect';
import { EnumSelect, PhoneSuffixInput, SearchInput, YesNoSelect } from '../../components/Filters';
import type { VolunteerFilter } from './useVolunteers';

interface Props {
  value: VolunteerFilter;
  onChange(filter: VolunteerFilter): void;
  /** The pending tab fixes the status. */
  withStatus: boolean;
}

export function VolunteerFilters({ value, onChange, withStatus }: Props) {
  const { t } = useI18n();
  const set = (change: Partial<VolunteerFilter>) => onChange({ ...value, ...change });
  return (
    <Space wrap>
      <SearchInput label={t('volunteers.filterName')} value={value.q} onChange={(q) => set({ q })} />
      <PhoneSuffixInput label={t('volunteers.filterPhone')} value={value.phoneSuffix} onChange={(phoneSuffix) => set({ phoneSuffix })} />
      {withStatus && (
        <EnumSelect
          placeholder={t('volunteers.filterStatus')}
          values={volunteerStatuses}
          label={(status) => t(`volunteers.status.${status}`)}
          value={value.status}
          onChange={(status) => set({ status })}
        />
      )}
      <EnumSelect
        placeholder={t('volunteers.filterCategory')}
        values={serviceCategories}
        label={(category) => t(`category.${category}`)}
        value={value.category}
        onChange={(category) => set({ category })}
      />
      <EnumSelect
        placeholder={t('volunteers.filterActivity')}
        values={volunteerActivities}
        label={(activity) => t(`volunteers.activity.${activity}`)}
        value={value.activity}
        onChange={(activity) => set({ activity })}
      />
      <Input
        allowClear
        aria-label={t('volunteers.filterSkill')}
        placeholder={t('volunteers.filterSkill')}
        maxLength={limits.skill}
        value={value.skill}
        onChange={(e) => set({ skill: e.target.value })}
        className="filter-input"
      />
      <YesNoSelect placeholder={t('volunteers.partyMember')} value={value.partyMember} onChange={(partyMember) => set({ partyMember })} />
      <YesNoSelect placeholder={t('volunteers.emergencyReserve')} value={value.emergencyReserve} onChange={(emergencyReserve) => set({ emergencyReserve })} />
      <SiteSelect
        allowClear
        aria-label={t('volunteers.filterArea')}
        placeholder={t('volunteers.filterArea')}
        value={value.area?.id ?? null}
        onChange={(_id, area) => set({ area })}
        className="filter-wide"
      />
      <OrganizationSelect
        allowClear
        aria-label={t('volunteers.filterOrganization')}
        placeholder={t('volunteers.filterOrganization')}
        value={value.organizationId ?? null}
        onChange={(organizationId) => set({ organizationId })}
        className="filter-wide"
      />
    </Space>
  );
}
