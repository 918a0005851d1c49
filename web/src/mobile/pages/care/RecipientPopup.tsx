// The full record of a person I look after: name, phone (tap to call), address, needs
// and the visits so far (with their photos). Only the group's members may read it, and each read is logged
// with its reason, so it opens on a tap, never by itself.
import { Button, Popup } from 'antd-mobile';
import { useCallback } from 'react';
import { api } from '../../../api/client';
import type { CareRecipient } from '../../../api/careTypes';
import { visitKindName } from '../../../shared/careLabels';
import { call } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../../../shared/useLoad';
import { Empty, Loaded } from '../../components/Async';
import { formatDate } from '../../format';
import { VisitPhotos } from './visitPhotos';

export function RecipientPopup({ recipient, onClose }: { recipient: CareRecipient | null; onClose(): void }) {
  return (
    <Popup visible={recipient !== null} onMaskClick={onClose} destroyOnClose bodyClassName="m-sheet">
      {recipient && <RecipientRecord key={recipient.id} id={recipient.id} onClose={onClose} />}
    </Popup>
  );
}

function RecipientRecord({ id, onClose }: { id: number; onClose(): void }) {
  const { t, lang } = useI18n();
  const load = useCallback(
    () => call(api.GET('/api/v1/care-recipients/{id}', { params: { path: { id }, query: { reason: t('care.record.reason') } } })),
    [id, t],
  );
  const state = useLoad(load);
  const day = (date: string) => formatDate(`${date}T12:00:00+08:00`, lang);
  return (
    <div className="m-dispute">
      <Loaded state={state}>
        {(record) => (
          <>
            <h2>{record.name}</h2>
            <p className="m-hint">{t('care.record.private')}</p>
            <dl className="m-facts">
              <dt>{t('care.record.phone')}</dt>
              <dd>{record.phone ? <a className="m-text-link" href={`tel:${record.phone}`}>{record.phone}</a> : t('common.notSet')}</dd>
              <dt>{t('care.record.address')}</dt>
              <dd>{record.address ?? t('common.notSet')}</dd>
              <dt>{t('care.record.needs')}</dt>
              <dd>{record.needs ?? t('common.notSet')}</dd>
            </dl>
            <h3 className="m-section-title">{t('care.record.visits')}</h3>
            {record.visits.length === 0 ? <Empty>{t('care.mine.neverVisited')}</Empty> : (
              <ul className="m-list-cards">
                {record.visits.map((visit) => (
                  <li key={visit.id} className="m-entry">
                    <div className="m-entry-head">
                      <h3>{day(visit.visitedOn)} · {visitKindName(t, visit.kind)}</h3>
                    </div>
                    <p className="m-entry-note">{visit.summary}</p>
                    {visit.followUp && <p className="m-entry-note">{t('care.record.followUp', { text: visit.followUp })}</p>}
                    <VisitPhotos photos={visit.photos} />
                    <p className="m-meta">{visit.volunteer}</p>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </Loaded>
      <div className="m-actions">
        <Button block size="large" onClick={onClose}>{t('common.close')}</Button>
      </div>
    </div>
  );
}
