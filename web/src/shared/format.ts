// Dates are shown in Beijing time whatever the browser's zone: the province works in it.
import type { Lang } from './i18n';

const dateTime = {
  zh: new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' }),
};

export function formatDateTime(iso: string, lang: Lang): string {
  return dateTime[lang].format(new Date(iso));
}

export function formatCoordinates(longitude: number | null, latitude: number | null): string | null {
  if (longitude === null || latitude === null) return null;
  return `${longitude.toFixed(6).replace(/\.?0+$/, '')}, ${latitude.toFixed(6).replace(/\.?0+$/, '')}`;
}

const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

/** Beijing wall-clock time of an instant, as 'YYYY-MM-DD HH:mm' (what a date picker shows). */
export function toBeijing(iso: string | Date): string {
  const p = Object.fromEntries(parts.formatToParts(new Date(iso)).map((part) => [part.type, part.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** The instant of a Beijing wall-clock time 'YYYY-MM-DD HH:mm', whatever the browser's zone. */
export function fromBeijing(wallClock: string): string {
  return new Date(`${wallClock.replace(' ', 'T')}:00+08:00`).toISOString();
}

/** Today in Beijing, YYYY-MM-DD. */
export const beijingToday = () => toBeijing(new Date()).slice(0, 10);

/** “12月5日 09:00–12:00”, the end's date only when it differs. */
export function formatTimeRange(startIso: string, endIso: string, lang: Lang): string {
  const [start, end] = [toBeijing(startIso), toBeijing(endIso)];
  const day = (wall: string) => (lang === 'en' ? wall.slice(0, 10) : `${Number(wall.slice(5, 7))}月${Number(wall.slice(8, 10))}日`);
  const year = start.slice(0, 4) === beijingToday().slice(0, 4) ? '' : lang === 'en' ? '' : `${start.slice(0, 4)}年`;
  const endText = start.slice(0, 10) === end.slice(0, 10) ? end.slice(11) : `${day(end)} ${end.slice(11)}`;
  return `${year}${day(start)} ${start.slice(11)}–${endText}`;
}

/** Minutes as hours to one decimal (DOMAIN.md: store minutes, show hours). */
export const formatHours = (minutes: number) => (Math.round(minutes / 6) / 10).toFixed(1);
