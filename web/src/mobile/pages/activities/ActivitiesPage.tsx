// 志愿活动: open activities near me (or soonest), and 我的活动 — what I signed up for.
import { Tabs } from 'antd-mobile';
import { useSearchParams } from 'react-router-dom';
import { useI18n } from '../../../shared/i18n';
import { PageHeader } from '../../components/PageHeader';
import { MyActivities } from './MyActivities';
import { NearbyActivities } from './NearbyActivities';

export function ActivitiesPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'mine' ? 'mine' : 'near';
  return (
    <>
      <PageHeader title={t('m.activities')} />
      <Tabs className="m-tabs" activeKey={view} onChange={(key) => setParams(key === 'mine' ? { view: 'mine' } : {}, { replace: true })}>
        <Tabs.Tab key="near" title={t('mobile.activities.near')}>
          <NearbyActivities />
        </Tabs.Tab>
        <Tabs.Tab key="mine" title={t('mobile.activities.mine')}>
          <MyActivities />
        </Tabs.Tab>
      </Tabs>
    </>
  );
}
