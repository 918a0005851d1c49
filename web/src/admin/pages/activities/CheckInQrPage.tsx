// The leader's screen (签到二维码): a big QR code of the rotating check-in token, renewed
// from the server every `refreshSeconds`, so a photo of it goes stale within half a
// minute. Volunteers scan it with the phone H5 to check in and out.
import { ArrowLeftOutlined, FullscreenOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Spin, Typography } from 'antd';
import QRCode from 'qrcode';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api } from '../../../api/client';
import type { CheckInCode } from '../../../api/types';
import { call, errorMessage } from '../../../shared/errors';
import { formatTimeRange } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../../../shared/useLoad';
import { usePoll } from '../../../shared/usePoll';

/** After a failed fetch, try again this soon (the old code may still be valid for a while). */
const RETRY_MS = 3000;

const renewal = (code: CheckInCode) => code.refreshSeconds * 1000;

/** Seconds left until the next renewal, ticking once a second. */
function useCountdown(code: CheckInCode | undefined) {
  const [now, setNow] = useState(() => Date.now());
  const [shownAt, setShownAt] = useState<{ code: CheckInCode | undefined; at: number }>({ code, at: now });
  if (shownAt.code !== code) setShownAt({ code, at: now });
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  if (!code) return null;
  return Math.max(0, Math.ceil(code.refreshSeconds - (now - shownAt.at) / 1000));
}

export function CheckInQrPage() {
  const { t, lang } = useI18n();
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const activity = useLoad(useCallback(() => call(api.GET('/api/v1/activities/{id}', { params: { path: { id } } })), [id]));
  const { data: code, error } = usePoll(
    useCallback(() => call(api.GET('/api/v1/activities/{id}/checkin-code', { params: { path: { id } } })), [id]),
    renewal,
    RETRY_MS,
  );
  const left = useCountdown(code);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [drawError, setDrawError] = useState<string | null>(null);

  useEffect(() => {
    if (!code || !canvas.current) return;
    const size = Math.min(window.innerHeight * 0.62, window.innerWidth * 0.8, 560);
    QRCode.toCanvas(canvas.current, code.token, { width: Math.round(size), margin: 2, errorCorrectionLevel: 'M' }).then(
      () => setDrawError(null),
      (failure: unknown) => setDrawError(String(failure)),
    );
  }, [code]);

  return (
    <div className="qr-screen">
      <div className="qr-toolbar">
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(`/activities/${id}`)}>{t('activities.qrExit')}</Button>
        <Button icon={<FullscreenOutlined />} onClick={() => void document.documentElement.requestFullscreen?.().catch(() => undefined)}>{t('activities.fullscreen')}</Button>
      </div>
      <Typography.Title level={2} className="qr-title">{activity.data?.title ?? ' '}</Typography.Title>
      {activity.data && (
        <Typography.Text className="qr-subtitle">
          {formatTimeRange(activity.data.startsAt, activity.data.endsAt, lang)} · {activity.data.site.name}
        </Typography.Text>
      )}
      <div className="qr-box" aria-busy={!code}>
        {!code && !error && <Spin size="large" description={t('common.loading')} />}
        <canvas ref={canvas} role="img" aria-label={t('activities.qrLabel')} hidden={!code} />
      </div>
      {error !== undefined && (
        <Alert type="error" showIcon className="qr-alert" title={errorMessage(error, t)} description={code ? t('activities.qrRetrying') : undefined} />
      )}
      {drawError && <Alert type="error" showIcon className="qr-alert" title={drawError} />}
      <Space orientation="vertical" size={4} className="qr-footer">
        <Typography.Text className="qr-hint">{t('activities.qrHint')}</Typography.Text>
        {left !== null && <Typography.Text type="secondary">{t('activities.qrRefresh', { n: left })}</Typography.Text>}
        {code && <code className="qr-token" aria-label={t('activities.qrToken')}>{code.token}</code>}
      </Space>
    </div>
  );
}
