// 记录走访: the date, how the visit went (home, phone, accompanying), what happened, what
// to follow up and a few photos. Kept on the phone first, then sent: with no connection it says so
// plainly, and the visit goes out by itself once the phone is back online.
import { Button, Input, Popup, Radio, Space, TextArea, type ImageUploadItem } from 'antd-mobile';
import { useState } from 'react';
import type { CareRecipient, VisitKind } from '../../../api/careTypes';
import { visitKindName, visitKinds } from '../../../shared/careLabels';
import { beijingToday } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { DoneText, ErrorText } from '../../components/Async';
import { VisitPhotoPicker } from './visitPhotos';
import { visitQueue } from './visitSync';

const SUMMARY = { min: 2, max: 2000 };
const FOLLOW_UP_MAX = 500;

export function VisitPopup({ recipient, onClose, onSent }: { recipient: CareRecipient | null; onClose(): void; onSent(): void }) {
  return (
    <Popup visible={recipient !== null} onMaskClick={onClose} destroyOnClose bodyClassName="m-sheet">
      {recipient && <VisitForm key={recipient.id} recipient={recipient} onClose={onClose} onSent={onSent} />}
    </Popup>
  );
}

function VisitForm({ recipient, onClose, onSent }: { recipient: CareRecipient; onClose(): void; onSent(): void }) {
  const { t } = useI18n();
  const today = beijingToday();
  const [visitedOn, setVisitedOn] = useState(today);
  const [kind, setKind] = useState<VisitKind>('home');
  const [summary, setSummary] = useState('');
  const [followUp, setFollowUp] = useState('');
  const [photos, setPhotos] = useState<ImageUploadItem[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<'sent' | 'queued' | null>(null);

  async function save() {
    if (summary.trim().length < SUMMARY.min) return setError(t('care.visit.summaryRequired'));
    if (!visitedOn || visitedOn > today) return setError(t('care.visit.dateInvalid'));
    setError(null);
    let item;
    try {
      item = visitQueue.add(recipient, {
        visitedOn, kind, summary: summary.trim(), ...(followUp.trim() && { followUp: followUp.trim() }),
      }, new Date(), photos.map((photo) => photo.url));
    } catch {
      // The phone's storage is full: fewer photos, or send what waits first.
      return setError(t('care.visit.storageFull'));
    }
    setBusy(true);
    await visitQueue.flush();
    setBusy(false);
    const left = visitQueue.list().find((other) => other.visit.clientId === item.visit.clientId);
    if (!left) {
      setOutcome('sent');
      onSent();
    } else if (left.refused) {
      // Refused while the person is still here: back to the form to correct it.
      visitQueue.discard(item.visit.clientId);
      setError(left.refused);
    } else {
      setOutcome('queued');
    }
  }

  return (
    <div className="m-dispute">
      <h2>{t('care.visit.title', { name: recipient.name })}</h2>
      {outcome ? (
        <>
          {outcome === 'sent' ? <DoneText>{t('care.visit.sent')}</DoneText> : <p className="m-notice" role="status">{t('care.visit.queued')}</p>}
          <Button block size="large" color="primary" onClick={onClose}>{t('common.done')}</Button>
        </>
      ) : (
        <>
          <label htmlFor="visit-date" className="m-label">{t('care.visit.date')}</label>
          <input id="visit-date" className="m-date-input" type="date" max={today} value={visitedOn} onChange={(e) => setVisitedOn(e.target.value)} />
          <span className="m-label" id="visit-kind">{t('care.visit.kind')}</span>
          <Radio.Group value={kind} onChange={(value) => setKind(value as VisitKind)}>
            <Space direction="vertical" aria-labelledby="visit-kind">
              {visitKinds.map((code) => <Radio key={code} value={code}>{visitKindName(t, code)}</Radio>)}
            </Space>
          </Radio.Group>
          <label htmlFor="visit-summary" className="m-label">{t('care.visit.summary')}</label>
          <TextArea id="visit-summary" value={summary} onChange={(value) => {
            setSummary(value);
            setError(null);
          }} maxLength={SUMMARY.max} rows={4} showCount placeholder={t('care.visit.summaryPlaceholder')} />
          <label htmlFor="visit-follow-up" className="m-label">{t('care.visit.followUp')}</label>
          <Input id="visit-follow-up" value={followUp} onChange={setFollowUp} maxLength={FOLLOW_UP_MAX} placeholder={t('care.visit.followUpPlaceholder')} />
          <span className="m-label">{t('care.visit.photos')}</span>
          <VisitPhotoPicker value={photos} onChange={setPhotos} />
          <ErrorText>{error}</ErrorText>
          <p className="m-hint">{t('care.visit.offlineHint')}</p>
          <Button block size="large" color="primary" loading={busy} onClick={() => void save()}>{t('care.visit.save')}</Button>
          <Button block size="large" onClick={onClose}>{t('common.cancel')}</Button>
        </>
      )}
    </div>
  );
}
