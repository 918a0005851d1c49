// 服务时长: the append-only ledger of my area (service entries and the reversals that
// correct them), and volunteers' disputes of their entries. Every change states a reason.
import { Card, Tabs } from 'antd';
import { useCallback } from 'react';
import { api } from '../../../api/client';
import { call } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { usePageCount } from '../../../shared/usePagedList';
import { CountLabel } from '../../components/Tags';
import { useSearchParam } from '../../useSearchParam';
import { Disputes } from './Disputes';
import { Ledger } from './Ledger';

export function HoursPage() {
  const { t } = useI18n();
  const [tab, setTab] = useSearchParam('tab');
  const disputes = usePageCount(useCallback((limit: number) => call(api.GET('/api/v1/hour-disputes', { params: { query: { limit } } })), []));

  return (
    <Card title={t('menu.service')}>
      <Tabs
        activeKey={tab === 'disputes' ? 'disputes' : 'ledger'}
        onChange={(key) => setTab(key === 'disputes' ? 'disputes' : null)}
        destroyOnHidden
        items={[
          { key: 'ledger', label: t('ledger.tabLedger'), children: <Ledger /> },
          { key: 'disputes', label: <CountLabel label={t('ledger.tabDisputes')} count={disputes.data} />, children: <Disputes onResolved={disputes.reload} /> },
        ]}
      />
    </Card>
  );
}
