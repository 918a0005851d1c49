// The visits kept on this phone that have not reached the server yet: they go by
// themselves once the phone is back online; 立即发送 tries now. One the server refused
// shows why, and can be deleted.
import { Button, Tag } from 'antd-mobile';
import { useEffect, useRef, useState } from 'react';
import { visitKindName } from '../../../shared/careLabels';
import { useI18n } from '../../../shared/i18n';
import { DoneText } from '../../components/Async';
import { formatDate } from '../../format';
import { useQueuedVisits, visitQueue } from './visitSync';

export function QueuedVisits({ onSent }: { onSent(): void }) {
  const { t, lang } = useI18n();
  const items = useQueuedVisits();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  // Whenever visits leave the queue (sent in the background too), the list above is stale.
  const before = useRef(items.length);
  useEffect(() => {
    if (items.length < before.current) {
      onSent();
      setDone(t('care.queue.delivered'));
    }
    before.current = items.length;
  }, [items.length, onSent, t]);

  async function sendNow() {
    setBusy(true);
    setDone(null);
    const result = await visitQueue.flush();
    setBusy(false);
    if (result.waiting > 0) setDone(t('care.queue.stillOffline'));
  }

  if (items.length === 0) return <DoneText>{done}</DoneText>;
  return (
    <section className="m-notice" aria-label={t('care.queue.title')}>
      <h2 className="m-section-title">{t('care.queue.waiting', { n: items.length })}</h2>
      <ul className="m-list-cards">
        {items.map((item) => (
          <li key={item.visit.clientId} className="m-item-card">
            <p className="m-meta">
              <strong>{item.recipientName}</strong>
              <span>{formatDate(`${item.visit.visitedOn}T12:00:00+08:00`, lang)}</span>
              <span>{visitKindName(t, item.visit.kind)}</span>
              {item.photos?.length ? <span>{t('care.queue.photos', { n: item.photos.length })}</span> : null}
            </p>
            {item.refused ? (
              <>
                <p className="m-error" role="alert">{t('care.queue.refused', { reason: item.refused })}</p>
                <Button size="large" color="danger" fill="outline" onClick={() => visitQueue.discard(item.visit.clientId)}>{t('care.queue.discard')}</Button>
              </>
            ) : <Tag className="m-tag" color="warning">{t('care.queue.pending')}</Tag>}
          </li>
        ))}
      </ul>
      {done && <p className="m-hint" role="status">{done}</p>}
      <Button block size="large" color="primary" loading={busy} onClick={() => void sendNow()}>{t('care.queue.sendNow')}</Button>
    </section>
  );
}
