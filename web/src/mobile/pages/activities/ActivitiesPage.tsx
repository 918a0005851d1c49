// 志愿活动: open activities near me (or soonest), 我的活动 — what I signed up for — and, for a
// team leader, 我带的活动 — the activities of the teams I lead.
import { Tabs } from 'antd-mobile';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../../api/client';
import { call } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../../../shared/useLoad';
import { PageHeader } from '../../components/PageHeader';
import { LeaderActivities } from './LeaderActivities';
import { MyActivities } from './MyActivities';
import { NearbyActivities } from './NearbyActivities';

const VIEWS = ['near', 'mine', 'led'] as const;
type View = (typeof VIEWS)[number];
const isView = (value: string | null): value is View => (VIEWS as readonly (string | null)[]).includes(value);

export function ActivitiesPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const asked = params.get('view');
  // The third tab only for a leader: a volunteer who leads no team has no activities to run.
  const led = useLoad(useCallback(async () => (await call(api.GET('/api/v1/activities/led'))).items, []));
  const leads = led.data !== undefined && led.data.length > 0;
  const view: View = isView(asked) && (asked !== 'led' || leads) ? asked : 'near';
  return (
    <>
      <PageHeader title={t('m.activities')} />
      <Tabs className="m-tabs" activeKey={view} onChange={(key) => setParams(key === 'near' ? {} : { view: key }, { replace: true })}>
        <Tabs.Tab key="near" title={t('mobile.activities.near')}>
          <NearbyActivities />
        </Tabs.Tab>
        <Tabs.Tab key="mine" title={t('mobile.activities.mine')}>
          <MyActivities />
        </Tabs.Tab>
        {leads && (
          <Tabs.Tab key="led" title={t('lead.tab')}>
            <LeaderActivities items={led.data ?? []} />
          </Tabs.Tab>
        )}
      </Tabs>
    </>
  );
}
