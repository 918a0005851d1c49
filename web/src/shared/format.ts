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
