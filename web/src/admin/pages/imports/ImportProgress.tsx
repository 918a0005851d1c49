// Step three: the job's progress, polled until it is done or failed: rows inserted,
// skipped (already registered) and failed, with the error report when rows failed.
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Progress, Result, Space, Statistic, Steps } from 'antd';
import { useCallback, useEffect } from 'react';
import { api } from '../../../api/client';
import type { ImportJob } from '../../../api/types';
import { call, errorMessage } from '../../../shared/errors';
import { download } from '../../../shared/files';
import { useI18n } from '../../../shared/i18n';
import { usePoll } from '../../../shared/usePoll';
import { useAction } from '../../useAction';

const POLL_MS = 1000;
const finished = (job: ImportJob) => job.status === 'done' || job.status === 'failed';

const nextPoll = (job: ImportJob) => (finished(job) ? null : POLL_MS);

export function ImportProgress({ id, onChanged, onAnother }: { id: number; onChanged(job: ImportJob): void; onAnother(): void }) {
  const { t } = useI18n();
  const report = useAction();
  // Keep polling through a passing network failure, showing it meanwhile.
  const shown = usePoll(useCallback(() => call(api.GET('/api/v1/imports/{id}', { params: { path: { id } } })), [id]), nextPoll, POLL_MS * 3);
  const job = shown.data;
  useEffect(() => {
    if (job) onChanged(job);
  }, [job, onChanged]);

  const another = <Button icon={<PlusOutlined />} onClick={onAnother}>{t('imports.another')}</Button>;
  if (!job) {
    return shown.error ? <Result status="warning" title={errorMessage(shown.error, t)} extra={another} /> : <Progress percent={0} status="active" />;
  }
  const percent = job.total ? Math.floor((job.processed / job.total) * 100) : job.status === 'done' ? 100 : 0;
  return (
    <Space orientation="vertical" size="large" className="full-width">
      <Steps current={2} status={job.status === 'failed' ? 'error' : finished(job) ? 'finish' : 'process'} items={[
        { title: t('imports.stepTemplate') }, { title: t('imports.stepUpload') }, { title: t('imports.stepResult') },
      ]} />
      <Space orientation="vertical" size={4} className="full-width">
        <span>{t('imports.jobTitle', { kind: t(`imports.kind.${job.kind}`), file: job.filename })} · {t(`imports.status.${job.status}`)}</span>
        <Progress percent={percent} status={job.status === 'failed' ? 'exception' : finished(job) ? 'success' : 'active'} aria-label={t('imports.progress')} />
      </Space>
      <Space size="large" wrap className="import-counts">
        <Statistic title={t('imports.total')} value={job.total ?? '—'} />
        <Statistic title={t('imports.inserted')} value={job.inserted} styles={{ content: { color: '#389e0d' } }} />
        <Statistic title={t('imports.skipped')} value={job.skipped} />
        <Statistic title={t('imports.failed')} value={job.failed} styles={{ content: job.failed ? { color: '#cf1322' } : {} }} />
      </Space>
      {shown.error !== undefined && <Alert type="warning" showIcon title={errorMessage(shown.error, t)} />}
      {job.status === 'failed' && <Alert type="error" showIcon title={t('imports.jobFailed')} description={job.error} />}
      {job.status === 'done' && (
        <Alert
          type={job.failed ? 'warning' : 'success'}
          showIcon
          title={t(job.failed ? 'imports.doneWithErrors' : 'imports.done', { inserted: job.inserted, skipped: job.skipped, failed: job.failed })}
          action={job.failed > 0 && (
            <Button
              icon={<DownloadOutlined />}
              loading={report.busy !== null}
              onClick={() => void report.run(() => download(api.GET('/api/v1/imports/{id}/errors.xlsx', { params: { path: { id: job.id } }, parseAs: 'blob' }), `import-${job.id}-errors.xlsx`))}
            >
              {t('imports.errorReport')}
            </Button>
          )}
        />
      )}
      {finished(job) && another}
    </Space>
  );
}
