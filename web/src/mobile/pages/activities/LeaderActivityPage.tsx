// The team leader runs their team's activity on the phone (带队管理): shows the rotating
// check-in QR code, approves or rejects pending sign-ups, marks present the volunteers
// without a phone (with the times they came and left), confirms the hours once it is over
// (谁组织谁记录), rates each volunteer's service, and reads the volunteers' ratings of the
// activity.
import { Button, Input, Tag } from 'antd-mobile';
import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../../api/client';
import type { Activity, RosterEntry, SignupStatus } from '../../../api/types';
import { activityMinutes, awaitingConfirmation, servedMinutes } from '../../../shared/attendance';
import { call } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../../../shared/useLoad';
import { DoneText, Empty, ErrorText, Loaded } from '../../components/Async';
import { PageHeader } from '../../components/PageHeader';
import { formatTime, formatTimeRange } from '../../format';
import { signupStatusColor } from '../../labels';
import { useAction } from '../../useAction';
import { useNow } from '../../useNow';
import { EvaluationSummary, type Evaluations } from './EvaluationSummary';
import { MarkPresentForm } from './MarkPresentForm';
import { RatingForm } from './RatePanel';

const SIGNUP_STATUSES: readonly string[] = ['confirmed', 'waitlisted', 'pending', 'cancelled', 'rejected'];
const isSignupStatus = (value: string): value is SignupStatus => SIGNUP_STATUSES.includes(value);

export function LeaderActivityPage() {
  const { t } = useI18n();
  const id = Number(useParams().id);
  const load = useCallback(async () => {
    const path = { params: { path: { id } } };
    const [activity, roster, evaluations] = await Promise.all([
      call(api.GET('/api/v1/activities/{id}', path)),
      call(api.GET('/api/v1/activities/{id}/roster', path)),
      call(api.GET('/api/v1/activities/{id}/evaluations', path)),
    ]);
    return { activity, roster: roster.items, evaluations };
  }, [id]);
  const state = useLoad(load);
  return (
    <>
      <PageHeader title={t('lead.title')} back="/activities?view=led" />
      <Loaded state={state}>{(data) => <LeaderDetail {...data} onChanged={state.reload} />}</Loaded>
    </>
  );
}

interface DetailProps {
  activity: Activity;
  roster: RosterEntry[];
  evaluations: Evaluations;
  onChanged(): void;
}

function LeaderDetail({ activity, roster, evaluations, onChanged }: DetailProps) {
  const { t, lang } = useI18n();
  const now = useNow();
  const ended = now > Date.parse(activity.endsAt);
  const running = activity.status === 'published';
  return (
    <>
      <article className="m-detail">
        <h2 className="m-detail-title">{activity.title}</h2>
        <p className="m-when">{formatTimeRange(activity.startsAt, activity.endsAt, lang)}</p>
        <p className="m-meta">
          <Tag className="m-tag" fill="outline">{activity.organization.name}</Tag>
          {activity.status === 'cancelled' && <Tag className="m-tag" color="danger">{t('mobile.activity.cancelled')}</Tag>}
          {running && ended && <Tag className="m-tag">{t('mobile.activity.finished')}</Tag>}
        </p>
        <p className="m-hint">
          {t('activities.rosterSummary', {
            signedUp: roster.length, checkedIn: roster.filter((row) => row.checkInAt).length, pending: roster.filter((row) => row.status === 'pending').length,
          })}
        </p>
        {running && !ended && <Link className="m-button-link" to={`/activities/${activity.id}/lead/qr`}>{t('lead.showQr')}</Link>}
      </article>
      <RosterSection activity={activity} roster={roster} evaluations={evaluations} now={now} onChanged={onChanged} />
      {activity.status !== 'cancelled' && roster.length > 0 && (ended ? <ConfirmSection activity={activity} roster={roster} onChanged={onChanged} /> : <p className="m-hint">{t('lead.confirmLater')}</p>)}
      <EvaluationSummary evaluations={evaluations} />
    </>
  );
}

function RosterSection({ activity, roster, evaluations, now, onChanged }: DetailProps & { now: number }) {
  const { t, lang } = useI18n();
  const action = useAction();
  const [done, setDone] = useState<string | null>(null);
  const [rating, setRating] = useState<number | null>(null);
  /** Whose times the leader is entering (标记到场). */
  const [marking, setMarking] = useState<number | null>(null);
  const started = now >= Date.parse(activity.startsAt);
  const ended = now > Date.parse(activity.endsAt);
  const path = (row: RosterEntry) => ({ path: { id: activity.id, volunteerId: row.volunteerId } });

  async function decide(row: RosterEntry, decision: 'approve' | 'reject') {
    setDone(null);
    const result = await action.run(() => call(api.POST('/api/v1/activities/{id}/signups/{volunteerId}', { params: path(row), body: { decision } })));
    if (result) {
      setDone(t(`activities.signup.${result.status}`, { name: row.name }));
      onChanged();
    }
  }

  function marked(row: RosterEntry) {
    setMarking(null);
    setDone(t('lead.markedPresent', { name: row.name }));
    onChanged();
  }

  const given = new Map(evaluations.volunteerRatings.map((row) => [row.volunteerId, row]));
  const canMark = (row: RosterEntry) => row.status === 'confirmed' && !row.checkInAt && started && activity.status === 'published';
  return (
    <section className="m-detail" aria-labelledby="roster-title">
      <h2 id="roster-title" className="m-section-title">{t('lead.roster')}</h2>
      {started && activity.status === 'published' && roster.some(canMark) && <p className="m-hint">{t('lead.markHint')}</p>}
      <DoneText>{done}</DoneText>
      <ErrorText>{action.error}</ErrorText>
      {roster.length === 0 ? <Empty>{t('lead.noSignups')}</Empty> : (
        <ul className="m-list-cards">
          {roster.map((row) => {
            const mine = given.get(row.volunteerId);
            return (
              <li key={row.volunteerId} className="m-item-card" aria-label={row.name}>
                <h3>{row.name}</h3>
                <p className="m-meta">
                  <Tag className="m-tag" color={isSignupStatus(row.status) ? signupStatusColor[row.status] : 'default'}>
                    {isSignupStatus(row.status) ? t(`mobile.signup.${row.status}`) : row.status}
                  </Tag>
                  {row.confirmed && <Tag className="m-tag" color="success" fill="outline">{t('activities.hoursRecorded')}</Tag>}
                  {row.flagged && <Tag className="m-tag" color="warning" fill="outline">{t('activities.flagged')}</Tag>}
                </p>
                {row.checkInAt && (
                  <p className="m-hint">
                    {t('lead.checkedIn', { time: formatTime(row.checkInAt, lang) })}
                    {row.checkOutAt && ` · ${t('lead.checkedOut', { time: formatTime(row.checkOutAt, lang) })}`}
                  </p>
                )}
                {mine && <p className="m-hint">{t('lead.yourRating', { n: mine.score })}{mine.comment && ` · ${mine.comment}`}</p>}
                <div className="m-row-actions">
                  {row.status === 'pending' && (
                    <>
                      <Button color="primary" loading={action.busy} onClick={() => void decide(row, 'approve')}>{t('review.approve')}</Button>
                      <Button color="danger" fill="outline" disabled={action.busy} onClick={() => void decide(row, 'reject')}>{t('review.reject')}</Button>
                    </>
                  )}
                  {canMark(row) && marking !== row.volunteerId && (
                    <Button color="primary" fill="outline" onClick={() => { setDone(null); setMarking(row.volunteerId); }}>{t('lead.markPresent')}</Button>
                  )}
                  {row.checkInAt && rating !== row.volunteerId && <Button fill="outline" onClick={() => setRating(row.volunteerId)}>{t('activities.rate')}</Button>}
                </div>
                {canMark(row) && marking === row.volunteerId && (
                  <MarkPresentForm activity={activity} row={row} ended={ended} onMarked={() => marked(row)} onCancel={() => setMarking(null)} />
                )}
                {rating === row.volunteerId && (
                  <RatingForm
                    title={t('lead.rateTitle', { name: row.name })}
                    initial={mine ? { score: mine.score, comment: mine.comment } : undefined}
                    send={(body) => call(api.POST('/api/v1/activities/{id}/volunteers/{volunteerId}/rating', { params: path(row), body }))}
                    onSent={onChanged}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/**
 * After the end: the minutes each checked-in volunteer served (clipped to the activity's
 * window), to change, to state for a forgotten check-out, or 0 for someone absent.
 */
function ConfirmSection({ activity, roster, onChanged }: { activity: Activity; roster: RosterEntry[]; onChanged(): void }) {
  const { t } = useI18n();
  const rows = awaitingConfirmation(roster);
  const [entered, setEntered] = useState<Record<number, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();
  const longest = activityMinutes(activity);
  const valueOf = (row: RosterEntry) => entered[row.volunteerId] ?? String(servedMinutes(activity, row) ?? '');
  const filled = rows.filter((row) => valueOf(row).trim() !== '');

  async function confirm() {
    setDone(null);
    // Only the figures the leader stated or changed: the others are counted by the server.
    const adjustments = filled
      .map((row) => ({ volunteerId: row.volunteerId, minutes: Number(valueOf(row)), computed: servedMinutes(activity, row) }))
      .filter((row) => row.minutes !== row.computed)
      .map(({ volunteerId, minutes }) => ({ volunteerId, minutes }));
    const result = await action.run(() => call(api.POST('/api/v1/activities/{id}/confirm', { params: { path: { id: activity.id } }, body: { adjustments } })));
    if (!result) return;
    const nameOf = (volunteerId: number) => roster.find((row) => row.volunteerId === volunteerId)?.name ?? String(volunteerId);
    setDone([
      t('lead.confirmed', { n: result.recorded.length }),
      result.skipped.length > 0 && t('lead.skipped', { n: result.skipped.length, names: result.skipped.map((row) => `${nameOf(row.volunteerId)}（${t(`activities.skip.${row.reason}`)}）`).join('、') }),
    ].filter(Boolean).join('；'));
    setEntered({});
    onChanged();
  }

  return (
    <section className="m-detail" aria-labelledby="confirm-title">
      <h2 id="confirm-title" className="m-section-title">{t('lead.confirmTitle')}</h2>
      <DoneText>{done}</DoneText>
      <ErrorText>{action.error}</ErrorText>
      {rows.length === 0 ? <Empty>{t('activities.nothingToConfirm')}</Empty> : (
        <>
          <p className="m-hint">{t('lead.confirmHint')}</p>
          <ul className="m-plain-list">
            {rows.map((row) => (
              <li key={row.volunteerId}>
                <label htmlFor={`minutes-${row.volunteerId}`} className="m-label">{t('lead.minutesFor', { name: row.name })}</label>
                <Input
                  id={`minutes-${row.volunteerId}`}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={longest}
                  value={valueOf(row)}
                  onChange={(value) => setEntered((current) => ({ ...current, [row.volunteerId]: value }))}
                  placeholder={t(row.flagged ? 'activities.flagged' : 'activities.noCheckOut')}
                />
              </li>
            ))}
          </ul>
          <Button block size="large" color="primary" loading={action.busy} disabled={filled.length === 0} onClick={() => void confirm()}>
            {t('activities.confirmSubmit', { n: filled.length })}
          </Button>
        </>
      )}
    </section>
  );
}
