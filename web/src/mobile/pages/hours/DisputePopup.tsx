// 申诉: the volunteer says what is wrong with a record and, if they know, how long they
// really served; the recording organization checks and corrects it (民政部令第67号).
import { Button, Input, Popup, TextArea } from 'antd-mobile';
import { useState } from 'react';
import { api } from '../../../api/client';
import type { HoursEntry } from '../../../api/types';
import { limits } from '../../../shared/domain';
import { call } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { DoneText, ErrorText } from '../../components/Async';
import { formatDate, roundHours } from '../../format';
import { mobileLimits } from '../../limits';
import { useAction } from '../../useAction';

const CLAIM = mobileLimits.claim;
const MAX_HOURS = limits.minutes / 60;

export function DisputePopup({ entry, onClose }: { entry: HoursEntry | null; onClose(): void }) {
  return (
    <Popup visible={entry !== null} onMaskClick={onClose} destroyOnClose bodyClassName="m-sheet">
      {entry && <DisputeForm key={entry.id} entry={entry} onClose={onClose} />}
    </Popup>
  );
}

function DisputeForm({ entry, onClose }: { entry: HoursEntry; onClose(): void }) {
  const { t, lang } = useI18n();
  const [claim, setClaim] = useState('');
  const [claimedHours, setClaimedHours] = useState('');
  const [sent, setSent] = useState(false);
  const action = useAction();
  const hours = claimedHours.trim() === '' ? null : Number(claimedHours);
  const hoursOk = hours === null || (Number.isFinite(hours) && hours >= 0 && hours <= MAX_HOURS);
  const claimOk = claim.trim().length >= CLAIM.min;

  async function submit() {
    if (!claimOk || !hoursOk) {
      action.setError(t(claimOk ? 'mobile.dispute.hoursInvalid' : 'mobile.dispute.claimRequired', { n: MAX_HOURS }));
      return;
    }
    const body = { claim: claim.trim(), ...(hours !== null && { claimedMinutes: Math.round(hours * 60) }) };
    const result = await action.run(() => call(api.POST('/api/v1/hours/{id}/dispute', { params: { path: { id: entry.id } }, body })));
    if (result) setSent(true);
  }

  return (
    <div className="m-dispute">
      <h2>{t('mobile.dispute.title')}</h2>
      <p className="m-meta">
        {entry.title ?? t('mobile.hours.untitled')} · {formatDate(entry.startedAt, lang)} · {t('mobile.hours.value', { n: roundHours(entry.minutes / 60) })}
      </p>
      {sent ? (
        <>
          <DoneText>{t('mobile.dispute.sent')}</DoneText>
          <Button block size="large" color="primary" onClick={onClose}>{t('common.done')}</Button>
        </>
      ) : (
        <>
          <label htmlFor="dispute-claim" className="m-label">{t('mobile.dispute.claim')}</label>
          <TextArea id="dispute-claim" value={claim} onChange={setClaim} maxLength={CLAIM.max} rows={4} showCount placeholder={t('mobile.dispute.claimPlaceholder')} />
          <label htmlFor="dispute-hours" className="m-label">{t('mobile.dispute.hours')}</label>
          <Input id="dispute-hours" type="number" inputMode="decimal" value={claimedHours} onChange={setClaimedHours} placeholder={t('mobile.dispute.hoursPlaceholder')} />
          {!hoursOk && <p className="m-field-error">{t('mobile.dispute.hoursInvalid', { n: MAX_HOURS })}</p>}
          <ErrorText>{action.error}</ErrorText>
          <Button block size="large" color="primary" loading={action.busy} onClick={() => void submit()}>
            {t('mobile.dispute.submit')}
          </Button>
          <Button block size="large" onClick={onClose}>{t('common.cancel')}</Button>
        </>
      )}
    </div>
  );
}
