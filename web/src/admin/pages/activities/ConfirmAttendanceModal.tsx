// After the end, the recording organization confirms attendance and the hours go into
// the ledger (谁组织谁记录). A forgotten check-out (closed automatically at the end, or
// still open) has no true length: the confirmer states the minutes, or it is skipped.
import { Alert, Button, InputNumber, List, Modal, Result, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { api } from '../../../api/client';
import type { Activity, ConfirmResult, RosterEntry } from '../../../api/types';
import { activityMinutes, awaitingConfirmation, servedMinutes } from '../../../shared/attendance';
import { limits } from '../../../shared/domain';
import { call, errorMessage } from '../../../shared/errors';
import { formatHours } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';

interface Props {
  activity: Activity;
  roster: RosterEntry[];
  onConfirmed(): void;
  onClose(): void;
}

export function ConfirmAttendanceModal({ activity, roster, onConfirmed, onClose }: Props) {
  const { t } = useI18n();
  const rows = awaitingConfirmation(roster);
  const flagged = rows.filter((row) => servedMinutes(activity, row) === null);
  const longest = activityMinutes(activity);
  const [stated, setStated] = useState<Record<number, number | null>>({});
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ConfirmResult | null>(null);
  const missing = flagged.filter((row) => stated[row.volunteerId] == null);

  async function confirm() {
    setSubmitting(true);
    setError(null);
    try {
      const adjustments = Object.entries(stated)
        .filter((entry): entry is [string, number] => entry[1] != null)
        .map(([volunteerId, minutes]) => ({ volunteerId: Number(volunteerId), minutes }));
      setResult(await call(api.POST('/api/v1/activities/{id}/confirm', { params: { path: { id: activity.id } }, body: { adjustments } })));
      onConfirmed();
    } catch (failure) {
      setError(errorMessage(failure, t));
    } finally {
      setSubmitting(false);
    }
  }

  const nameOf = (volunteerId: number) => roster.find((row) => row.volunteerId === volunteerId)?.name ?? String(volunteerId);

  if (result) {
    return (
      <Modal open title={t('activities.confirmTitle', { title: activity.title })} onCancel={onClose} footer={<Button type="primary" onClick={onClose}>{t('common.done')}</Button>}>
        <Result
          status={result.skipped.length ? 'warning' : 'success'}
          title={t('activities.confirmedCount', { n: result.recorded.length })}
          subTitle={result.skipped.length ? t('activities.skippedCount', { n: result.skipped.length }) : undefined}
        />
        {result.recorded.length > 0 && (
          <List
            size="small"
            header={<Typography.Text strong>{t('activities.recorded')}</Typography.Text>}
            dataSource={result.recorded}
            renderItem={(row) => <List.Item>{nameOf(row.volunteerId)} · {t('ledger.hoursValue', { hours: formatHours(row.minutes) })}</List.Item>}
          />
        )}
        {result.skipped.length > 0 && (
          <List
            size="small"
            header={<Typography.Text strong>{t('activities.skipped')}</Typography.Text>}
            dataSource={result.skipped}
            renderItem={(row) => <List.Item>{nameOf(row.volunteerId)} · {t(`activities.skip.${row.reason}`)}</List.Item>}
          />
        )}
      </Modal>
    );
  }

  const columns: ColumnsType<RosterEntry> = [
    { key: 'name', title: t('volunteers.name'), render: (_, r) => r.name },
    {
      key: 'minutes',
      title: t('activities.minutes'),
      render: (_, r) => {
        const minutes = servedMinutes(activity, r);
        if (minutes !== null) return t('activities.minutesValue', { n: minutes, hours: formatHours(minutes) });
        return (
          <InputNumber<number>
            aria-label={t('activities.minutesFor', { name: r.name })}
            min={0}
            max={Math.min(longest, limits.minutes)}
            precision={0}
            status={stated[r.volunteerId] == null ? 'warning' : undefined}
            value={stated[r.volunteerId] ?? null}
            onChange={(value) => setStated((current) => ({ ...current, [r.volunteerId]: value }))}
            suffix={t('activities.minutesUnit')}
          />
        );
      },
    },
    { key: 'note', title: '', render: (_, r) => (servedMinutes(activity, r) === null ? <Tag color="orange">{t(r.flagged ? 'activities.flagged' : 'activities.noCheckOut')}</Tag> : null) },
  ];

  return (
    <Modal
      open
      width={640}
      title={t('activities.confirmTitle', { title: activity.title })}
      okText={t('activities.confirmSubmit', { n: rows.length - missing.length })}
      okButtonProps={{ disabled: rows.length === 0 }}
      confirmLoading={submitting}
      onOk={() => void confirm()}
      onCancel={onClose}
      cancelText={t('common.cancel')}
    >
      {rows.length === 0 ? (
        <Alert type="info" showIcon title={t('activities.nothingToConfirm')} />
      ) : (
        <>
          <Typography.Paragraph>{t('activities.confirmBody')}</Typography.Paragraph>
          {flagged.length > 0 && <Alert type="warning" showIcon className="form-alert" title={t('activities.flaggedNote', { n: flagged.length, max: longest })} />}
          <Table<RosterEntry> rowKey="volunteerId" size="small" columns={columns} dataSource={rows} pagination={false} />
          {missing.length > 0 && <Typography.Paragraph type="secondary" className="form-note">{t('activities.missingNote', { n: missing.length })}</Typography.Paragraph>}
        </>
      )}
      {error && <Alert type="error" showIcon title={error} className="form-note" />}
    </Modal>
  );
}
