// What a person can do with an order on the phone, one panel each: the team leader accepts
// or declines (with a reason) what was sent to their team, grabs an open one (抢单: when
// another team was faster, the server says so), delivers with a report and photos; the
// resident rates a delivered order or cancels one not yet being served. Each sends once
// (an idempotency key where a retry is safe) and shows the server's words when refused.
import { StarFilled } from '@ant-design/icons';
import { Button, Dialog, Input, Selector, TextArea, type ImageUploadItem } from 'antd-mobile';
import { useCallback, useState } from 'react';
import { api } from '../../../api/client';
import { call } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { orderLimits, type OrderDetail } from '../../../shared/orders';
import { useLoad } from '../../../shared/useLoad';
import { ErrorText, Loaded } from '../../components/Async';
import { useAction } from '../../useAction';
import { PhotoUploader, photoIds } from '../wishes/PhotoUploader';
import type { LedTeam } from './myTeams';

interface StepProps {
  order: OrderDetail;
  /** Called with what to say once the step went through. */
  onDone(message: string): void;
}

const path = (order: OrderDetail) => ({ params: { path: { id: order.id } } });

export function AcceptPanel({ order, onDone, onDeclined }: StepProps & { onDeclined(message: string): void }) {
  const { t } = useI18n();
  const accept = useAction();
  const decline = useAction();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');

  async function sendDecline() {
    if (reason.trim().length < orderLimits.reason.min) {
      decline.setError(t('order.m.declineReasonRequired', { n: orderLimits.reason.min }));
      return;
    }
    const done = await decline.run(() => call(api.POST('/api/v1/orders/{id}/decline', { ...path(order), body: { reason: reason.trim() } })));
    if (done) onDeclined(t('order.m.declined'));
  }

  return (
    <section className="m-signup" aria-label={t('order.m.acceptSection')}>
      <h3 className="m-section-title">{t('order.m.acceptSection')}</h3>
      <p className="m-hint">{t('order.m.acceptHint')}</p>
      <ErrorText>{accept.error}</ErrorText>
      <Button
        block size="large" color="primary" loading={accept.busy}
        onClick={() => void accept.run((headers) => call(api.POST('/api/v1/orders/{id}/accept', { ...path(order), headers }))).then((done) => done && onDone(t('order.m.accepted')))}
      >
        {t('order.m.accept')}
      </Button>
      {declining ? (
        <div className="m-order-decline">
          <label htmlFor="decline-reason" className="m-label">{t('order.m.declineReason')}</label>
          <TextArea id="decline-reason" value={reason} onChange={(value) => { setReason(value); decline.setError(null); }} maxLength={orderLimits.reason.max} rows={2} showCount />
          <ErrorText>{decline.error}</ErrorText>
          <Button block size="large" color="danger" loading={decline.busy} onClick={() => void sendDecline()}>{t('order.m.declineConfirm')}</Button>
        </div>
      ) : (
        <Button block size="large" color="danger" fill="outline" onClick={() => setDeclining(true)}>{t('order.m.decline')}</Button>
      )}
    </section>
  );
}

export function GrabPanel({ order, teams, onDone }: StepProps & { teams: LedTeam[] }) {
  const { t } = useI18n();
  const grab = useAction();
  const [teamId, setTeamId] = useState<number | undefined>(teams[0]?.id);
  return (
    <section className="m-signup" aria-label={t('order.m.grabSection')}>
      <h3 className="m-section-title">{t('order.m.grabSection')}</h3>
      <p className="m-hint">{t('order.m.grabHint')}</p>
      {teams.length > 1 && (
        <div role="group" aria-label={t('order.m.grabAs')}>
          <p className="m-label">{t('order.m.grabAs')}</p>
          <Selector<number> columns={1} value={teamId === undefined ? [] : [teamId]} onChange={([next]) => setTeamId(next)} options={teams.map((team) => ({ value: team.id, label: team.name }))} />
        </div>
      )}
      <ErrorText>{grab.error}</ErrorText>
      <Button
        block size="large" color="danger" loading={grab.busy} disabled={teamId === undefined}
        onClick={() => void grab.run((headers) => call(api.POST('/api/v1/orders/{id}/grab', { ...path(order), headers, body: { organizationId: teamId! } })))
          .then((done) => done && onDone(t('order.m.grabbed')))}
      >
        {t('order.m.grab')}
      </Button>
    </section>
  );
}

const MAX_MINUTES = 1440;

export function DeliverPanel({ order, onDone }: StepProps) {
  const { t } = useI18n();
  const deliver = useAction();
  const [report, setReport] = useState('');
  const [photos, setPhotos] = useState<ImageUploadItem[]>([]);
  const [served, setServed] = useState<number[]>([]);
  const [minutes, setMinutes] = useState('60');

  async function send() {
    if (report.trim().length < orderLimits.report.min) {
      deliver.setError(t('order.m.reportRequired', { n: orderLimits.report.min }));
      return;
    }
    const each = Number(minutes);
    if (served.length > 0 && !(/^\d{1,4}$/.test(minutes) && each >= 1 && each <= MAX_MINUTES)) {
      deliver.setError(t('order.m.minutesInvalid', { n: MAX_MINUTES }));
      return;
    }
    const participants = served.map((volunteerId) => ({ volunteerId, minutes: each }));
    const done = await deliver.run((headers) => call(api.POST('/api/v1/orders/{id}/deliver', {
      ...path(order), headers, body: { report: report.trim(), photos: photoIds(photos), participants },
    })));
    if (done) onDone(t('order.m.delivered'));
  }

  return (
    <section className="m-signup" aria-label={t('order.m.deliverSection')}>
      <h3 className="m-section-title">{t('order.m.deliverSection')}</h3>
      <label htmlFor="deliver-report" className="m-label">{t('order.m.report')}</label>
      <TextArea
        id="deliver-report" value={report} onChange={(value) => { setReport(value); deliver.setError(null); }}
        placeholder={t('order.m.reportPlaceholder')} maxLength={orderLimits.report.max} rows={4} showCount
      />
      <p className="m-label">{t('order.m.photos')}</p>
      <PhotoUploader value={photos} onChange={setPhotos} />
      {order.organization && <Members teamId={order.organization.id} value={served} onChange={setServed} />}
      {served.length > 0 && (
        <>
          <label htmlFor="deliver-minutes" className="m-label">{t('order.m.minutesEach')}</label>
          <Input id="deliver-minutes" className="m-order-minutes" type="text" inputMode="numeric" maxLength={4} value={minutes} onChange={(value) => { setMinutes(value); deliver.setError(null); }} />
        </>
      )}
      <ErrorText>{deliver.error}</ErrorText>
      <Button block size="large" color="primary" loading={deliver.busy} onClick={() => void send()}>{t('order.m.deliver')}</Button>
    </section>
  );
}

/** Who served (their hours go into the ledger): the team's active members, big chips to tap. */
function Members({ teamId, value, onChange }: { teamId: number; value: number[]; onChange(ids: number[]): void }) {
  const { t } = useI18n();
  const load = useCallback(
    async () => (await call(api.GET('/api/v1/organizations/{id}/members', { params: { path: { id: teamId }, query: { status: 'active', limit: 200 } } }))).items,
    [teamId],
  );
  const members = useLoad(load);
  return (
    <div role="group" aria-label={t('order.m.participants')}>
      <p className="m-label">{t('order.m.participants')}</p>
      <p className="m-hint">{t('order.m.participantsHint')}</p>
      <Loaded state={members}>
        {(items) => <Selector<number> multiple columns={2} value={value} onChange={onChange} options={items.map((m) => ({ value: m.volunteerId, label: m.name }))} />}
      </Loaded>
    </div>
  );
}

const SCORES = [1, 2, 3, 4, 5];

export function RateOrderPanel({ order, onDone }: StepProps) {
  const { t } = useI18n();
  const rate = useAction();
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');

  async function send() {
    if (score === 0) {
      rate.setError(t('mobile.rate.scoreRequired'));
      return;
    }
    const done = await rate.run(() => call(api.POST('/api/v1/orders/{id}/rate', { ...path(order), body: { score, comment: comment.trim() || null } })));
    if (done) onDone(t('mobile.rate.done'));
  }

  return (
    <section className="m-rate" aria-labelledby="order-rate-title">
      <h2 id="order-rate-title">{t('order.m.rateSection')}</h2>
      <div role="radiogroup" aria-label={t('mobile.rate.stars')} className="m-star-picker">
        {SCORES.map((n) => (
          <button
            key={n} type="button" role="radio" aria-checked={score === n} aria-label={t('mobile.rate.star', { n })} className={n <= score ? 'm-on' : undefined}
            onClick={() => { setScore(n); rate.setError(null); }}
          >
            <StarFilled aria-hidden />
          </button>
        ))}
      </div>
      <label htmlFor="order-rate-comment" className="m-label">{t('mobile.rate.comment')}</label>
      <TextArea id="order-rate-comment" value={comment} onChange={setComment} maxLength={orderLimits.ratingComment} rows={3} showCount />
      <ErrorText>{rate.error}</ErrorText>
      <Button block size="large" color="primary" loading={rate.busy} onClick={() => void send()}>{t('mobile.rate.submit')}</Button>
    </section>
  );
}

export function CancelOrderButton({ order, onDone }: StepProps) {
  const { t } = useI18n();
  const cancel = useAction();
  async function ask() {
    const confirmed = await Dialog.confirm({
      content: t('order.m.cancelConfirm', { title: order.title }), confirmText: t('order.m.cancelOk'), cancelText: t('order.m.keep'),
    });
    if (!confirmed) return;
    const done = await cancel.run(() => call(api.POST('/api/v1/orders/{id}/cancel', path(order))));
    if (done) onDone(t('order.m.cancelled'));
  }
  return (
    <>
      <ErrorText>{cancel.error}</ErrorText>
      <Button block size="large" color="danger" fill="outline" loading={cancel.busy} onClick={() => void ask()}>{t('order.m.cancel')}</Button>
    </>
  );
}
