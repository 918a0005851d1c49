// One activity: when, where, seats left, what it asks of volunteers (a training
// qualification among them: whether I hold it, and the course that grants it); sign up
// (and say plainly whether that gave a seat, a place on the waiting list or awaits
// approval), withdraw, check in and out while it runs, rate it afterwards.
import { Button, Dialog, Tag } from 'antd-mobile';
import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../../api/client';
import type { Activity, MySignup, SignupStatus } from '../../../api/types';
import { call } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { categoryName } from '../../../shared/labels';
import { useLoad } from '../../../shared/useLoad';
import { DoneText, ErrorText, Loaded } from '../../components/Async';
import { PageHeader } from '../../components/PageHeader';
import { formatDayTime, formatTimeRange } from '../../format';
import { signupStatusColor } from '../../labels';
import { useMyVolunteer } from '../../myVolunteer';
import { useAction } from '../../useAction';
import { useNow } from '../../useNow';
import { CheckInPanel } from './CheckInPanel';
import { RatePanel } from './RatePanel';

/** Check-in opens this long before the start (the server's rule). */
const EARLY_MS = 30 * 60_000;
const HELD: readonly SignupStatus[] = ['confirmed', 'waitlisted', 'pending'];

/** The qualification an activity requires: whether I hold it, and a course open to me that grants it. */
interface Qualification {
  name: string;
  held: boolean;
  course: { id: number; title: string } | null;
}

async function qualificationFor(name: string): Promise<Qualification> {
  const [mine, courses] = await Promise.all([call(api.GET('/api/v1/training/mine')), call(api.GET('/api/v1/courses'))]);
  // An online course first: its quiz can be taken at once.
  const granting = courses.items.filter((course) => course.grantsQualification === name).sort((a, b) => Number(a.mode !== 'online') - Number(b.mode !== 'online'));
  return {
    name,
    held: mine.qualifications.some((q) => q.qualification === name),
    course: granting[0] ? { id: granting[0].id, title: granting[0].title } : null,
  };
}

export function ActivityPage() {
  const { t } = useI18n();
  const id = Number(useParams().id);
  const load = useCallback(async () => {
    const [activity, mine] = await Promise.all([
      call(api.GET('/api/v1/activities/{id}', { params: { path: { id } } })),
      call(api.GET('/api/v1/activities/mine')),
    ]);
    const qualification = activity.requiredQualification ? await qualificationFor(activity.requiredQualification) : null;
    return { activity, signup: mine.items.find((item) => item.activityId === id) ?? null, qualification };
  }, [id]);
  const state = useLoad(load);
  return (
    <>
      <PageHeader title={t('mobile.activity.title')} back="/activities" />
      <Loaded state={state}>{({ activity, signup, qualification }) => <ActivityDetail activity={activity} signup={signup} qualification={qualification} onChanged={state.reload} />}</Loaded>
    </>
  );
}

function ActivityDetail({ activity, signup, qualification, onChanged }: { activity: Activity; signup: MySignup | null; qualification: Qualification | null; onChanged(): void }) {
  const { t, lang } = useI18n();
  const now = useNow();
  const left = Math.max(0, activity.quota - activity.confirmedCount);
  const starts = Date.parse(activity.startsAt);
  const ends = Date.parse(activity.endsAt);
  const held = signup && HELD.includes(signup.status);
  const checkInTime = activity.status === 'published' && now >= starts - EARLY_MS && now <= ends;

  return (
    <article className="m-detail">
      <h2 className="m-detail-title">{activity.title}</h2>
      <p className="m-meta">
        <Tag className="m-tag" color="primary" fill="outline">{categoryName(t, activity.category)}</Tag>
        {activity.status === 'cancelled' && <Tag className="m-tag" color="danger">{t('mobile.activity.cancelled')}</Tag>}
        {activity.status === 'finished' && <Tag className="m-tag">{t('mobile.activity.finished')}</Tag>}
        {signup && <Tag className="m-tag" color={signupStatusColor[signup.status]}>{t(`mobile.signup.${signup.status}`)}</Tag>}
      </p>
      {activity.status === 'cancelled' && <p className="m-error">{t('mobile.activity.cancelReason', { reason: activity.cancelReason ?? '—' })}</p>}
      <dl className="m-facts">
        <dt>{t('mobile.activity.when')}</dt>
        <dd>{formatTimeRange(activity.startsAt, activity.endsAt, lang)}</dd>
        <dt>{t('mobile.activity.where')}</dt>
        <dd>{activity.address ? `${activity.address}（${activity.site.name}）` : activity.site.name}</dd>
        <dt>{t('mobile.activity.seats')}</dt>
        <dd>
          {left > 0 ? t('mobile.activity.seatsOf', { n: left, quota: activity.quota }) : t('mobile.activity.fullWaitlist', { n: activity.waitlistCount })}
        </dd>
        <dt>{t('mobile.activity.signupUntil')}</dt>
        <dd>{formatDayTime(activity.recruitUntil, lang)}</dd>
        <dt>{t('mobile.activity.organizer')}</dt>
        <dd>{activity.organization.name}</dd>
        <dt>{t('mobile.activity.requirements')}</dt>
        <dd>
          <Requirements activity={activity} qualification={qualification} />
        </dd>
      </dl>
      {activity.description && <p className="m-description">{activity.description}</p>}

      <SignupSection activity={activity} signup={signup} now={now} onChanged={onChanged} />
      {signup?.status === 'confirmed' && (checkInTime || signup.checkedInAt) && <CheckInPanel activity={activity} signup={signup} onChanged={onChanged} />}
      {signup?.status === 'confirmed' && !signup.checkedInAt && !checkInTime && now < starts && (
        <p className="m-hint">{t('mobile.checkin.opensLater')}</p>
      )}
      {held && signup.checkedInAt && (signup.checkedOutAt || now > ends) && <RatePanel activityId={activity.id} />}
    </article>
  );
}

function Requirements({ activity, qualification }: { activity: Activity; qualification: Qualification | null }) {
  const { t } = useI18n();
  const lines = [
    activity.minAge !== null && t('mobile.activity.minAge', { n: activity.minAge }),
    activity.requiredSkills.length > 0 && t('mobile.activity.skills', { skills: activity.requiredSkills.join('、') }),
    activity.requiresApproval && t('mobile.activity.needsApproval'),
  ].filter((line): line is string => Boolean(line));
  if (lines.length === 0 && !qualification) return <>{t('mobile.activity.noRequirements')}</>;
  return (
    <ul className="m-plain-list">
      {qualification && (
        <li>
          {t('mobile.activity.qualification', { q: qualification.name })}
          <p className={qualification.held ? 'm-hint' : 'm-notice'}>
            {t(qualification.held ? 'mobile.activity.qualificationHeld' : 'mobile.activity.qualificationMissing')}
          </p>
          {!qualification.held && (
            <Link className="m-text-link" to={qualification.course ? `/training/${qualification.course.id}` : '/training'}>
              {qualification.course ? t('mobile.activity.qualificationCourse', { title: qualification.course.title }) : t('mobile.activity.qualificationMyTraining')}
            </Link>
          )}
        </li>
      )}
      {lines.map((line) => <li key={line}>{line}</li>)}
    </ul>
  );
}

function SignupSection({ activity, signup, now, onChanged }: { activity: Activity; signup: MySignup | null; now: number; onChanged(): void }) {
  const { t } = useI18n();
  const { volunteer } = useMyVolunteer();
  const signUp = useAction();
  const withdraw = useAction();
  const [result, setResult] = useState<string | null>(null);
  const recruiting = activity.status === 'published' && now >= Date.parse(activity.recruitFrom) && now <= Date.parse(activity.recruitUntil);
  const held = signup && HELD.includes(signup.status);

  async function join() {
    setResult(null);
    const answer = await signUp.run((headers) => call(api.POST('/api/v1/activities/{id}/signup', { params: { path: { id: activity.id } }, headers })));
    if (answer) {
      setResult(t(`mobile.signup.result.${answer.status}`));
      onChanged();
    }
  }

  async function leave() {
    const confirmed = await Dialog.confirm({
      content: t('mobile.signup.withdrawConfirm', { title: activity.title }),
      confirmText: t('mobile.signup.withdraw'),
      cancelText: t('mobile.signup.keep'),
    });
    if (!confirmed) return;
    setResult(null);
    const answer = await withdraw.run(() => call(api.DELETE('/api/v1/activities/{id}/signup', { params: { path: { id: activity.id } } })));
    if (answer) {
      setResult(t('mobile.signup.withdrawn'));
      onChanged();
    }
  }

  let body;
  if (volunteer === null) {
    body = (
      <>
        <p className="m-notice">{t('mobile.signup.registerFirst')}</p>
        <Link className="m-button-link" to="/register">{t('mobile.home.becomeAction')}</Link>
      </>
    );
  } else if (volunteer && volunteer.status !== 'active') {
    body = <p className="m-notice">{t('mobile.signup.notApproved')}</p>;
  } else if (held) {
    body = (
      <>
        <p className="m-state">{t(`mobile.signup.state.${signup.status as 'confirmed' | 'waitlisted' | 'pending'}`)}</p>
        {now < Date.parse(activity.startsAt) && (
          <Button block size="large" color="danger" fill="outline" loading={withdraw.busy} onClick={() => void leave()}>{t('mobile.signup.withdraw')}</Button>
        )}
      </>
    );
  } else if (recruiting) {
    body = <Button block size="large" color="primary" loading={signUp.busy} onClick={() => void join()}>{t('mobile.signup.join')}</Button>;
  } else {
    body = <p className="m-notice">{t('mobile.signup.closed')}</p>;
  }

  return (
    <section className="m-signup" aria-label={t('mobile.signup.section')}>
      <DoneText>{result}</DoneText>
      <ErrorText>{signUp.error ?? withdraw.error}</ErrorText>
      {body}
    </section>
  );
}
