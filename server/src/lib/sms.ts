// Text messages go through one sender interface. The default driver only logs (with the
// number masked) and keeps the last messages for tests; a real provider plugs in by
// config (LIANXIN_SMS_DRIVER) behind the same interface.
import { maskPhone } from './pii.ts';

export interface SmsSender {
  send(phone: string, text: string): Promise<void>;
}

export interface SentSms {
  phoneMasked: string;
  text: string;
  at: Date;
}

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

export function smsSender(driver: string): SmsSender {
  if (driver === 'log') return logSmsSender;
  throw new Error(`LIANXIN_SMS_DRIVER: no SMS driver "${driver}" (available: log)`);
}
