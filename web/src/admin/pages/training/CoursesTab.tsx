// The courses open in my area, with the unpublished ones it runs: online ones with their
// quiz and pass mark, offline ones with their sessions (opened in a drawer, ?course=); a
// qualification a course grants is what activities can require. Those run here can be edited.
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useState } from 'react';
import { api } from '../../../api/client';
import type { Course } from '../../../api/careTypes';
import { call, errorMessage } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../../../shared/useLoad';
import { useIdParam } from '../../useSearchParam';
import { CourseFormModal } from './CourseFormModal';
import { SessionsDrawer } from './SessionsDrawer';

export function CoursesTab() {
  const { t } = useI18n();
  const courses = useLoad(useCallback(() => call(api.GET('/api/v1/courses', { params: { query: { manage: true } } })), []));
  const [openId, setOpenId] = useIdParam('course');
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Course | null>(null);
  const columns: ColumnsType<Course> = [
    {
      key: 'title',
      title: t('training.admin.courseTitle'),
      render: (_, c) => (
        <Space size="small">
          <Button type="link" className="link-cell" onClick={() => setOpenId(c.id)}>{c.title}</Button>
          {c.status !== 'published' && <Tag>{t('training.admin.unpublished')}</Tag>}
        </Space>
      ),
    },
    { key: 'mode', title: t('training.admin.mode'), render: (_, c) => <Tag color={c.mode === 'online' ? 'blue' : 'purple'}>{t(`training.mode.${c.mode}`)}</Tag> },
    { key: 'category', title: t('training.admin.category'), render: (_, c) => c.category },
    { key: 'quiz', title: t('training.admin.quiz'), render: (_, c) => (c.quiz.length > 0 ? t('training.admin.quizSummary', { n: c.quiz.length, mark: c.passMark }) : '—') },
    { key: 'qualification', title: t('training.admin.qualification'), render: (_, c) => (c.grantsQualification ? <Tag color="gold">{c.grantsQualification}</Tag> : '—') },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, c) => (
        <Space size="small">
          <Button size="small" onClick={() => setOpenId(c.id)}>{t('training.admin.sessions')}</Button>
          {c.editable && (
            <Button size="small" icon={<EditOutlined />} aria-label={t('training.admin.editCourse', { title: c.title })} onClick={() => setEditing(c)}>{t('common.edit')}</Button>
          )}
        </Space>
      ),
    },
  ];
  const open = courses.data?.items.find((course) => course.id === openId);
  return (
    <Space orientation="vertical" size="middle" className="full-width">
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('training.admin.createCourse')}</Button>
      {courses.error !== undefined && <Alert type="error" showIcon title={errorMessage(courses.error, t)} />}
      <Table<Course> rowKey="id" columns={columns} dataSource={courses.data?.items} loading={courses.loading} pagination={false} locale={{ emptyText: t('training.mine.noCourses') }} />
      {open && <SessionsDrawer course={open} onClose={() => setOpenId(null)} />}
      {creating && <CourseFormModal onSaved={courses.reload} onClose={() => setCreating(false)} />}
      {editing && <CourseFormModal course={editing} onSaved={courses.reload} onClose={() => setEditing(null)} />}
    </Space>
  );
}
