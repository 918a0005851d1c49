// Ledger entries recorded in my area, newest first, optionally of one volunteer
// (?volunteer=). A service entry can be corrected (reversal plus the right minutes) or
// reversed; a reversal is a new, negative entry, and the original stays.
import { Button, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { api } from '../../../api/client';
import type { LedgerEntry } from '../../../api/types';
import { limits } from '../../../shared/domain';
import { call } from '../../../shared/errors';
import { formatDateTime, formatHours, formatTimeRange } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { useQueryList } from '../../../shared/usePagedList';
import { PagedTable } from '../../components/PagedTable';
import { VolunteerSelect } from '../../components/Pickers';
import { ReasonModal } from '../../components/ReasonModal';
import { useIdParam } from '../../useSearchParam';

const fetchLedger = ({ volunteerId }: { volunteerId: number | undefined }, cursor?: string) =>
  call(api.GET('/api/v1/hours', { params: { query: { volunteerId, cursor, limit: 50 } } }));

type Change = { entry: LedgerEntry; kind: 'correct' | 'reverse' };

export function Ledger() {
  const { t, lang } = useI18n();
  const [volunteerId, setVolunteerId] = useIdParam('volunteer');
  const list = useQueryList(fetchLedger, { volunteerId: volunteerId ?? undefined }, 'id');
  const [change, setChange] = useState<Change | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function apply({ entry, kind }: Change, reason: string, minutes: number) {
    const path = { params: { path: { id: entry.id } } };
    if (kind === 'correct') await call(api.POST('/api/v1/hours/{id}/correct', { ...path, body: { minutes, reason } }));
    else await call(api.POST('/api/v1/hours/{id}/reverse', { ...path, body: { reason } }));
    setChange(null);
    setDone(t(kind === 'correct' ? 'ledger.corrected' : 'ledger.reversed', { title: entry.title ?? '' }));
    list.reload();
  }

  const columns: ColumnsType<LedgerEntry> = [
    { key: 'recorded', title: t('ledger.recordedAt'), render: (_, e) => formatDateTime(e.recordedAt, lang) },
    {
      key: 'volunteer',
      title: t('ledger.volunteer'),
      render: (_, e) => e.volunteer && (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{e.volunteer.name}</Typography.Text>
          <Typography.Text type="secondary">{e.volunteer.volunteerNo}</Typography.Text>
        </Space>
      ),
    },
    {
      key: 'what',
      title: t('ledger.service'),
      render: (_, e) => (
        <Space orientation="vertical" size={0}>
          <span>{e.title ?? t(`ledger.source.${e.source}`)}</span>
          <Typography.Text type="secondary">{[e.organizationName, e.siteName].filter(Boolean).join(' · ')}</Typography.Text>
        </Space>
      ),
    },
    { key: 'when', title: t('ledger.served'), render: (_, e) => formatTimeRange(e.startedAt, e.endedAt, lang) },
    {
      key: 'hours',
      title: t('ledger.hours'),
      align: 'right',
      render: (_, e) => <Typography.Text strong delete={e.reversed} type={e.minutes < 0 ? 'danger' : undefined}>{formatHours(e.minutes)}</Typography.Text>,
    },
    {
      key: 'kind',
      title: t('ledger.kind'),
      render: (_, e) => (
        <Space size={4} wrap>
          <Tag color={e.kind === 'reversal' ? 'red' : 'green'}>{t(`ledger.kind.${e.kind}`)}</Tag>
          {e.reversed && <Tag>{t('ledger.reversedTag')}</Tag>}
          {e.reason && <Typography.Text type="secondary">{e.reason}</Typography.Text>}
        </Space>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, e) => e.kind === 'service' && !e.reversed && (
        <Space size="small">
          <Button size="small" onClick={() => setChange({ entry: e, kind: 'correct' })}>{t('ledger.correct')}</Button>
          <Button size="small" danger onClick={() => setChange({ entry: e, kind: 'reverse' })}>{t('ledger.reverse')}</Button>
        </Space>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" className="full-width">
      <Space wrap>
        <VolunteerSelect
          allowClear
          aria-label={t('ledger.filterVolunteer')}
          placeholder={t('ledger.filterVolunteer')}
          value={volunteerId}
          onChange={(id) => setVolunteerId(id ?? null)}
          className="filter-wide"
        />
        {done && <Typography.Text type="success" role="status">{done}</Typography.Text>}
      </Space>
      <PagedTable<LedgerEntry> rowKey="id" columns={columns} list={list} empty={t('ledger.empty')} />
      {change && (
        <ReasonModal
          title={t(change.kind === 'correct' ? 'ledger.correctTitle' : 'ledger.reverseTitle', {
            name: change.entry.volunteer?.name ?? '', hours: formatHours(change.entry.minutes),
          })}
          label={t('ledger.reason')}
          okText={t(change.kind === 'correct' ? 'ledger.correct' : 'ledger.reverse')}
          danger={change.kind === 'reverse'}
          minutes={change.kind === 'correct' ? { label: t('ledger.rightMinutes'), initial: change.entry.minutes, max: limits.minutes } : undefined}
          onSubmit={(reason, minutes) => apply(change, reason, minutes)}
          onClose={() => setChange(null)}
        >
          <Typography.Paragraph type="secondary">{t('ledger.appendOnly')}</Typography.Paragraph>
        </ReasonModal>
      )}
    </Space>
  );
}
