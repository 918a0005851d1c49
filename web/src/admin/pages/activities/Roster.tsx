// Who signed up and who came: sign-up status, check-in and check-out (time and how),
// approval of pending sign-ups, marking attendance by hand, rating a volunteer.
import { CheckOutlined, CloseOutlined, EditOutlined, StarOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { api } from '../../../api/client';
import type { Activity, RosterEntry } from '../../../api/types';
import { call, errorMessage } from '../../../shared/errors';
import { formatDateTime } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import type { Loaded } from '../../../shared/useLoad';
import { StatusTag } from '../../components/Tags';
import { useAction } from '../../useAction';
import { MarkAttendanceModal } from './MarkAttendanceModal';
import { hasStarted } from './phase';
import { RateVolunteerModal } from './RateVolunteerModal';

const signupStatuses = ['pending', 'confirmed', 'waitlisted', 'cancelled', 'rejected'] as const;
type SignupStatus = (typeof signupStatuses)[number];
const isSignupStatus = (value: string): value is SignupStatus => (signupStatuses as readonly string[]).includes(value);
const methods = ['qr', 'location', 'roster', 'auto'] as const;
const isMethod = (value: string | null): value is (typeof methods)[number] => (methods as readonly (string | null)[]).includes(value);

interface Props {
  activity: Activity;
  roster: Loaded<RosterEntry[]>;
}

export function Roster({ activity, roster }: Props) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { busy, run } = useAction<number>();
  const [marking, setMarking] = useState<RosterEntry | null>(null);
  const [rating, setRating] = useState<RosterEntry | null>(null);

  const decide = (row: RosterEntry, decision: 'approve' | 'reject') =>
    run(async () => {
      const result = await call(api.POST('/api/v1/activities/{id}/signups/{volunteerId}', {
        params: { path: { id: activity.id, volunteerId: row.volunteerId } }, body: { decision },
      }));
      roster.setData((roster.data ?? []).map((item) => (item.volunteerId === row.volunteerId ? { ...item, status: result.status } : item)));
      void message.success(t(`activities.signup.${result.status}`, { name: row.name }));
    }, undefined, row.volunteerId);

  const time = (at: string | null, method: string | null) =>
    at ? (
      <Space size={4}>
        <span>{formatDateTime(at, lang)}</span>
        {isMethod(method) && <Tag>{t(`activities.method.${method}`)}</Tag>}
      </Space>
    ) : (
      <Typography.Text type="secondary">—</Typography.Text>
    );

  const columns: ColumnsType<RosterEntry> = [
    { key: 'name', title: t('volunteers.name'), render: (_, r) => <Typography.Text strong>{r.name}</Typography.Text> },
    { key: 'no', title: t('volunteers.volunteerNo'), dataIndex: 'volunteerNo' },
    { key: 'phone', title: t('volunteers.phone'), dataIndex: 'phoneMasked' },
    {
      key: 'status',
      title: t('activities.signupStatus'),
      render: (_, r) => <StatusTag status={r.status}>{isSignupStatus(r.status) ? t(`activities.signupStatus.${r.status}`) : r.status}</StatusTag>,
    },
    { key: 'in', title: t('activities.checkIn'), render: (_, r) => time(r.checkInAt, r.checkInMethod) },
    {
      key: 'out',
      title: t('activities.checkOut'),
      render: (_, r) => (
        <Space size={4} wrap>
          {time(r.checkOutAt, r.checkOutMethod)}
          {r.flagged && <Tag color="orange">{t('activities.flagged')}</Tag>}
        </Space>
      ),
    },
    {
      key: 'confirmed',
      title: t('activities.hours'),
      render: (_, r) => (r.confirmed ? <Tag color="green">{t('activities.hoursRecorded')}</Tag> : r.checkInAt ? <Tag>{t('activities.hoursPending')}</Tag> : null),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, r) => (
        <Space size="small" wrap>
          {r.status === 'pending' && (
            <>
              <Button size="small" type="primary" icon={<CheckOutlined />} loading={busy === r.volunteerId} onClick={() => void decide(r, 'approve')}>
                {t('review.approve')}
              </Button>
              <Button size="small" danger icon={<CloseOutlined />} onClick={() => void decide(r, 'reject')}>{t('review.reject')}</Button>
            </>
          )}
          {r.status === 'confirmed' && !r.confirmed && hasStarted(activity) && activity.status !== 'cancelled' && (
            <Button size="small" icon={<EditOutlined />} onClick={() => setMarking(r)}>{t(r.checkInAt ? 'activities.editAttendance' : 'activities.markAttendance')}</Button>
          )}
          {r.checkInAt && <Button size="small" icon={<StarOutlined />} onClick={() => setRating(r)}>{t('activities.rate')}</Button>}
        </Space>
      ),
    },
  ];

  const rows = roster.data ?? [];
  const pending = rows.filter((r) => r.status === 'pending').length;
  return (
    <Card
      title={t('activities.roster')}
      extra={
        <Typography.Text type="secondary">
          {t('activities.rosterSummary', { signedUp: rows.length, checkedIn: rows.filter((r) => r.checkInAt).length, pending })}
        </Typography.Text>
      }
    >
      {roster.error !== undefined && (
        <Alert type="error" showIcon className="form-alert" title={errorMessage(roster.error, t)} action={<Button size="small" onClick={roster.reload}>{t('common.retry')}</Button>} />
      )}
      <Table<RosterEntry>
        rowKey="volunteerId"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={roster.loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('activities.noSignups') }}
      />
      {marking && (
        <MarkAttendanceModal
          activity={activity}
          entry={marking}
          onMarked={(items) => {
            roster.setData(items);
            setMarking(null);
          }}
          onClose={() => setMarking(null)}
        />
      )}
      {rating && <RateVolunteerModal activityId={activity.id} entry={rating} onClose={() => setRating(null)} />}
    </Card>
  );
}
