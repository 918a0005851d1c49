// 批量导入: volunteers or organizations from a spreadsheet, in three steps (template,
// upload, result), then the job's progress until it is done (?job=), and the history.
import { Card, Space } from 'antd';
import { useState } from 'react';
import type { ImportJob } from '../../../api/types';
import { useI18n } from '../../../shared/i18n';
import { useIdParam } from '../../useSearchParam';
import { ImportHistory } from './ImportHistory';
import { ImportProgress } from './ImportProgress';
import { ImportWizard } from './ImportWizard';

export function ImportsPage() {
  const { t } = useI18n();
  const [jobId, setJobId] = useIdParam('job');
  // A job that changed here, for the history to show without reloading.
  const [latest, setLatest] = useState<ImportJob | null>(null);

  return (
    <Space orientation="vertical" size="middle" className="full-width">
      <Card title={t('menu.imports')}>
        {jobId === null ? (
          <ImportWizard onUploaded={(job) => { setLatest(job); setJobId(job.id); }} />
        ) : (
          <ImportProgress id={jobId} onChanged={setLatest} onAnother={() => setJobId(null)} />
        )}
      </Card>
      <ImportHistory latest={latest} onOpen={setJobId} />
    </Space>
  );
}
