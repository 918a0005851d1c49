// The leader's screen (签到二维码): a big QR code of the rotating check-in token, renewed
// from the server every `refreshSeconds`, so a photo of it goes stale within half a
// minute. Volunteers scan it with the phone H5 to check in and out.
import { ArrowLeftOutlined, FullscreenOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Spin, Typography } from 'antd';
import { useCallback } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api } from '../../../api/client';
import { call, errorMessage } from '../../../shared/errors';
import { formatTimeRange } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { useCheckInQr } from '../../../shared/useCheckInQr';
import { useLoad } from '../../../shared/useLoad';

const qrSize = (screen: { width: number; height: number }) => Math.min(screen.height * 0.62, screen.width * 0.8, 560);

export function CheckInQrPage() {
  const { t, lang } = useI18n();
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const activity = useLoad(useCallback(() => call(api.GET('/api/v1/activities/{id}', { params: { path: { id } } })), [id]));
  const { code, error, left, canvas, drawError } = useCheckInQr(id, qrSize);

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
