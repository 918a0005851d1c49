// One project: cover, details, review state and actions, and the activities under it.
import { Alert, Descriptions, Image, List, Space, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../../api/client';
import type { Project } from '../../../api/types';
import { call, errorMessage } from '../../../shared/errors';
import { formatTimeRange } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { categoryName } from '../../../shared/labels';
import { useLoad } from '../../../shared/useLoad';
import { LoadDrawer } from '../../components/LoadDrawer';
import { StatusTag } from '../../components/Tags';
import { PhaseTag } from '../activities/phase';
import { ProjectActions } from './ProjectActions';
import { ProjectFormModal } from './ProjectFormModal';

interface Props {
  id: number;
  onChanged(project: Project): void;
  onClose(): void;
}

export function ProjectDrawer({ id, onChanged, onClose }: Props) {
  const { t } = useI18n();
  const project = useLoad(useCallback(() => call(api.GET('/api/v1/projects/{id}', { params: { path: { id } } })), [id]));

  function changed(updated: Project) {
    project.setData(updated);
    onChanged(updated);
  }

  return (
    <LoadDrawer loaded={project} size={720} fallbackTitle={t('menu.projects')} title={(p) => p.name} onClose={onClose}>
      {(p) => <ProjectView project={p} onChanged={changed} />}
    </LoadDrawer>
  );
}

function ProjectView({ project: p, onChanged: changed }: { project: Project; onChanged(project: Project): void }) {
  const { t, lang } = useI18n();
  const activities = useLoad(useCallback(async () => (await call(api.GET('/api/v1/activities', { params: { query: { projectId: p.id, limit: 50 } } }))).items, [p.id]));
  const [editing, setEditing] = useState(false);
  const none = <Typography.Text type="secondary">{t('common.notSet')}</Typography.Text>;
  return (
    <Space orientation="vertical" size="middle" className="full-width">
      <Space wrap>
        <StatusTag status={p.status}>{t(`projects.status.${p.status}`)}</StatusTag>
        <ProjectActions project={p} onChanged={changed} onEdit={() => setEditing(true)} />
      </Space>
      {p.status === 'rejected' && <Alert type="error" showIcon title={t('projects.rejectedNote', { reason: p.rejectReason ?? '' })} />}
      {p.status === 'submitted' && <Alert type="info" showIcon title={t('projects.submittedNote')} />}
      {p.coverUrl && <Image src={p.coverUrl} alt={t('projects.cover')} width={320} className="cover-preview" />}
      <Descriptions
        column={1}
        bordered
        size="small"
        items={[
          { key: 'brand', label: t('projects.brand'), children: p.brand ? <Tag color="red">{p.brand.name}</Tag> : none },
          { key: 'category', label: t('projects.category'), children: categoryName(t, p.category) },
          { key: 'organization', label: t('projects.organization'), children: p.organization.name },
          { key: 'site', label: t('projects.site'), children: p.site.name },
          { key: 'target', label: t('projects.targetGroup'), children: p.targetGroup ?? none },
          { key: 'period', label: t('projects.period'), children: `${p.startsOn} – ${p.endsOn}` },
          { key: 'description', label: t('projects.description'), children: p.description ? <span className="pre-line">{p.description}</span> : none },
        ]}
      />
      <List
        size="small"
        bordered
        header={<Typography.Text strong>{t('projects.activities')}</Typography.Text>}
        loading={activities.loading}
        locale={{ emptyText: activities.error ? errorMessage(activities.error, t) : t('projects.noActivities') }}
        dataSource={activities.data ?? []}
        renderItem={(activity) => (
          <List.Item extra={<PhaseTag activity={activity} />}>
            <Space orientation="vertical" size={0}>
              <Link to={`/activities/${activity.id}`}>{activity.title}</Link>
              <Typography.Text type="secondary">{formatTimeRange(activity.startsAt, activity.endsAt, lang)}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      {editing && (
        <ProjectFormModal
          project={p}
          onSaved={(updated) => {
            changed(updated);
            setEditing(false);
          }}
          onClose={() => setEditing(false)}
        />
      )}
    </Space>
  );
}
