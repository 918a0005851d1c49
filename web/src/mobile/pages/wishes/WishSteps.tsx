// What a person can do with a wish on the phone, one panel each: claim it with a deadline,
// make it come true (a note, the minutes served, photos), confirm it came true, withdraw
// it. Each sends once (an idempotency key for the retry-safe ones) and reports the
// outcome — the server's own words when it refused, such as a claim lost to someone faster.
import { Button, Dialog, Form, Input, Selector, TextArea, type ImageUploadItem } from 'antd-mobile';
import { useState } from 'react';
import { api } from '../../../api/client';
import { limits } from '../../../shared/domain';
import { call, errorMessage } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { wishLimits, type ClaimFor, type WishDetail } from '../../../shared/wishes';
import { formatDayTime } from '../../format';
import { useIdempotentAction, type IdempotencyHeaders } from '../../idempotency';
import { PhotoUploader, photoIds } from './PhotoUploader';
import './wishes.css';

export interface Outcome {
  done?: string;
  error?: string;
}

interface StepProps {
  wish: WishDetail;
  onOutcome(outcome: Outcome): void;
}

/** Sends one step: busy meanwhile; the answer, or the failure in words, goes to `onOutcome`. */
function useStep(onOutcome: (outcome: Outcome) => void) {
  const { t } = useI18n();
  const idempotent = useIdempotentAction();
  const [busy, setBusy] = useState(false);
  async function send(request: (headers: IdempotencyHeaders) => Promise<WishDetail>, done: (wish: WishDetail) => string) {
    setBusy(true);
    try {
      const wish = await idempotent.run(request);
      onOutcome({ done: done(wish) });
    } catch (failure) {
      onOutcome({ error: errorMessage(failure, t) });
    } finally {
      setBusy(false);
    }
  }
  return { send, busy };
}

const DAY_CHOICES = [3, 7, 14, 30] as const;
const DAY = 24 * 3600_000;

/** Claim as myself or for a team I lead (`choices` from claimChoices, never empty; `teams` name them). */
export function ClaimPanel({ wish, choices, teams, onOutcome }: StepProps & { choices: ClaimFor[]; teams: readonly { id: number; name: string }[] }) {
  const { t, lang } = useI18n();
  const [days, setDays] = useState<number>(wishLimits.defaultClaimDays);
  const [forWhom, setForWhom] = useState(0);
  const claimFor = choices[forWhom] ?? choices[0]!;
  const label = (choice: ClaimFor) => (choice.as === 'volunteer' ? t('wish.m.claimAsMe') : teams.find((team) => team.id === choice.organizationId)?.name ?? '');
  const { send, busy } = useStep(onOutcome);
  const path = { params: { path: { id: wish.id } } };

  async function claim() {
    const by = formatDayTime(new Date(Date.now() + days * DAY).toISOString(), lang);
    const confirmed = await Dialog.confirm({
      content: claimFor.as === 'volunteer'
        ? t('wish.m.claimConfirm', { title: wish.title, date: by })
        : t('wish.m.claimConfirmTeam', { title: wish.title, date: by, team: label(claimFor) }),
      confirmText: t('wish.m.claimOk'), cancelText: t('wish.m.cancel'),
    });
    if (!confirmed) return;
    await send(
      (headers) => call(api.POST('/api/v1/wishes/{id}/claim', { ...path, body: { ...claimFor, days }, headers })),
      (claimed) => t('wish.m.claimed', { date: formatDayTime(claimed.claimDeadline ?? new Date().toISOString(), lang) }),
    );
  }

  return (
    <section className="m-signup" aria-label={t('wish.m.claimSection')}>
      <h3 className="m-section-title">{t('wish.m.claimSection')}</h3>
      {choices.length > 1 && (
        <div role="group" aria-label={t('wish.m.claimAs')}>
          <p className="m-label">{t('wish.m.claimAs')}</p>
          <Selector<number>
            className="m-filter"
            showCheckMark={false}
            value={[forWhom]}
            onChange={([next]) => next !== undefined && setForWhom(next)}
            options={choices.map((choice, index) => ({ value: index, label: label(choice) }))}
          />
        </div>
      )}
      <div role="group" aria-label={t('wish.m.claimDays')}>
        <p className="m-label">{t('wish.m.claimDays')}</p>
        <Selector<number>
          className="m-filter"
          showCheckMark={false}
          value={[days]}
          onChange={([next]) => next !== undefined && setDays(next)}
          options={DAY_CHOICES.map((n) => ({ value: n, label: t('wish.m.claimDaysOption', { n }) }))}
        />
      </div>
      <p className="m-hint">{t('wish.m.claimHint')}</p>
      <Button block size="large" color="primary" loading={busy} onClick={() => void claim()}>{t('wish.m.claimButton')}</Button>
    </section>
  );
}

interface FulfilValues {
  note: string;
  minutes?: string;
  photos: ImageUploadItem[];
}

export function FulfilPanel({ wish, onOutcome }: StepProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<FulfilValues>();
  const { send, busy } = useStep(onOutcome);

  async function fulfil(values: FulfilValues) {
    const minutes = values.minutes ? Number(values.minutes) : undefined;
    await send(
      (headers) => call(api.POST('/api/v1/wishes/{id}/fulfil', {
        params: { path: { id: wish.id } }, headers,
        body: { note: values.note.trim(), photos: photoIds(values.photos), ...(minutes !== undefined && { minutes }) },
      })),
      () => t('wish.m.fulfilled'),
    );
  }

  return (
    <section className="m-signup" aria-label={t('wish.m.fulfilSection')}>
      <h3 className="m-section-title">{t('wish.m.fulfilSection')}</h3>
      <Form
        className="m-wish-form"
        form={form}
        layout="vertical"
        requiredMarkStyle="none"
        initialValues={{ photos: [] }}
        onFinish={(values) => void fulfil(values)}
        footer={<Button block type="submit" color="primary" size="large" loading={busy}>{t('wish.m.fulfilButton')}</Button>}
      >
        <Form.Item
          name="note"
          label={t('wish.m.fulfilNoteLabel')}
          rules={[
            { required: true, whitespace: true, message: t('wish.m.fulfilNoteRequired') },
            { min: wishLimits.fulfilNote.min, message: t('wish.m.fulfilNoteMin', { n: wishLimits.fulfilNote.min }) },
          ]}
        >
          <TextArea placeholder={t('wish.m.fulfilNotePlaceholder')} maxLength={wishLimits.fulfilNote.max} rows={3} showCount />
        </Form.Item>
        <Form.Item
          name="minutes"
          label={t('wish.m.minutes')}
          rules={[{
            validator: async (_, value?: string) => {
              if (value && !(/^\d{1,4}$/.test(value) && Number(value) <= limits.minutes)) throw new Error(t('wish.m.minutesInvalid'));
            },
          }]}
        >
          <Input type="number" inputMode="numeric" clearable />
        </Form.Item>
        <Form.Item name="photos" label={t('wish.m.photos')}>
          <PhotoField />
        </Form.Item>
      </Form>
    </section>
  );
}

/** The uploader as a form field (Form.Item passes value and onChange). */
function PhotoField({ value = [], onChange }: { value?: ImageUploadItem[]; onChange?(items: ImageUploadItem[]): void }) {
  return <PhotoUploader value={value} onChange={(items) => onChange?.(items)} />;
}

export function ConfirmPanel({ wish, onOutcome }: StepProps) {
  const { t } = useI18n();
  const { send, busy } = useStep(onOutcome);
  return (
    <section className="m-signup" aria-label={t('wish.m.confirmSection')}>
      <h3 className="m-section-title">{t('wish.m.confirmSection')}</h3>
      <p className="m-hint">{t('wish.m.confirmHint')}</p>
      <Button
        block
        size="large"
        color="success"
        loading={busy}
        onClick={() => void send(() => call(api.POST('/api/v1/wishes/{id}/confirm', { params: { path: { id: wish.id } } })), () => t('wish.m.confirmed'))}
      >
        {t('wish.m.confirmButton')}
      </Button>
    </section>
  );
}

/** A step that undoes something (withdraw the wish, release the claim): asks first. */
function UndoButton({ wish, onOutcome, step }: StepProps & { step: 'withdraw' | 'release' }) {
  const { t } = useI18n();
  const { send, busy } = useStep(onOutcome);
  async function undo() {
    const confirmed = await Dialog.confirm({
      content: t(`wish.m.${step}Confirm`, { title: wish.title }), confirmText: t(`wish.m.${step}Ok`), cancelText: t('wish.m.cancel'),
    });
    if (confirmed) {
      const path = { params: { path: { id: wish.id } } };
      await send(
        () => call(step === 'withdraw' ? api.POST('/api/v1/wishes/{id}/withdraw', path) : api.POST('/api/v1/wishes/{id}/release', path)),
        () => t(step === 'withdraw' ? 'wish.m.withdrawn' : 'wish.m.released'),
      );
    }
  }
  return <Button block size="large" color="danger" fill="outline" loading={busy} onClick={() => void undo()}>{t(`wish.m.${step}Button`)}</Button>;
}

export const WithdrawButton = (props: StepProps) => <UndoButton {...props} step="withdraw" />;
/** The claimer gives the wish back to the wall. */
export const ReleaseButton = (props: StepProps) => <UndoButton {...props} step="release" />;
