// The import jobs of my area, newest first.
import { Button, Card } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect } from 'react';
import { api } from '../../../api/client';
import type { ImportJob } from '../../../api/types';
import { call } from '../../../shared/errors';
import { formatDateTime } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { usePagedList } from '../../../shared/usePagedList';
import { PagedTable } from '../../components/PagedTable';
import { StatusTag } from '../../components/Tags';

export function ImportHistory({ latest, onOpen }: { latest: ImportJob | null; onOpen(id: number): void }) {
  const { t, lang } = useI18n();
  const list = usePagedList(useCallback((cursor?: string) => call(api.GET('/api/v1/imports', { params: { query: { cursor, limit: 20 } } })), []), 'id');
  const { upsert } = list;
  useEffect(() => {
    if (latest) upsert(latest);
  }, [latest, upsert]);

  const columns: ColumnsType<ImportJob> = [
    { key: 'at', title: t('imports.createdAt'), render: (_, job) => formatDateTime(job.createdAt, lang) },
    { key: 'kind', title: t('imports.kind'), render: (_, job) => t(`imports.kind.${job.kind}`) },
    { key: 'file', title: t('imports.file'), dataIndex: 'filename' },
    { key: 'status', title: t('imports.statusLabel'), render: (_, job) => <StatusTag status={job.status}>{t(`imports.status.${job.status}`)}</StatusTag> },
    {
      key: 'counts',
      title: t('imports.counts'),
      render: (_, job) => t('imports.countsValue', { inserted: job.inserted, skipped: job.skipped, failed: job.failed }),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, job) => <Button size="small" onClick={() => onOpen(job.id)}>{t('common.details')}</Button>,
    },
  ];

  return (
    <Card title={t('imports.history')} size="small">
      <PagedTable<ImportJob> rowKey="id" columns={columns} list={list} empty={t('imports.noHistory')} size="small" />
    </Card>
  );
}
