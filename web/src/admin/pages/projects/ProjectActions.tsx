// What may be done with a project in its state: edit and submit a draft, approve or
// reject a submitted one (center admins and above), publish activities under an
// approved one, close it.
import { EditOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useNavigate } from 'react-router-dom';
import { api } from '../../../api/client';
import type { Project } from '../../../api/types';
import { hasRankOf } from '../../../shared/domain';
import { call } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { useMe } from '../../../shared/session';
import { ReviewButtons } from '../../components/ReviewButtons';
import { useAction } from '../../useAction';
import { useDangerConfirm } from '../../useConfirm';

interface Props {
  project: Project;
  onChanged(project: Project): void;
  onEdit(): void;
}

export function ProjectActions({ project, onChanged, onEdit }: Props) {
  const { t } = useI18n();
  const confirmDanger = useDangerConfirm();
  const me = useMe();
  const navigate = useNavigate();
  const { busy, run } = useAction();
  const path = { params: { path: { id: project.id } } };
  const submit = () => run(async () => onChanged(await call(api.POST('/api/v1/projects/{id}/submit', path))), t('projects.submitted', { name: project.name }));

  function confirmClose() {
    confirmDanger({
      title: t('projects.closeTitle', { name: project.name }),
      content: t('projects.closeBody'),
      okText: t('projects.close'),
      onOk: () => run(async () => onChanged(await call(api.POST('/api/v1/projects/{id}/close', path))), t('projects.closed', { name: project.name })),
    });
  }

  const editable = project.status === 'draft' || project.status === 'rejected';
  const open = project.status === 'approved' || project.status === 'running';
  return (
    <Space size="small" wrap>
      {editable && <Button size="small" icon={<EditOutlined />} onClick={onEdit}>{t('common.edit')}</Button>}
      {editable && <Button size="small" type="primary" icon={<SendOutlined />} loading={busy !== null} onClick={() => void submit()}>{t('projects.submit')}</Button>}
      {project.status === 'submitted' && hasRankOf(me.grants, 'center_admin') && (
        <ReviewButtons
          name={project.name}
          review={async (body) => onChanged(await call(api.POST('/api/v1/projects/{id}/review', { ...path, body })))}
        />
      )}
      {open && (
        <Button size="small" type="primary" onClick={() => void navigate(`/activities?new=${project.id}`)}>{t('projects.publishActivity')}</Button>
      )}
      {open && <Button size="small" danger icon={<StopOutlined />} onClick={confirmClose}>{t('projects.close')}</Button>}
    </Space>
  );
}
