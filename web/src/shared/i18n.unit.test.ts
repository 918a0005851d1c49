import { describe, expect, it } from 'vitest';
import { translate } from './i18n';
import { en } from './locales/en';
import { zh } from './locales/zh';

describe('translate', () => {
  it('fills placeholders and groups thousands', () => {
    expect(translate('zh', 'count.station', { n: 1226 })).toBe('1,226 站');
    expect(translate('zh', 'm.greeting', { name: '王大爷' })).toBe('王大爷，您好');
  });

  it('picks the English plural by n', () => {
    expect(translate('en', 'count.center', { n: 1 })).toBe('1 center');
    expect(translate('en', 'count.center', { n: 7 })).toBe('7 centers');
  });

  it('has the same placeholders in both languages', () => {
    const placeholders = (message: string) => [...new Set(message.match(/\{\w+\}/g) ?? [])].sort();
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(zh[key]));
    }
  });
});
