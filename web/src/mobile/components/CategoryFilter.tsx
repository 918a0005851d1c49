// 全部 or one of the eight kinds of service, as one row of big chips.
import { Selector } from 'antd-mobile';
import type { ServiceCategory } from '../../api/types';
import { serviceCategories } from '../../shared/domain';
import { useI18n } from '../../shared/i18n';

export function CategoryFilter({ value, onChange }: { value: ServiceCategory | undefined; onChange(value: ServiceCategory | undefined): void }) {
  const { t } = useI18n();
  return (
    <div role="group" aria-label={t('mobile.filter.category')}>
      <Selector<ServiceCategory | 'all'>
        className="m-filter"
        showCheckMark={false}
        value={[value ?? 'all']}
        onChange={([next]) => onChange(next === 'all' ? undefined : next)}
        options={[{ value: 'all', label: t('mobile.filter.all') }, ...serviceCategories.map((category) => ({ value: category, label: t(`category.${category}`) }))]}
      />
    </div>
  );
}
