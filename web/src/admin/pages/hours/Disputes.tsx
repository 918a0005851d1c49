// Volunteers' disputes of their entries (open ones in my area): correct the entry to
// the right minutes, or reject the claim; either way with a stated resolution.
import { Button, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useState } from 'react';
import { api } from '../../../api/client';
import type { Dispute } from '../../../api/types';
import { limits } from '../../../shared/domain';
import { call } from '../../../shared/errors';
import { formatDateTime, formatHours } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { usePagedList } from '../../../shared/usePagedList';
import { PagedTable } from '../../components/PagedTable';
import { ReasonModal } from '../../components/ReasonModal';

type Decision = { dispute: Dispute; decision: 'correct' | 'reject' };

export function Disputes({ onResolved }: { onResolved(): void }) {
  const { t, lang } = useI18n();
  const list = usePagedList(useCallback((cursor?: string) => call(api.GET('/api/v1/hour-disputes', { params: { query: { cursor, limit: 50 } } })), []), 'id');
  const [deciding, setDeciding] = useState<Decision | null>(null);

  async function resolve({ dispute, decision }: Decision, resolution: string, minutes: number) {
    const result = await call(api.POST('/api/v1/hour-disputes/{id}/resolve', {
      params: { path: { id: dispute.id } }, body: { decision, resolution, ...(decision === 'correct' ? { minutes } : {}) },
    }));
    list.upsert({ ...dispute, status: result.status });
    setDeciding(null);
    onResolved();
  }

  const hours = (minutes: number | null) => (minutes === null ? '—' : t('ledger.hoursValue', { hours: formatHours(minutes) }));
  const columns: ColumnsType<Dispute> = [
    { key: 'at', title: t('ledger.disputedAt'), render: (_, d) => formatDateTime(d.createdAt, lang) },
    { key: 'name', title: t('ledger.volunteer'), render: (_, d) => <Typography.Text strong>{d.volunteerName}</Typography.Text> },
    { key: 'claim', title: t('ledger.claim'), render: (_, d) => <span className="pre-line">{d.claim}</span> },
    { key: 'recorded', title: t('ledger.recordedHours'), render: (_, d) => hours(d.recordedMinutes) },
    { key: 'claimed', title: t('ledger.claimedHours'), render: (_, d) => hours(d.claimedMinutes) },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, d) => d.status === 'open' ? (
        <Space size="small">
          <Button size="small" type="primary" onClick={() => setDeciding({ dispute: d, decision: 'correct' })}>{t('ledger.correct')}</Button>
          <Button size="small" danger onClick={() => setDeciding({ dispute: d, decision: 'reject' })}>{t('ledger.rejectClaim')}</Button>
        </Space>
      ) : (
        <Typography.Text type="secondary">{t(d.status === 'corrected' ? 'ledger.disputeCorrected' : 'ledger.disputeRejected')}</Typography.Text>
      ),
    },
  ];

  return (
    <>
      <PagedTable<Dispute> rowKey="id" columns={columns} list={list} empty={t('ledger.noDisputes')} />
      {deciding && (
        <ReasonModal
          title={t(deciding.decision === 'correct' ? 'ledger.resolveCorrectTitle' : 'ledger.resolveRejectTitle', { name: deciding.dispute.volunteerName })}
          label={t('ledger.resolution')}
          okText={t(deciding.decision === 'correct' ? 'ledger.correct' : 'ledger.rejectClaim')}
          danger={deciding.decision === 'reject'}
          minutes={deciding.decision === 'correct'
            ? { label: t('ledger.rightMinutes'), initial: deciding.dispute.claimedMinutes ?? deciding.dispute.recordedMinutes, max: limits.minutes }
            : undefined}
          onSubmit={(resolution, minutes) => resolve(deciding, resolution, minutes)}
          onClose={() => setDeciding(null)}
        >
          <Typography.Paragraph className="pre-line">{deciding.dispute.claim}</Typography.Paragraph>
        </ReasonModal>
      )}
    </>
  );
}
