// The leader's phone as the check-in screen: the rotating QR code as big as the phone
// allows (no tab bar), for volunteers to scan; the same code the console's screen shows.
import { ErrorBlock, SpinLoading } from 'antd-mobile';
import { useCallback } from 'react';
import { useParams } from 'react-router-dom';
import { api } from '../../../api/client';
import { call, errorMessage } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { useCheckInQr } from '../../../shared/useCheckInQr';
import { useLoad } from '../../../shared/useLoad';
import { ErrorText } from '../../components/Async';
import { PageHeader } from '../../components/PageHeader';
import { formatTimeRange } from '../../format';

const qrSize = (screen: { width: number; height: number }) => Math.min(screen.width - 48, screen.height * 0.6, 520);

export function LeaderQrPage() {
  const { t, lang } = useI18n();
  const id = Number(useParams().id);
  const activity = useLoad(useCallback(() => call(api.GET('/api/v1/activities/{id}', { params: { path: { id } } })), [id]));
  const { code, error, left, canvas, drawError } = useCheckInQr(id, qrSize);

  return (
    <>
      <PageHeader title={t('activities.qr')} back={`/activities/${id}/lead`} />
      <section className="m-detail" aria-busy={!code}>
        <h2 className="m-detail-title">{activity.data?.title ?? ' '}</h2>
        {activity.data && <p className="m-when">{formatTimeRange(activity.data.startsAt, activity.data.endsAt, lang)} · {activity.data.site.name}</p>}
        {!code && error === undefined && <SpinLoading color="primary" />}
        {!code && error !== undefined && <ErrorBlock status="disconnected" title={<span role="alert">{errorMessage(error, t)}</span>} description="" />}
        <canvas ref={canvas} role="img" aria-label={t('activities.qrLabel')} hidden={!code} />
        {code && error !== undefined && <ErrorText>{`${errorMessage(error, t)} ${t('activities.qrRetrying')}`}</ErrorText>}
        <ErrorText>{drawError}</ErrorText>
        <p className="m-hint">{t('lead.qrHint')}</p>
        {left !== null && <p className="m-hint">{t('activities.qrRefresh', { n: left })}</p>}
        {code && <p className="m-mono" aria-label={t('activities.qrToken')}>{code.token}</p>}
      </section>
    </>
  );
}
