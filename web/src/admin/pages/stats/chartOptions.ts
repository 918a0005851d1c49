// ECharts options of the statistics views: a trend line, a ranking bar (largest on top)
// and a pie. Numbers in tooltips and labels are formatted like the rest of the page.
import type { Lang } from '../../../shared/i18n';
import type { ChartOption } from './Chart';
import { formatExact, formatNumber } from './statsFormat';

const PALETTE = ['#c8161d', '#f0a020', '#1677ff', '#52c41a', '#13c2c2', '#722ed1', '#eb2f96', '#8c8c8c', '#fa8c16'];

export function trendOption(points: readonly { at: string; value: number }[], name: string, lang: Lang, big = false): ChartOption {
  return {
    color: PALETTE,
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (value) => formatExact(Number(value), lang) },
    xAxis: { type: 'category', data: points.map((p) => p.at), axisLabel: { fontSize: big ? 16 : 12 } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: big ? 16 : 12, formatter: (value: number) => formatNumber(value, lang) } },
    series: [{ type: 'line', name, smooth: true, smoothMonotone: 'x', areaStyle: { opacity: 0.15 }, data: points.map((p) => p.value), lineStyle: { width: big ? 4 : 2 } }],
  };
}

/** Horizontal bars, the first item (rank 1) on top; `limit` keeps the chart readable. */
export function rankingOption(items: readonly { name: string; value: number }[], name: string, lang: Lang, big = false, limit = 15): ChartOption {
  const shown = items.slice(0, limit).reverse();
  return {
    color: PALETTE,
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item', valueFormatter: (value) => formatExact(Number(value), lang) },
    xAxis: { type: 'value', show: false },
    yAxis: { type: 'category', data: shown.map((i) => i.name), axisLabel: { fontSize: big ? 18 : 12 }, axisTick: { show: false } },
    series: [{
      type: 'bar', name, data: shown.map((i) => i.value), cursor: 'pointer', barMaxWidth: big ? 28 : 18,
      label: { show: true, position: 'right', fontSize: big ? 18 : 12, formatter: ({ value }) => formatNumber(Number(value), lang) },
    }],
  };
}

/** The index in `items` of a bar clicked in rankingOption's chart. */
export const rankingIndex = (dataIndex: number, count: number, limit = 15) => Math.min(count, limit) - 1 - dataIndex;

export function pieOption(slices: readonly { name: string; value: number }[], name: string, lang: Lang, big = false): ChartOption {
  return {
    color: PALETTE,
    tooltip: { trigger: 'item', valueFormatter: (value) => formatExact(Number(value), lang) },
    legend: { type: 'scroll', bottom: 0, textStyle: { fontSize: big ? 16 : 12 } },
    series: [{
      type: 'pie', name, radius: ['38%', '68%'], center: ['50%', '44%'], data: [...slices],
      label: { fontSize: big ? 16 : 12, formatter: '{b}\n{d}%' },
    }],
  };
}
