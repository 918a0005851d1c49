// A session's roster (签到名单): who signed up and who attended (by the QR code, or marked
// here by staff for someone without a phone, who is added to the roster if they had not
// signed up). A mark given in error is taken back, with the completion it gave.
import { CheckOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useState } from 'react';
import { api } from '../../../api/client';
import type { Course, TrainingSession } from '../../../api/careTypes';
import type { Ok, Path } from '../../../api/derive';
import { call, errorMessage } from '../../../shared/errors';
import { formatDateTime } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../../../shared/useLoad';
import { VolunteerSelect } from '../../components/Pickers';
import { useAction } from '../../useAction';
import { useDangerConfirm } from '../../useConfirm';

type Roster = Ok<Path<'/api/v1/training-sessions/{id}/roster', 'get'>>;
type Entry = Roster['items'][number];

export function SessionRosterModal({ session, course, onChanged, onClose }: { session: TrainingSession; course: Course; onChanged(): void; onClose(): void }) {
  const { t, lang } = useI18n();
  const roster = useLoad(useCallback(() => call(api.GET('/api/v1/training-sessions/{id}/roster', { params: { path: { id: session.id } } })), [session.id]));
  const { busy, run } = useAction<number>();
  const confirm = useDangerConfirm();
  const [walkIn, setWalkIn] = useState<number | undefined>();

  async function mark(volunteerId: number, attended: boolean, done: string) {
    const ok = await run(async () => {
      roster.setData(await call(api.PUT('/api/v1/training-sessions/{id}/roster/{volunteerId}', {
        params: { path: { id: session.id, volunteerId } }, body: { attended },
      })));
    }, done, volunteerId);
    if (ok) onChanged();
    return ok;
  }

  const attended = roster.data?.items.filter((entry) => entry.attendedAt).length ?? 0;
  const columns: ColumnsType<Entry> = [
    { key: 'name', title: t('training.roster.name'), render: (_, e) => <Space size="small">{e.name}<Typography.Text type="secondary">{e.volunteerNo}</Typography.Text></Space> },
    { key: 'phone', title: t('care.admin.phone'), render: (_, e) => e.phoneMasked },
    { key: 'enrolled', title: t('training.roster.enrolledAt'), render: (_, e) => formatDateTime(e.enrolledAt, lang) },
    {
      key: 'attended',
      title: t('training.roster.attendance'),
      render: (_, e) => (e.attendedAt
        ? <Tag color="green">{t('training.roster.attendedAt', { time: formatDateTime(e.attendedAt, lang) })}</Tag>
        : <Tag>{t('training.roster.absent')}</Tag>),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, e) => (e.attendedAt ? (
        <Button
          size="small"
          icon={<UndoOutlined />}
          loading={busy === e.volunteerId}
          aria-label={t('training.roster.unmarkFor', { name: e.name })}
          onClick={() => confirm({
            title: t('training.roster.unmarkFor', { name: e.name }),
            content: t('training.roster.unmarkBody'),
            okText: t('training.roster.unmark'),
            onOk: () => mark(e.volunteerId, false, t('training.roster.unmarked', { name: e.name })),
          })}
        >
          {t('training.roster.unmark')}
        </Button>
      ) : (
        <Button size="small" icon={<CheckOutlined />} loading={busy === e.volunteerId} aria-label={t('training.roster.markFor', { name: e.name })}
          onClick={() => void mark(e.volunteerId, true, t('training.roster.marked', { name: e.name }))}>
          {t('training.roster.mark')}
        </Button>
      )),
    },
  ];
  return (
    <Modal open width={820} title={t('training.roster.title', { title: course.title })} onCancel={onClose} footer={<Button type="primary" onClick={onClose}>{t('common.close')}</Button>}>
      <Space orientation="vertical" size="middle" className="full-width">
        <Typography.Text type="secondary">
          {formatDateTime(session.startsAt, lang)} – {formatDateTime(session.endsAt, lang)} ·{' '}
          {t('training.roster.summary', { enrolled: roster.data?.items.length ?? session.enrolled, attended, capacity: session.capacity })}
        </Typography.Text>
        <Typography.Paragraph type="secondary">
          {course.mode === 'offline' ? t('training.roster.completesOffline') : t('training.roster.completesOnline')}
        </Typography.Paragraph>
        {roster.error !== undefined && <Alert type="error" showIcon title={errorMessage(roster.error, t)} />}
        <Table<Entry> rowKey="volunteerId" size="small" columns={columns} dataSource={roster.data?.items} loading={roster.loading} pagination={false}
          locale={{ emptyText: t('training.roster.empty') }} />
        <Space wrap>
          <VolunteerSelect className="picker-wide" value={walkIn ?? null} onChange={(id) => setWalkIn(id)} aria-label={t('training.roster.walkIn')} placeholder={t('training.roster.walkIn')} />
          <Button icon={<CheckOutlined />} disabled={!walkIn} loading={busy === walkIn}
            onClick={() => void mark(walkIn!, true, t('training.roster.walkInMarked')).then((ok) => ok && setWalkIn(undefined))}>
            {t('training.roster.mark')}
          </Button>
        </Space>
        <Typography.Text type="secondary">{t('training.roster.walkInHint')}</Typography.Text>
      </Space>
    </Modal>
  );
}
