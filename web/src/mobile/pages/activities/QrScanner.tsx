// Scans the leader's check-in QR code with the back camera: frames from a <video> are
// decoded by jsQR (loaded only when the camera opens). The code's text is the token.
import { Button } from 'antd-mobile';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useI18n } from '../../../shared/i18n';

type Problem = 'denied' | 'unavailable';
const SCAN_EVERY_MS = 200;
const MAX_SIDE = 640; // enough pixels for a code on a phone screen, cheap to decode

export function QrScanner({ onCode, onClose }: { onCode(text: string): void; onClose(): void }) {
  const { t } = useI18n();
  const video = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const found = useEffectEvent((text: string) => onCode(text));

  useEffect(() => {
    let stopped = false;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });

    async function start() {
      if (!navigator.mediaDevices?.getUserMedia || !context) throw new Error('no camera');
      const [{ default: jsQR }, media] = await Promise.all([
        import('jsqr'),
        navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false }),
      ]);
      stream = media;
      const element = video.current;
      if (stopped || !element) return;
      element.srcObject = media;
      await element.play();
      const scan = () => {
        if (stopped) return;
        if (element.readyState >= element.HAVE_CURRENT_DATA && element.videoWidth > 0) {
          const scale = Math.min(1, MAX_SIDE / Math.max(element.videoWidth, element.videoHeight));
          canvas.width = Math.round(element.videoWidth * scale);
          canvas.height = Math.round(element.videoHeight * scale);
          context!.drawImage(element, 0, 0, canvas.width, canvas.height);
          const image = context!.getImageData(0, 0, canvas.width, canvas.height);
          const code = jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
          if (code?.data.trim()) {
            found(code.data.trim());
            return;
          }
        }
        timer = setTimeout(scan, SCAN_EVERY_MS);
      };
      scan();
    }

    start().catch((error: unknown) => {
      if (!stopped) setProblem(error instanceof DOMException && error.name === 'NotAllowedError' ? 'denied' : 'unavailable');
    });
    return () => {
      stopped = true;
      clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []);

  return (
    <div className="m-scanner">
      <h2>{t('mobile.checkin.scanTitle')}</h2>
      {problem ? (
        <p className="m-error" role="alert">{t(problem === 'denied' ? 'mobile.checkin.cameraDenied' : 'mobile.checkin.cameraUnavailable')}</p>
      ) : (
        <>
          <div className="m-scanner-frame">
            <video ref={video} muted playsInline aria-label={t('mobile.checkin.scanTitle')} />
          </div>
          <p className="m-hint">{t('mobile.checkin.scanHint')}</p>
        </>
      )}
      <Button block size="large" onClick={onClose}>{t('common.cancel')}</Button>
    </div>
  );
}
