// 结对帮扶: the people I help look after (names masked), when each visit falls due, and a
// visit log that works where the signal is poor: a visit is kept on the phone first and
// sent as soon as the server can be reached (visitSync.ts), exactly once.
import { Button, Tag } from 'antd-mobile';
import { useState } from 'react';
import { api } from '../../../api/client';
import type { CareRecipient } from '../../../api/careTypes';
import { recipientKindName } from '../../../shared/careLabels';
import { ApiFailure, call } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../../../shared/useLoad';
import { Empty, Loaded } from '../../components/Async';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../format';
import { QueuedVisits } from './QueuedVisits';
import { RecipientPopup } from './RecipientPopup';
import { VisitPopup } from './VisitPopup';
import { installVisitSync } from './visitSync';
import './care.css';

installVisitSync();

const CACHE_KEY = 'lianxin.care.recipients';

/** The list from the server, or (without a connection) the one last seen on this phone. */
async function loadRecipients(): Promise<{ items: CareRecipient[]; offline: boolean }> {
  try {
    const { items } = await call(api.GET('/api/v1/care-recipients/mine'));
    try {
      localStorage.setItem(CACHE_KEY, JSON.stringify(items));
    } catch {
      // not kept: the list just will not show offline
    }
    return { items, offline: false };
  } catch (error) {
    const cached = error instanceof ApiFailure && error.status === 0 ? readCache() : null;
    if (cached) return { items: cached, offline: true };
    throw error;
  }
}

function readCache(): CareRecipient[] | null {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(CACHE_KEY) ?? 'null');
    return Array.isArray(parsed) ? (parsed as CareRecipient[]) : null;
  } catch {
    return null;
  }
}

export function CarePage() {
  const { t } = useI18n();
  const state = useLoad(loadRecipients);
  const [visiting, setVisiting] = useState<CareRecipient | null>(null);
  const [reading, setReading] = useState<CareRecipient | null>(null);

  return (
    <>
      <PageHeader title={t('care.mine.title')} back="/" />
      <QueuedVisits onSent={state.reload} />
      <Loaded state={state}>
        {({ items, offline }) => (
          <>
            {offline && <p className="m-notice" role="status">{t('care.mine.offlineList')}</p>}
            {items.length === 0 ? <Empty>{t('care.mine.none')}</Empty> : (
              <>
                <p className="m-hint">{t('care.mine.hint')}</p>
                <ul className="m-list-cards">
                  {items.map((recipient) => (
                    <li key={recipient.id}>
                      <RecipientCard recipient={recipient} onVisit={() => setVisiting(recipient)} onRead={() => setReading(recipient)} offline={offline} />
                    </li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </Loaded>
      <VisitPopup recipient={visiting} onClose={() => setVisiting(null)} onSent={state.reload} />
      <RecipientPopup recipient={reading} onClose={() => setReading(null)} />
    </>
  );
}

function RecipientCard({ recipient, onVisit, onRead, offline }: { recipient: CareRecipient; onVisit(): void; onRead(): void; offline: boolean }) {
  const { t, lang } = useI18n();
  return (
    <article className="m-item-card" aria-label={recipient.name}>
      <p className="m-meta">
        <Tag className="m-tag" color="primary" fill="outline">{recipientKindName(t, recipient.kind)}</Tag>
        {recipient.mine && <Tag className="m-tag" color="success">{t('care.mine.caretaker')}</Tag>}
        {recipient.lateDays > 0 && <Tag className="m-tag" color="danger">{t('care.mine.late', { n: recipient.lateDays })}</Tag>}
      </p>
      <h3>{recipient.name}</h3>
      <p className="m-when">{t('care.mine.nextDue', { date: formatDate(`${recipient.nextDue}T12:00:00+08:00`, lang) })}</p>
      <p className="m-meta">
        <span>{recipient.lastVisit ? t('care.mine.lastVisit', { date: formatDate(`${recipient.lastVisit}T12:00:00+08:00`, lang) }) : t('care.mine.neverVisited')}</span>
        <span>{t('care.mine.every', { n: recipient.visitEveryDays })}</span>
        <span>{recipient.groupName}</span>
      </p>
      <Button block size="large" color="primary" onClick={onVisit}>{t('care.visit.log')}</Button>
      {!offline && <Button block size="large" fill="outline" className="m-second-button" onClick={onRead}>{t('care.record.open')}</Button>}
    </article>
  );
}
