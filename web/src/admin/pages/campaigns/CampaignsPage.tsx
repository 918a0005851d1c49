// 心愿活动: the campaigns open to my area (its own and those of the regions above), with
// how many wishes each has collected (on the wall or beyond) and how many came true —
// refreshed every few seconds while the page is open.
import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Progress, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useState } from 'react';
import { api } from '../../../api/client';
import { regionPrefix } from '../../../shared/domain';
import { call, errorMessage } from '../../../shared/errors';
import { formatDateTime } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { useMe } from '../../../shared/session';
import { usePoll } from '../../../shared/usePoll';
import type { Campaign } from '../../../shared/wishes';
import { CampaignFormModal } from './CampaignFormModal';

const REFRESH_MS = 10_000;
const every = () => REFRESH_MS;

export function CampaignsPage() {
  const { t, lang } = useI18n();
  const me = useMe();
  const home = me.grants[0]?.site;
  const under = home ? regionPrefix(home) : undefined;
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  // A new campaign asks for the list again at once (a new fetch starts the polling over).
  const [version, setVersion] = useState(0);
  const [fetchedAt, setFetchedAt] = useState<string | null>(null);
  const fetch = useCallback(async () => {
    const page = await call(api.GET('/api/v1/campaigns', { params: { query: under ? { under } : {} } }));
    setFetchedAt(new Date().toISOString());
    return page;
  }, [under, version]); // eslint-disable-line react-hooks/exhaustive-deps -- version: fetch again
  const polled = usePoll(fetch, every, REFRESH_MS);

  const columns: ColumnsType<Campaign> = [
    {
      key: 'name',
      title: t('wish.camp.name'),
      render: (_, c) => (
        <Space orientation="vertical" size={0}>
          <strong>{c.name}</strong>
          {c.description && <Typography.Text type="secondary">{c.description}</Typography.Text>}
        </Space>
      ),
    },
    { key: 'period', title: t('wish.camp.period'), render: (_, c) => `${c.startsOn} – ${c.endsOn}` },
    {
      key: 'cap',
      title: t('wish.camp.cap'),
      render: (_, c) => (
        <Space size={4}>
          {c.valueCapYuan === null ? t('wish.camp.noCap') : t('wish.camp.capValue', { n: c.valueCapYuan })}
          {c.oneOpenPerFamily && <Tag>{t('wish.camp.onePerFamily')}</Tag>}
        </Space>
      ),
    },
    { key: 'collected', title: t('wish.camp.collected'), align: 'right', render: (_, c) => <span data-count="collected">{c.collected.toLocaleString()}</span> },
    { key: 'fulfilled', title: t('wish.camp.fulfilled'), align: 'right', render: (_, c) => <span data-count="fulfilled">{c.fulfilled.toLocaleString()}</span> },
    {
      key: 'rate',
      title: t('wish.camp.rate'),
      render: (_, c) => <Progress size="small" className="campaign-rate" percent={c.collected ? Math.round((c.fulfilled / c.collected) * 100) : 0} />,
    },
  ];

  return (
    <Card
      title={t('wish.menu.campaigns')}
      extra={
        <Space>
          <Typography.Text type="secondary">
            {t('wish.camp.live', { n: REFRESH_MS / 1000 })}
            {fetchedAt && ` · ${t('wish.camp.updatedAt', { time: formatDateTime(fetchedAt, lang) })}`}
          </Typography.Text>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('wish.camp.create')}</Button>
        </Space>
      }
    >
      {polled.error !== undefined && <Alert className="form-alert" type="warning" showIcon title={t('wish.camp.stale', { error: errorMessage(polled.error, t) })} />}
      <Table<Campaign>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={polled.data?.items ?? []}
        loading={polled.data === undefined && polled.error === undefined}
        pagination={false}
        locale={{ emptyText: t('wish.camp.empty') }}
      />
      {creating && (
        <CampaignFormModal
          onSaved={(campaign) => {
            setCreating(false);
            void message.success(t('wish.camp.created', { name: campaign.name }));
            setVersion((v) => v + 1);
          }}
          onClose={() => setCreating(false)}
        />
      )}
    </Card>
  );
}
