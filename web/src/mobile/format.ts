// How the phone shows times, lengths and distances: Beijing time whatever the phone's zone,
// day and weekday spelled out (older people plan by the weekday), hours to one decimal.
import type { Lang } from '../shared/i18n';

const zone = 'Asia/Shanghai';
const locales = { zh: 'zh-CN', en: 'en-GB' } as const;

const formats = (lang: Lang) => ({
  day: new Intl.DateTimeFormat(locales[lang], { timeZone: zone, month: 'long', day: 'numeric', weekday: 'short' }),
  date: new Intl.DateTimeFormat(locales[lang], { timeZone: zone, year: 'numeric', month: 'long', day: 'numeric' }),
  time: new Intl.DateTimeFormat(locales[lang], { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  key: new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }),
});
const cache = { zh: formats('zh'), en: formats('en') };

/** "11月29日周六 14:00–17:00", or both ends in full when they fall on different days. */
export function formatTimeRange(startsAt: string, endsAt: string, lang: Lang): string {
  const f = cache[lang];
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  if (f.key.format(start) === f.key.format(end)) return `${f.day.format(start)} ${f.time.format(start)}–${f.time.format(end)}`;
  return `${f.day.format(start)} ${f.time.format(start)} – ${f.day.format(end)} ${f.time.format(end)}`;
}

/** "11月29日周六 17:00". */
export function formatDayTime(iso: string, lang: Lang): string {
  const date = new Date(iso);
  return `${cache[lang].day.format(date)} ${cache[lang].time.format(date)}`;
}

/** "2026年11月22日". */
export function formatDate(iso: string, lang: Lang): string {
  return cache[lang].date.format(new Date(iso));
}

/** "14:05". */
export function formatTime(iso: string, lang: Lang): string {
  return cache[lang].time.format(new Date(iso));
}

/** Hours to one decimal, without a trailing ".0". */
export function roundHours(hours: number): number {
  return Math.round(hours * 10) / 10;
}

/** Metres below a kilometre, else kilometres to one decimal: {value, unit}. */
export function distanceParts(km: number): { value: number; unit: 'm' | 'km' } {
  return km < 1 ? { value: Math.max(10, Math.round((km * 1000) / 10) * 10), unit: 'm' } : { value: Math.round(km * 10) / 10, unit: 'km' };
}
