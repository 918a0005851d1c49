// A course's sessions (线下培训场次): when and where, the lecturer, places taken, and each
// one's roster (sign-ups and attendance); a new session is scheduled here. The quiz
// questions show for checking (answers marked).
import { PlusOutlined, QrcodeOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, DatePicker, Descriptions, Drawer, Form, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useCallback, useState } from 'react';
import { api } from '../../../api/client';
import type { Course, TrainingSession } from '../../../api/careTypes';
import { call } from '../../../shared/errors';
import { formatDateTime } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../../../shared/useLoad';
import { pickedInstant, WALL_CLOCK } from '../../components/beijingPicker';
import { FormModal } from '../../components/FormModal';
import { drawerClosable } from '../../components/LoadDrawer';
import { SiteSelect } from '../../components/SiteSelect';
import { useFormSubmit } from '../../forms';
import { SessionQrModal } from './SessionQrModal';
import { SessionRosterModal } from './SessionRosterModal';

const loadLecturers = () => call(api.GET('/api/v1/lecturers'));

export function SessionsDrawer({ course, onClose }: { course: Course; onClose(): void }) {
  const { t, lang } = useI18n();
  const sessions = useLoad(useCallback(() => call(api.GET('/api/v1/courses/{id}/sessions', { params: { path: { id: course.id } } })), [course.id]));
  const lecturers = useLoad(loadLecturers);
  const [scheduling, setScheduling] = useState(false);
  const [showing, setShowing] = useState<TrainingSession | null>(null);
  const [rosterOf, setRosterOf] = useState<TrainingSession | null>(null);
  const lecturerName = (id: number | null) => lecturers.data?.items.find((l) => l.id === id)?.name ?? '—';
  const columns: ColumnsType<TrainingSession> = [
    { key: 'when', title: t('training.admin.when'), render: (_, s) => `${formatDateTime(s.startsAt, lang)} – ${formatDateTime(s.endsAt, lang)}` },
    { key: 'lecturer', title: t('training.admin.lecturer'), render: (_, s) => lecturerName(s.lecturerId) },
    { key: 'places', title: t('training.admin.places'), render: (_, s) => t('training.admin.enrolled', { n: s.enrolled, capacity: s.capacity }) },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, s) => (
        <Space size="small">
          <Button size="small" icon={<TeamOutlined />} onClick={() => setRosterOf(s)}>{t('training.roster.open')}</Button>
          <Button size="small" icon={<QrcodeOutlined />} onClick={() => setShowing(s)}>{t('training.admin.qr')}</Button>
        </Space>
      ),
    },
  ];
  return (
    <Drawer open size={820} onClose={onClose} title={course.title} closable={drawerClosable(t('common.close'))}>
      <Space orientation="vertical" size="large" className="full-width">
        <Descriptions
          column={1}
          bordered
          size="small"
          items={[
            { key: 'mode', label: t('training.admin.mode'), children: t(`training.mode.${course.mode}`) },
            { key: 'category', label: t('training.admin.category'), children: course.category },
            { key: 'qualification', label: t('training.admin.qualification'), children: course.grantsQualification ?? '—' },
            ...(course.description ? [{ key: 'description', label: t('training.admin.description'), children: course.description }] : []),
          ]}
        />
        {course.quiz.length > 0 && (
          <section aria-label={t('training.admin.quiz')}>
            <Typography.Title level={5}>{t('training.admin.quizSummary', { n: course.quiz.length, mark: course.passMark })}</Typography.Title>
            <ol>
              {course.quiz.map((q, index) => (
                <li key={index}>
                  {q.question}{' '}
                  {q.options.map((option, i) => <Tag key={i} color={q.answer === i ? 'green' : undefined}>{String.fromCharCode(65 + i)}. {option}</Tag>)}
                </li>
              ))}
            </ol>
          </section>
        )}
        <section aria-label={t('training.sessions.title')}>
          <Space className="form-alert">
            <Typography.Title level={5}>{t('training.sessions.title')}</Typography.Title>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setScheduling(true)}>{t('training.admin.schedule')}</Button>
          </Space>
          <Table<TrainingSession> rowKey="id" size="small" columns={columns} dataSource={sessions.data?.items} loading={sessions.loading} pagination={false}
            locale={{ emptyText: t('training.sessions.none') }} />
        </section>
      </Space>
      {rosterOf && <SessionRosterModal session={rosterOf} course={course} onChanged={sessions.reload} onClose={() => setRosterOf(null)} />}
      {showing && <SessionQrModal session={showing} title={course.title} onClose={() => setShowing(null)} />}
      {scheduling && <SessionFormModal course={course} lecturers={lecturers.data?.items ?? []} onCreated={sessions.reload} onClose={() => setScheduling(false)} />}
    </Drawer>
  );
}

interface Values {
  siteId: number;
  lecturerId?: number;
  time: [Dayjs, Dayjs];
  capacity: number;
}

function SessionFormModal({ course, lecturers, onCreated, onClose }: {
  course: Course; lecturers: { id: number; name: string; title: string | null }[]; onCreated(): void; onClose(): void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const submission = useFormSubmit(form, async ({ siteId, lecturerId, time, capacity }) => {
    await call(api.POST('/api/v1/training-sessions', {
      body: { courseId: course.id, siteId, capacity, startsAt: pickedInstant(time[0]), endsAt: pickedInstant(time[1]), ...(lecturerId && { lecturerId }) },
    }));
    onCreated();
    onClose();
  });
  const required = { required: true, message: t('validation.required') };
  return (
    <FormModal title={t('training.admin.scheduleFor', { course: course.title })} okText={t('training.admin.schedule')} form={form} submission={submission}
      onClose={onClose} submitOnEnter={false} initialValues={{ capacity: 30 }}>
      <Form.Item name="siteId" label={t('training.admin.sessionSite')} rules={[required]}>
        <SiteSelect />
      </Form.Item>
      <Form.Item name="time" label={t('training.admin.when')} extra={t('training.admin.beijingTime')} rules={[required]}>
        <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format={WALL_CLOCK} className="full-width" />
      </Form.Item>
      <Form.Item name="lecturerId" label={t('training.admin.lecturer')}>
        <Select allowClear options={lecturers.map((l) => ({ value: l.id, label: l.title ? `${l.name}（${l.title}）` : l.name }))} />
      </Form.Item>
      <Form.Item name="capacity" label={t('training.admin.capacity')} rules={[required]}>
        <InputNumber min={1} max={10000} />
      </Form.Item>
    </FormModal>
  );
}
