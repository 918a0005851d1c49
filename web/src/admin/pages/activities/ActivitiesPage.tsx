// 志愿活动: the activities of my area, latest first; publishing one under an approved
// project (?new=<projectId> opens the form for that project).
import { PlusOutlined, QrcodeOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../../api/client';
import type { Activity, ActivityQuery, ActivityStatus } from '../../../api/types';
import { activityStatuses } from '../../../shared/domain';
import { call } from '../../../shared/errors';
import { formatTimeRange } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { useQueryList } from '../../../shared/usePagedList';
import { PagedTable } from '../../components/PagedTable';
import { ProjectSelect } from '../../components/Pickers';
import { EnumSelect } from '../../components/Filters';
import { useIdParam } from '../../useSearchParam';
import { ActivityFormModal } from './ActivityFormModal';
import { isUnderway, PhaseTag } from './phase';

type Filters = Omit<ActivityQuery, 'cursor' | 'limit'>;
const fetchActivities = (query: Filters, cursor?: string) => call(api.GET('/api/v1/activities', { params: { query: { ...query, cursor, limit: 50 } } }));

export function ActivitiesPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [newFor, setNewFor] = useIdParam('new');
  const [creating, setCreating] = useState(false);
  const [status, setStatus] = useState<ActivityStatus | undefined>();
  const [projectId, setProjectId] = useState<number | undefined>();
  const list = useQueryList(fetchActivities, { status, projectId }, 'id');

  const columns: ColumnsType<Activity> = [
    {
      key: 'title',
      title: t('activities.title'),
      fixed: 'left',
      render: (_, a) => <Link to={`/activities/${a.id}`}>{a.title}</Link>,
    },
    { key: 'time', title: t('activities.time'), render: (_, a) => formatTimeRange(a.startsAt, a.endsAt, lang) },
    { key: 'project', title: t('activities.project'), render: (_, a) => a.project.name },
    { key: 'site', title: t('activities.site'), render: (_, a) => a.site.name },
    {
      key: 'signups',
      title: t('activities.signups'),
      render: (_, a) => (
        <span>
          {t('activities.confirmedOfQuota', { confirmed: a.confirmedCount, quota: a.quota })}
          {a.waitlistCount > 0 && <Typography.Text type="secondary"> · {t('activities.waitlist', { n: a.waitlistCount })}</Typography.Text>}
        </span>
      ),
    },
    { key: 'status', title: t('activities.status'), render: (_, a) => <PhaseTag activity={a} /> },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, a) => (
        <Space size="small">
          <Button size="small" onClick={() => void navigate(`/activities/${a.id}`)}>{t('common.details')}</Button>
          {isUnderway(a) && (
            <Button size="small" icon={<QrcodeOutlined />} onClick={() => void navigate(`/activities/${a.id}/qr`)}>{t('activities.qr')}</Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('menu.activities')}
      extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('activities.create')}</Button>}
    >
      <Space orientation="vertical" size="middle" className="full-width">
        <Space wrap>
          <EnumSelect
            placeholder={t('activities.filterStatus')}
            values={activityStatuses}
            label={(value) => t(`activities.status.${value}`)}
            value={status}
            onChange={(value) => setStatus(value)}
          />
          <ProjectSelect
            allowClear
            aria-label={t('activities.filterProject')}
            placeholder={t('activities.filterProject')}
            value={projectId ?? null}
            onChange={(id) => setProjectId(id)}
            className="filter-wide"
          />
        </Space>
        <PagedTable<Activity> rowKey="id" columns={columns} list={list} empty={t('activities.empty')} />
      </Space>
      {(creating || newFor !== null) && (
        <ActivityFormModal
          projectId={newFor ?? undefined}
          onPublished={(published) => {
            for (const activity of [...published].reverse()) list.upsert(activity);
            void message.success(t('activities.published', { n: published.length, title: published[0]?.title ?? '' }));
            setCreating(false);
            setNewFor(null);
          }}
          onClose={() => {
            setCreating(false);
            setNewFor(null);
          }}
        />
      )}
    </Card>
  );
}
