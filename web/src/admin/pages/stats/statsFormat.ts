// Pure helpers of the statistics screens: numbers in zh-CN (万 and 亿 for large ones),
// rates with one decimal ("—" when there is nothing to divide by), and the periods the
// API takes (from inclusive, to exclusive, days in Beijing time).

/** i18n's Lang, restated so the browser tests can import this file without the web's module resolution. */
type Lang = 'zh' | 'en';

const plain = { zh: new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 }), en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }) };
const compactEn = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** A count or an amount: 9,876 as it is; 12,345 as “1.2万” (English: “12.3K”); 1.5 亿 above 10⁸. */
export function formatNumber(value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const size = Math.abs(value);
  if (size < 10_000) return plain[lang].format(value);
  if (lang === 'en') return compactEn.format(value);
  const [unit, divisor] = size >= 1e8 ? ['亿', 1e8] : ['万', 1e4];
  return `${trimmed((value / divisor).toFixed(1))}${unit}`;
}

/** The exact figure with grouping (for tables and tooltips, where 万 would hide digits). */
export const formatExact = (value: number | null | undefined, lang: Lang) =>
  value === null || value === undefined || !Number.isFinite(value) ? '—' : plain[lang].format(value);

const trimmed = (fixed: string) => fixed.replace(/\.0$/, '');

/** A 0–1 rate as a percentage with one decimal; null (nothing to divide by) as “—”. */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  return `${(rate * 100).toFixed(1)}%`;
}

/** An average rating (1–5) with one decimal; null (no ratings yet) as “—”. */
export function formatScore(score: number | null | undefined): string {
  if (score === null || score === undefined || !Number.isFinite(score)) return '—';
  return score.toFixed(1);
}

export interface Period {
  from: string;
  /** The day after the last one (exclusive). */
  to: string;
}

const DAY = 86_400_000;

/** A YYYY-MM-DD day moved by `days`. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

export type Preset = 'year' | 'month';

/** This year or this month, up to and including today. */
export function presetPeriod(preset: Preset, today: string): Period {
  return { from: preset === 'year' ? `${today.slice(0, 4)}-01-01` : `${today.slice(0, 7)}-01`, to: addDays(today, 1) };
}

/** The whole of a month 'YYYY-MM'. */
export function monthPeriod(month: string): Period {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
  return { from: `${month}-01`, to: `${next}-01` };
}

export const isMonth = (text: string | null): text is string => text !== null && /^\d{4}-(0[1-9]|1[0-2])$/.test(text);
export const isDay = (text: string | null): text is string => text !== null && /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));

/** Days of a period. */
export const periodDays = (period: Period) => Math.round((Date.parse(`${period.to}T00:00:00Z`) - Date.parse(`${period.from}T00:00:00Z`)) / DAY);

/** A trend by day for two months or less, by month for longer. */
export const seriesBy = (period: Period): 'day' | 'month' => (periodDays(period) <= 62 ? 'day' : 'month');

/** Every day or month of the period with its value, 0 where the API has no point (a line without gaps). */
export function fillSeries(points: readonly { at: string; value: number }[], period: Period, by: 'day' | 'month'): { at: string; value: number }[] {
  const values = new Map(points.map((p) => [p.at, p.value]));
  const out: { at: string; value: number }[] = [];
  if (by === 'day') {
    for (let day = period.from; day < period.to; day = addDays(day, 1)) out.push({ at: day, value: values.get(day) ?? 0 });
  } else {
    for (let month = period.from.slice(0, 7); `${month}-01` < period.to; month = monthPeriod(month).to.slice(0, 7)) {
      out.push({ at: month, value: values.get(month) ?? 0 });
    }
  }
  return out;
}

/** The last day of a period (the `to` is exclusive), for showing “1月1日 – 11月29日”. */
export const lastDay = (period: Period) => addDays(period.to, -1);

/** A period in words: “2026-01-01 至 2026-11-29” / “2026-01-01 – 2026-11-29”. */
export const formatPeriod = (period: Period, lang: Lang) => `${period.from} ${lang === 'en' ? '–' : '至'} ${lastDay(period)}`;

/** A month 'YYYY-MM' in words: “2026年11月” / “November 2026”. */
export function formatMonth(month: string, lang: Lang): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  if (lang === 'zh') return `${year}年${m}月`;
  return new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, m - 1, 1)));
}
