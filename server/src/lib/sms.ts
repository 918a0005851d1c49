// Text messages go through one sender interface, chosen by config (LIANXIN_SMS_DRIVER).
// The default driver only logs (with the number masked) and keeps the last messages for
// tests; the 'http' driver hands each text to a provider's gateway. Nothing calls a sender
// directly: texts are queued in the SMS outbox (modules/inbox/outbox.ts) and sent after commit.
import type { Config } from '../config.ts';
import { maskPhone } from './pii.ts';

export interface SmsSender {
  /** Resolves once the provider has taken the text; rejects when it has not. */
  send(phone: string, text: string): Promise<void>;
}

export interface SentSms {
  phoneMasked: string;
  text: string;
  at: Date;
}

/** How long the gateway may take to answer before the send counts as failed. */
const HTTP_TIMEOUT_MS = 10_000;

const recent: SentSms[] = [];

export const logSmsSender: SmsSender = {
  async send(phone, text) {
    const sent = { phoneMasked: maskPhone(phone), text, at: new Date() };
    recent.push(sent);
    if (recent.length > 500) recent.shift();
    if (process.env.NODE_ENV !== 'test' && !process.env.VITEST) console.info(JSON.stringify({ sms: { to: sent.phoneMasked, text } }));
  },
};

/** The messages the log driver sent lately, newest last. */
export function recentSms(): readonly SentSms[] {
  return recent;
}

/** POSTs {"phone", "text"} as JSON, with the bearer token when one is configured; anything but 2xx is a failure. */
export function httpSmsSender(url: string, token: string | undefined): SmsSender {
  return {
    async send(phone, text) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
        body: JSON.stringify({ phone, text }),
        signal: AbortSignal.timeout(HTTP_TIMEOUT_MS),
      });
      await response.body?.cancel();
      if (!response.ok) throw new Error(`SMS gateway answered ${response.status} ${response.statusText}`.trim());
    },
  };
}

export function smsSender(config: Pick<Config, 'smsDriver' | 'smsUrl' | 'smsToken'>): SmsSender {
  if (config.smsDriver === 'log') return logSmsSender;
  if (config.smsDriver === 'http' && config.smsUrl) return httpSmsSender(config.smsUrl, config.smsToken);
  throw new Error(`LIANXIN_SMS_DRIVER: no SMS driver "${config.smsDriver as string}" configured (available: log, http with LIANXIN_SMS_URL)`);
}
