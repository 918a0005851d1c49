// The leader marks a volunteer present by hand (no phone, a failed scan) with the times
// they saw: check-in from the activity's start, check-out at its end once it is over,
// both changeable, in Beijing time whatever the phone's zone (as the console's marking).
import { Button } from 'antd-mobile';
import { useId, useState } from 'react';
import { api } from '../../../api/client';
import type { Activity, RosterEntry } from '../../../api/types';
import { call } from '../../../shared/errors';
import { fromBeijing, toBeijing } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { ErrorText } from '../../components/Async';
import { useAction } from '../../useAction';

/** A datetime-local input holds zone-less wall-clock text: read and written as Beijing time. */
const inputValue = (iso: string | null) => (iso ? toBeijing(iso).replace(' ', 'T') : '');
const instantOf = (value: string) => (value ? fromBeijing(value.replace('T', ' ')) : null);

interface Props {
  activity: Activity;
  row: RosterEntry;
  ended: boolean;
  onMarked(): void;
  onCancel(): void;
}

export function MarkPresentForm({ activity, row, ended, onMarked, onCancel }: Props) {
  const { t } = useI18n();
  const id = useId();
  const action = useAction();
  // Instants, so that the untouched defaults are the activity's own times to the second.
  const [checkInAt, setCheckInAt] = useState<string | null>(activity.startsAt);
  const [checkOutAt, setCheckOutAt] = useState<string | null>(ended ? activity.endsAt : null);

  async function save() {
    if (!checkInAt) return;
    const params = { path: { id: activity.id, volunteerId: row.volunteerId } };
    if (await action.run(() => call(api.PUT('/api/v1/activities/{id}/roster/{volunteerId}', { params, body: { checkInAt, checkOutAt } })))) onMarked();
  }

  return (
    <section className="m-mark" aria-label={t('activities.markTitle', { name: row.name })}>
      <label htmlFor={`${id}-in`} className="m-label">{t('lead.checkInAt')}</label>
      <input id={`${id}-in`} className="m-date-input" type="datetime-local" required value={inputValue(checkInAt)} onChange={(e) => setCheckInAt(instantOf(e.target.value))} />
      <label htmlFor={`${id}-out`} className="m-label">{t('lead.checkOutAt')}</label>
      <input id={`${id}-out`} className="m-date-input" type="datetime-local" value={inputValue(checkOutAt)} onChange={(e) => setCheckOutAt(instantOf(e.target.value))} />
      <p className="m-hint">{t('activities.checkOutHint')}</p>
      <ErrorText>{action.error}</ErrorText>
      <div className="m-row-actions">
        <Button color="primary" loading={action.busy} disabled={!checkInAt} onClick={() => void save()}>{t('lead.markSave')}</Button>
        <Button fill="none" disabled={action.busy} onClick={onCancel}>{t('common.cancel')}</Button>
      </div>
    </section>
  );
}
