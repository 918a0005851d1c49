// Chinese by default, English on request. The choice is kept in localStorage and sent to
// the API as Accept-Language, so server messages come back in the same language.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setApiLanguage } from '../api/client';
import { en } from './locales/en';
import { zh, type MessageKey } from './locales/zh';

export type Lang = 'zh' | 'en';
export type { MessageKey };
type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

const STORAGE_KEY = 'lianxin.lang';
const dictionaries = { zh, en };
const plurals = { zh: new Intl.PluralRules('zh-CN'), en: new Intl.PluralRules('en') };

function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh'; // storage blocked (private mode): fall back to the default
  }
}

/** Fills {name} placeholders; "one|other" messages pick a form by params.n. */
export function translate(lang: Lang, key: MessageKey, params: Params = {}): string {
  let message: string = dictionaries[lang][key];
  if (message.includes('|') && typeof params.n === 'number') {
    const [one, other = one] = message.split('|') as [string, string?];
    message = plurals[lang].select(params.n) === 'one' ? one : other;
  }
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? value.toLocaleString(lang === 'en' ? 'en-US' : 'zh-CN') : value;
  });
}

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t: Translate;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(storedLang);
  // Set during render so the very first request already carries the language.
  setApiLanguage(lang);

  useEffect(() => {
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // not persisted; the switch still applies to this page
    }
    setLangState(next);
  }, []);

  const value = useMemo<I18n>(() => ({ lang, setLang, t: (key, params) => translate(lang, key, params) }), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
