// 服务时长: my total, stars, and every ledger entry; a correction shows as its own entry
// (a reversal with its reason) and the entry it corrects is marked. An entry that looks
// wrong can be disputed: the recording organization checks it.
import { Button, Tag } from 'antd-mobile';
import { useCallback, useState } from 'react';
import { api } from '../../../api/client';
import type { HoursEntry } from '../../../api/types';
import { call } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../../../shared/useLoad';
import { usePagedList } from '../../../shared/usePagedList';
import { Loaded } from '../../components/Async';
import { PageHeader } from '../../components/PageHeader';
import { Paged } from '../../components/Paged';
import { formatDate, roundHours } from '../../format';
import { ForVolunteers } from '../../myVolunteer';
import { DisputePopup } from './DisputePopup';
import { HoursSummary } from './HoursSummary';

const PAGE = 50;

export function HoursPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('mobile.hours.title')} back="/me" />
      <ForVolunteers>
        <Hours />
      </ForVolunteers>
    </>
  );
}

function Hours() {
  const { t } = useI18n();
  const loadSummary = useCallback(() => call(api.GET('/api/v1/hours/mine', { params: { query: { limit: 1 } } })), []);
  const summary = useLoad(loadSummary);
  const loadPage = useCallback((cursor?: string) => call(api.GET('/api/v1/hours/mine', { params: { query: { limit: PAGE, ...(cursor && { cursor }) } } })), []);
  const entries = usePagedList(loadPage, 'id');
  const [disputing, setDisputing] = useState<HoursEntry | null>(null);

  return (
    <>
      <Loaded state={summary}>{(hours) => <HoursSummary hours={hours} />}</Loaded>
      <h2 className="m-section-title">{t('mobile.hours.history')}</h2>
      <Paged list={entries} empty={t('mobile.hours.none')}>
        {(items) => (
          <ul className="m-ledger">
            {items.map((entry) => <li key={entry.id}><Entry entry={entry} onDispute={() => setDisputing(entry)} /></li>)}
          </ul>
        )}
      </Paged>
      <DisputePopup entry={disputing} onClose={() => setDisputing(null)} />
    </>
  );
}

function Entry({ entry, onDispute }: { entry: HoursEntry; onDispute(): void }) {
  const { t, lang } = useI18n();
  const reversal = entry.kind === 'reversal';
  const hours = roundHours(Math.abs(entry.minutes) / 60);
  return (
    <article className={`m-entry${reversal ? ' m-entry-reversal' : ''}${entry.reversed ? ' m-entry-reversed' : ''}`}>
      <div className="m-entry-head">
        <h3>{entry.title ?? t('mobile.hours.untitled')}</h3>
        <strong className="m-entry-hours">{t(reversal ? 'mobile.hours.minus' : 'mobile.hours.plus', { n: hours })}</strong>
      </div>
      <p className="m-meta">
        <span>{formatDate(entry.startedAt, lang)}</span>
        {entry.organizationName && <span>{entry.organizationName}</span>}
      </p>
      {reversal && (
        <p className="m-entry-note">
          <Tag className="m-tag" color="danger">{t('mobile.hours.reversal')}</Tag> {t('mobile.hours.reason', { reason: entry.reason ?? '—' })}
        </p>
      )}
      {entry.reversed && (
        <p className="m-entry-note"><Tag className="m-tag" color="default">{t('mobile.hours.reversed')}</Tag> {t('mobile.hours.reversedHint')}</p>
      )}
      {!reversal && !entry.reversed && (
        <Button size="middle" fill="outline" className="m-entry-action" onClick={onDispute}>{t('mobile.hours.dispute')}</Button>
      )}
    </article>
  );
}
