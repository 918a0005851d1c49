// The leader's rotating check-in code (签到二维码), for the console's screen and the
// leader's phone alike: the token renewed from the server every `refreshSeconds` (so a
// photo of it goes stale within half a minute), drawn as a QR code on a canvas, with the
// seconds left until the next one.
import QRCode from 'qrcode';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import type { CheckInCode } from '../api/types';
import { call } from './errors';
import { usePoll } from './usePoll';

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

/** `size`: the QR code's width in pixels, given the window's (module-level, so stable). */
export function useCheckInQr(activityId: number, size: (window: { width: number; height: number }) => number) {
  const { data: code, error } = usePoll(
    useCallback(() => call(api.GET('/api/v1/activities/{id}/checkin-code', { params: { path: { id: activityId } } })), [activityId]),
    renewal,
    RETRY_MS,
  );
  const left = useCountdown(code);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [drawError, setDrawError] = useState<string | null>(null);

  useEffect(() => {
    if (!code || !canvas.current) return;
    const width = Math.round(size({ width: window.innerWidth, height: window.innerHeight }));
    QRCode.toCanvas(canvas.current, code.token, { width, margin: 2, errorCorrectionLevel: 'M' }).then(
      () => setDrawError(null),
      (failure: unknown) => setDrawError(String(failure)),
    );
  }, [code, size]);

  return { code, error, left, canvas, drawError };
}
