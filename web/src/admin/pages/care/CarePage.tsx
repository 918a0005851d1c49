// 结对帮扶: how well the care groups of my area keep to their visit plans (the coverage
// report first: who is overdue, who lost their volunteer), the groups with their members
// and recipients, and the units paired with communities (包保). The tab is in the address.
import { Card, Tabs } from 'antd';
import { useI18n } from '../../../shared/i18n';
import { useSearchParam } from '../../useSearchParam';
import './care.css';
import { CoverageReport } from './CoverageReport';
import { GroupsTab } from './GroupsTab';
import { UnitPairsTab } from './UnitPairsTab';

const tabs = ['coverage', 'groups', 'pairs'] as const;

export function CarePage() {
  const { t } = useI18n();
  const [tab, setTab] = useSearchParam('tab');
  const active = tabs.find((key) => key === tab) ?? 'coverage';
  return (
    <Card title={t('care.menu')}>
      <Tabs
        activeKey={active}
        onChange={(key) => setTab(key === 'coverage' ? null : key)}
        destroyOnHidden
        items={[
          { key: 'coverage', label: t('care.admin.tabCoverage'), children: <CoverageReport /> },
          { key: 'groups', label: t('care.admin.tabGroups'), children: <GroupsTab /> },
          { key: 'pairs', label: t('care.admin.tabPairs'), children: <UnitPairsTab /> },
        ]}
      />
    </Card>
  );
}
