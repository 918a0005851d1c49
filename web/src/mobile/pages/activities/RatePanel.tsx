// 评价: one to five stars and a few words — a volunteer for an activity they attended, a
// leader for a volunteer's service; a second rating replaces the first.
import { StarFilled } from '@ant-design/icons';
import { Button, TextArea } from 'antd-mobile';
import { useId, useState } from 'react';
import { api } from '../../../api/client';
import { call } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { DoneText, ErrorText } from '../../components/Async';
import { mobileLimits } from '../../limits';
import { useAction } from '../../useAction';

const MAX_COMMENT = mobileLimits.ratingComment;
const SCORES = [1, 2, 3, 4, 5];

export interface RatingBody {
  score: number;
  comment: string | null;
}

export function RatePanel({ activityId }: { activityId: number }) {
  const { t } = useI18n();
  return (
    <RatingForm
      title={t('mobile.rate.title')}
      send={(body) => call(api.POST('/api/v1/activities/{id}/rating', { params: { path: { id: activityId } }, body }))}
    />
  );
}

/** Stars and a comment, sent by `send`; `initial`: the rating given before, if any. */
export function RatingForm({ title, send, initial, onSent }: { title: string; send(body: RatingBody): Promise<unknown>; initial?: RatingBody | undefined; onSent?(body: RatingBody): void }) {
  const { t } = useI18n();
  const id = useId();
  const [score, setScore] = useState(initial?.score ?? 0);
  const [comment, setComment] = useState(initial?.comment ?? '');
  const [done, setDone] = useState(false);
  const action = useAction();

  async function submit() {
    setDone(false);
    if (score === 0) {
      action.setError(t('mobile.rate.scoreRequired'));
      return;
    }
    const body = { score, comment: comment.trim() || null };
    const result = await action.run(() => send(body));
    if (result) {
      setDone(true);
      onSent?.(body);
    }
  }

  return (
    <section className="m-rate" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {/* Big buttons rather than a swipe control: a tap or a key sets the score. */}
      <div role="radiogroup" aria-label={t('mobile.rate.stars')} className="m-star-picker">
        {SCORES.map((n) => (
          <button key={n} type="button" role="radio" aria-checked={score === n} aria-label={t('mobile.rate.star', { n })} className={n <= score ? 'm-on' : undefined} onClick={() => { setScore(n); action.setError(null); }}>
            <StarFilled aria-hidden />
          </button>
        ))}
      </div>
      <label htmlFor={`${id}-comment`} className="m-label">{t('mobile.rate.comment')}</label>
      <TextArea id={`${id}-comment`} value={comment} onChange={setComment} maxLength={MAX_COMMENT} rows={3} showCount />
      <DoneText>{done && t('mobile.rate.done')}</DoneText>
      <ErrorText>{action.error}</ErrorText>
      <Button block size="large" color="primary" loading={action.busy} onClick={() => void submit()}>{t('mobile.rate.submit')}</Button>
    </section>
  );
}
