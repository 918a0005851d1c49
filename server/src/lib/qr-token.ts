// Rotating check-in codes (an activity's or a training session's): the leader's screen
// shows a code that changes every window, and a code is good for that window and the
// next only, so a screenshot passed on later is refused.
import { AppError } from './errors.ts';
import type { Pii } from './pii.ts';

export const QR_WINDOW_SECONDS = 15;

const windowOf = (at: Date) => Math.floor(at.getTime() / 1000 / QR_WINDOW_SECONDS);

function tokenFor(pii: Pii, purpose: string, id: number, window: number): string {
  return `${id}.${window}.${pii.tokenMac(`${purpose}:${id}:${window}`)}`;
}

/** The code to show now, when it stops being accepted, and how often to refresh it. */
export function currentCode(pii: Pii, purpose: string, id: number, now = new Date()) {
  const window = windowOf(now);
  return {
    token: tokenFor(pii, purpose, id, window),
    expiresAt: new Date((window + 2) * QR_WINDOW_SECONDS * 1000).toISOString(),
    refreshSeconds: QR_WINDOW_SECONDS,
  };
}

/** Whether a scanned code is this thing's, and fresh. */
export function isFreshCode(pii: Pii, purpose: string, id: number, token: string, now = new Date()): boolean {
  const [tokenId, window] = token.split('.');
  const current = windowOf(now);
  return Number(tokenId) === id && [current, current - 1].includes(Number(window)) && tokenFor(pii, purpose, id, Number(window)) === token;
}

export function staleCodeError() {
  return new AppError('VALIDATION_FAILED', {
    field: 'token',
    detail: { zh: '二维码已过期或无效，请扫描负责人手机上当前的二维码', en: 'The code has expired or is not valid; scan the one on the leader’s screen now' },
  });
}
