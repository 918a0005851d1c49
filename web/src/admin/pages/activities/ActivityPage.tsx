// One activity: its details and state, what the leader does with it (the check-in QR
// screen, cancelling, people served, confirming attendance), and the roster.
import { CheckSquareOutlined, EditOutlined, QrcodeOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Breadcrumb, Button, Card, Descriptions, Result, Space, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../../api/client';
import type { Activity, RosterEntry } from '../../../api/types';
import { call, errorMessage } from '../../../shared/errors';
import { formatCoordinates, formatTimeRange } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { categoryName } from '../../../shared/labels';
import { useLoad, type Loaded } from '../../../shared/useLoad';
import { ReasonModal } from '../../components/ReasonModal';
import { ActivityEvaluations } from './ActivityEvaluations';
import { ActivityFormModal } from './ActivityFormModal';
import { ConfirmAttendanceModal } from './ConfirmAttendanceModal';
import { PeopleServed } from './PeopleServed';
import { hasEnded, hasStarted, isUnderway, PhaseTag } from './phase';
import { RequiredQualification } from './RequiredQualification';
import { Roster } from './Roster';

export function ActivityPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const activity = useLoad(useCallback(() => call(api.GET('/api/v1/activities/{id}', { params: { path: { id } } })), [id]));
  const roster = useLoad(useCallback(async () => (await call(api.GET('/api/v1/activities/{id}/roster', { params: { path: { id } } }))).items, [id]));

  if (activity.error) {
    return (
      <Card>
        <Result
          status="warning"
          title={errorMessage(activity.error, t)}
          extra={[
            <Button key="retry" onClick={activity.reload}>{t('common.retry')}</Button>,
            <Button key="back" type="primary" onClick={() => void navigate('/activities')}>{t('activities.backToList')}</Button>,
          ]}
        />
      </Card>
    );
  }
  if (!activity.data) return <Card loading />;
  return <ActivityView activity={activity.data} onChanged={activity.setData} roster={roster} />;
}

function ActivityView({ activity, onChanged, roster }: { activity: Activity; onChanged(activity: Activity): void; roster: Loaded<RosterEntry[]> }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [cancelling, setCancelling] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [editing, setEditing] = useState(false);
  const none = <Typography.Text type="secondary">{t('common.notSet')}</Typography.Text>;
  const published = activity.status === 'published';
  const unconfirmed = (roster.data ?? []).filter((row) => row.checkInAt && !row.confirmed);

  return (
    <Space orientation="vertical" size="middle" className="full-width">
      <Breadcrumb items={[{ key: 'list', title: <Link to="/activities">{t('menu.activities')}</Link> }, { key: 'this', title: activity.title }]} />
      <Card
        title={
          <Space wrap>
            <Typography.Title level={4} className="detail-title">{activity.title}</Typography.Title>
            <PhaseTag activity={activity} />
          </Space>
        }
        extra={
          <Space wrap>
            {isUnderway(activity) && (
              <Button type="primary" icon={<QrcodeOutlined />} onClick={() => void navigate(`/activities/${activity.id}/qr`)}>{t('activities.qr')}</Button>
            )}
            {hasEnded(activity) && activity.status !== 'cancelled' && (
              <Button type="primary" icon={<CheckSquareOutlined />} onClick={() => setConfirming(true)}>
                {t('activities.confirm')}{unconfirmed.length > 0 && ` (${unconfirmed.length})`}
              </Button>
            )}
            {published && !hasEnded(activity) && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>{t('common.edit')}</Button>
            )}
            {published && !hasEnded(activity) && (
              <Button danger icon={<StopOutlined />} onClick={() => setCancelling(true)}>{t('activities.cancel')}</Button>
            )}
          </Space>
        }
      >
        {activity.status === 'cancelled' && <Alert type="error" showIcon className="form-alert" title={t('activities.cancelledNote', { reason: activity.cancelReason ?? '' })} />}
        <Descriptions
          column={{ xs: 1, md: 2 }}
          bordered
          size="small"
          items={[
            { key: 'time', label: t('activities.time'), children: formatTimeRange(activity.startsAt, activity.endsAt, lang) },
            { key: 'recruit', label: t('activities.recruit'), children: formatTimeRange(activity.recruitFrom, activity.recruitUntil, lang) },
            { key: 'project', label: t('activities.project'), children: activity.project.name },
            { key: 'organization', label: t('activities.organization'), children: activity.organization.name },
            { key: 'category', label: t('projects.category'), children: categoryName(t, activity.category) },
            { key: 'site', label: t('activities.site'), children: [activity.site.name, activity.address].filter(Boolean).join(' · ') },
            {
              key: 'checkin',
              label: t('activities.checkinPlace'),
              children: formatCoordinates(activity.longitude, activity.latitude)
                ? `${formatCoordinates(activity.longitude, activity.latitude)} · ${t('activities.radiusValue', { n: activity.checkinRadiusM })}`
                : t('activities.qrOnly'),
            },
            {
              key: 'signups',
              label: t('activities.signups'),
              children: `${t('activities.confirmedOfQuota', { confirmed: activity.confirmedCount, quota: activity.quota })}${activity.waitlistCount ? ` · ${t('activities.waitlist', { n: activity.waitlistCount })}` : ''}${activity.requiresApproval ? ` · ${t('activities.requiresApproval')}` : ''}`,
            },
            {
              key: 'requirements',
              label: t('activities.requirements'),
              children: [activity.minAge !== null && t('activities.minAgeValue', { n: activity.minAge }), activity.requiredSkills.join('、')].filter(Boolean).join(' · ') || none,
            },
            {
              key: 'qualification',
              label: t('activities.qualificationRow'),
              children: <RequiredQualification activity={activity} onChanged={onChanged} />,
            },
            {
              key: 'risk',
              label: t('activities.riskFlagged'),
              children: activity.riskFlagged ? t('activities.insuredBy', { ref: activity.insuranceRef ?? '' }) : t('common.no'),
            },
            {
              key: 'served',
              label: t('activities.peopleServed'),
              children: hasStarted(activity) && activity.status !== 'cancelled' ? <PeopleServed activity={activity} onChanged={onChanged} /> : (activity.peopleServed ?? none),
            },
            ...(activity.recurrenceId ? [{ key: 'repeat', label: t('activities.recurrence'), children: t('activities.recurring') }] : []),
            ...(activity.description ? [{ key: 'description', label: t('activities.description'), children: <span className="pre-line">{activity.description}</span> }] : []),
          ]}
        />
      </Card>
      <Roster activity={activity} roster={roster} />
      <ActivityEvaluations activityId={activity.id} />
      {cancelling && (
        <ReasonModal
          title={t('activities.cancelTitle', { title: activity.title })}
          label={t('activities.cancelReason')}
          okText={t('activities.cancel')}
          danger
          onSubmit={async (reason) => {
            onChanged(await call(api.POST('/api/v1/activities/{id}/cancel', { params: { path: { id: activity.id } }, body: { reason } })));
            setCancelling(false);
            void message.success(t('activities.cancelled'));
          }}
          onClose={() => setCancelling(false)}
        >
          <Alert type="warning" showIcon className="form-alert" title={t('activities.cancelBody', { n: activity.confirmedCount + activity.waitlistCount })} />
        </ReasonModal>
      )}
      {editing && (
        <ActivityFormModal
          activity={activity}
          onSaved={(saved) => {
            onChanged(saved);
            // A raised quota may have moved people off the waiting list.
            roster.reload();
            setEditing(false);
            void message.success(t('activities.saved'));
          }}
          onClose={() => setEditing(false)}
        />
      )}
      {confirming && roster.data && (
        <ConfirmAttendanceModal
          activity={activity}
          roster={roster.data}
          onConfirmed={roster.reload}
          onClose={() => setConfirming(false)}
        />
      )}
    </Space>
  );
}
