// One wish: what is wished and why, for whom (masked unless I serve them), where it
// stands with its timeline, and what I can do next — claim it (with a deadline), make it
// come true (a note and photos), confirm it came true (the resident who asked), withdraw it.
// A team leader may claim for a team they lead; the claimer may give the claim back.
import { Image } from 'antd-mobile';
import { useCallback, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { api } from '../../../api/client';
import { call } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../../../shared/useLoad';
import { asStatus, claimChoices, daysLeft, nextSteps, type WishDetail } from '../../../shared/wishes';
import { DoneText, ErrorText, Loaded } from '../../components/Async';
import { PageHeader } from '../../components/PageHeader';
import { formatDate, formatDayTime } from '../../format';
import { useMyVolunteer } from '../../myVolunteer';
import { useNow } from '../../useNow';
import { WishLabels } from './labels';
import { WishStatusTag } from './WishCard';
import './wishes.css';
import { ClaimPanel, ConfirmPanel, FulfilPanel, ReleaseButton, WithdrawButton, type Outcome } from './WishSteps';

export function WishPage() {
  const { t } = useI18n();
  const id = Number(useParams().id);
  const load = useCallback(async () => {
    const [wish, posted, claimed, led] = await Promise.all([
      call(api.GET('/api/v1/wishes/{id}', { params: { path: { id } } })),
      call(api.GET('/api/v1/wishes/mine')),
      call(api.GET('/api/v1/wishes/claimed')),
      call(api.GET('/api/v1/orders/team')), // the approved teams I lead, to claim for
    ]);
    return { wish, posted: posted.items.some((w) => w.id === id), claimed: claimed.items.some((w) => w.id === id), teams: led.teams };
  }, [id]);
  const state = useLoad(load);
  return (
    <>
      <PageHeader title={t('wish.m.detailTitle')} back="/wishes" />
      <Loaded state={state}>{(data) => <Detail {...data} onChanged={state.reload} />}</Loaded>
    </>
  );
}

interface DetailProps {
  wish: WishDetail;
  posted: boolean;
  claimed: boolean;
  teams: { id: number; name: string }[];
  onChanged(): void;
}

function Detail({ wish, posted, claimed, teams, onChanged }: DetailProps) {
  const { t, lang } = useI18n();
  const now = useNow();
  const { volunteer } = useMyVolunteer();
  // Arriving from 我要许愿: say that it went through.
  const justPosted = (useLocation().state as { posted?: boolean } | null)?.posted === true;
  const [outcome, setOutcome] = useState<Outcome | null>(justPosted ? { done: t('wish.form.posted') } : null);
  const activeVolunteer = volunteer?.status === 'active';
  const steps = nextSteps(wish, { posted, claimed, activeVolunteer, leadsTeam: teams.length > 0 });
  const report = (next: Outcome) => {
    setOutcome(next);
    onChanged();
  };

  return (
    <article className="m-detail">
      <h2 className="m-detail-title">{wish.title}</h2>
      <p className="m-meta">
        <WishLabels wish={wish} />
        <WishStatusTag status={wish.status} />
      </p>
      {wish.status === 'rejected' && <p className="m-error" role="note">{t('wish.m.rejected', { reason: wish.rejectReason ?? '—' })}</p>}
      {wish.status === 'merged' && <p className="m-notice">{t('wish.m.merged')}</p>}
      {wish.overdue && wish.status === 'published' && <p className="m-notice">{t('wish.overdue')}</p>}
      <dl className="m-facts">
        <dt>{t('wish.m.beneficiary')}</dt>
        <dd>{wish.beneficiaryName}</dd>
        {wish.beneficiaryPhone && (
          <>
            <dt>{t('wish.m.phone')}</dt>
            <dd>{wish.beneficiaryPhone}</dd>
          </>
        )}
        <dt>{t('wish.m.site')}</dt>
        <dd>{wish.site.name}</dd>
        {wish.campaign && (
          <>
            <dt>{t('wish.m.campaign')}</dt>
            <dd>{wish.campaign.name}</dd>
          </>
        )}
        {wish.estimatedValueYuan !== null && (
          <>
            <dt>{t('wish.m.value')}</dt>
            <dd>{t('wish.valueYuan', { n: wish.estimatedValueYuan })}</dd>
          </>
        )}
        <dt>{t('wish.m.postedAt')}</dt>
        <dd>{formatDate(wish.createdAt, lang)}</dd>
        {wish.claimer && (
          <>
            <dt>{t('wish.m.claimer')}</dt>
            <dd>{`${t(`wish.claimer.${wish.claimer.kind}`)}：${wish.claimer.name}`}</dd>
          </>
        )}
        {wish.claimDeadline && wish.status === 'claimed' && (
          <>
            <dt>{t('wish.m.deadline')}</dt>
            <dd>
              {daysLeft(wish.claimDeadline, now) > 0
                ? t('wish.m.deadlineLeft', { date: formatDayTime(wish.claimDeadline, lang), n: daysLeft(wish.claimDeadline, now) })
                : t('wish.m.deadlinePassed', { date: formatDayTime(wish.claimDeadline, lang) })}
            </dd>
          </>
        )}
      </dl>
      <p className="m-description">{wish.story}</p>
      {wish.fulfilNote && (
        <section aria-label={t('wish.m.fulfilNote')}>
          <h3 className="m-section-title">{t('wish.m.fulfilNote')}</h3>
          <p className="m-description">{wish.fulfilNote}</p>
          {wish.fulfilPhotos.length > 0 && (
            <ul className="m-wish-photos" aria-label={t('wish.m.fulfilPhotos')}>
              {wish.fulfilPhotos.map((url, index) => (
                <li key={url}><Image src={url} alt={t('wish.m.photoAlt', { n: index + 1 })} fit="cover" lazy /></li>
              ))}
            </ul>
          )}
        </section>
      )}
      {posted && <PosterNote wish={wish} />}

      <DoneText>{outcome?.done}</DoneText>
      <ErrorText>{outcome?.error}</ErrorText>
      {steps.includes('claim') && <ClaimPanel wish={wish} choices={claimChoices(activeVolunteer, teams)} teams={teams} onOutcome={report} />}
      {!steps.includes('claim') && wish.status === 'published' && !posted && <VolunteerFirst />}
      {steps.includes('fulfil') && <FulfilPanel wish={wish} onOutcome={report} />}
      {steps.includes('release') && <ReleaseButton wish={wish} onOutcome={report} />}
      {steps.includes('confirm') && <ConfirmPanel wish={wish} onOutcome={report} />}
      {steps.includes('withdraw') && <WithdrawButton wish={wish} onOutcome={report} />}

      <Timeline wish={wish} />
    </article>
  );
}

/** The resident who asked: where their wish stands, in a sentence. */
function PosterNote({ wish }: { wish: WishDetail }) {
  const { t } = useI18n();
  const key = ({ submitted: 'wish.m.waitReview', published: 'wish.m.waitClaim', claimed: 'wish.m.waitFulfil', confirmed: 'wish.m.doneConfirmed' } as const)[
    wish.status as 'submitted' | 'published' | 'claimed' | 'confirmed'
  ];
  return key ? <p className="m-state">{t(key)}</p> : null;
}

/** Why there is no 认领 button: not a volunteer yet, or not approved yet. */
function VolunteerFirst() {
  const { t } = useI18n();
  const { volunteer } = useMyVolunteer();
  if (volunteer === undefined) return null;
  if (volunteer && volunteer.status !== 'active') return <p className="m-notice">{t('wish.m.pendingVolunteer')}</p>;
  return (
    <div className="m-notice">
      <p>{t('wish.m.registerToClaim')}</p>
      <Link className="m-button-link" to="/register">{t('wish.m.registerAction')}</Link>
    </div>
  );
}

function Timeline({ wish }: { wish: WishDetail }) {
  const { t, lang } = useI18n();
  return (
    <section aria-label={t('wish.m.timeline')}>
      <h3 className="m-section-title">{t('wish.m.timeline')}</h3>
      <ol className="m-plain-list">
        {wish.timeline.map((event) => {
          const status = asStatus(event.to);
          return (
            <li key={`${event.at}-${event.to}`}>
              {formatDayTime(event.at, lang)} {status ? t(`wish.status.${status}`) : event.to}
              {event.actor && `（${event.actor}）`}
              {event.note && `：${event.note}`}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
