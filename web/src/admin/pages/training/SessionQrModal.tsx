// The lecturer's screen for a session (签到二维码): the rotating attendance code as a QR
// code and as text, renewed from the server as it expires. Attending completes the course.
import { Alert, Button, Modal, Spin, Typography } from 'antd';
import QRCode from 'qrcode';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../../api/client';
import type { TrainingSession } from '../../../api/careTypes';
import { call, errorMessage } from '../../../shared/errors';
import { formatDateTime } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { usePoll } from '../../../shared/usePoll';

const RETRY_MS = 3000;
const renewal = (code: { refreshSeconds: number }) => code.refreshSeconds * 1000;

export function SessionQrModal({ session, title, onClose }: { session: TrainingSession; title: string; onClose(): void }) {
  const { t, lang } = useI18n();
  const { data: code, error } = usePoll(
    useCallback(() => call(api.GET('/api/v1/training-sessions/{id}/checkin-code', { params: { path: { id: session.id } } })), [session.id]),
    renewal,
    RETRY_MS,
  );
  const canvas = useRef<HTMLCanvasElement>(null);
  const [drawError, setDrawError] = useState<string | null>(null);
  useEffect(() => {
    if (!code || !canvas.current) return;
    QRCode.toCanvas(canvas.current, code.token, { width: 360, margin: 2, errorCorrectionLevel: 'M' }).then(
      () => setDrawError(null),
      (failure: unknown) => setDrawError(String(failure)),
    );
  }, [code]);
  return (
    <Modal open width={480} title={t('training.admin.qrTitle', { title })} onCancel={onClose} footer={<Button type="primary" onClick={onClose}>{t('common.close')}</Button>}>
      <Typography.Paragraph type="secondary">{formatDateTime(session.startsAt, lang)} – {formatDateTime(session.endsAt, lang)}</Typography.Paragraph>
      <div className="session-qr" aria-busy={!code}>
        {!code && !error && <Spin size="large" description={t('common.loading')} />}
        <canvas ref={canvas} role="img" aria-label={t('training.admin.qrLabel')} hidden={!code} />
      </div>
      {error !== undefined && <Alert type="error" showIcon title={errorMessage(error, t)} />}
      {drawError && <Alert type="error" showIcon title={drawError} />}
      <Typography.Paragraph>{t('training.admin.qrHint')}</Typography.Paragraph>
      {code && <Typography.Text code copyable aria-label={t('training.admin.qrToken')}>{code.token}</Typography.Text>}
    </Modal>
  );
}
