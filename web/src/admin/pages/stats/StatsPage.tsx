// 数据统计: the headline figures of my area (or a region below it, ?region=…) for a period,
// the trend of one figure, the mix of organizations and orders, and a ranking of the
// regions one level down — click one to go down, the breadcrumb to go back up.
import { DesktopOutlined, DownloadOutlined, FileTextOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Select, Space, Spin, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../../api/client';
import type { StatsMetric, StatsRanked, StatsSummary } from '../../../api/statsTypes';
import { errorMessage } from '../../../shared/errors';
import { download } from '../../../shared/files';
import { beijingToday } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { categoryName } from '../../../shared/labels';
import { orderStatusName } from '../../../shared/orders';
import { useLoad } from '../../../shared/useLoad';
import { useAction } from '../../useAction';
import { RegionBreadcrumb, useLineage, useRegionParam } from './area';
import { Chart } from './Chart';
import { pieOption, rankingIndex, rankingOption, trendOption } from './chartOptions';
import { areaQuery, fetchBreakdown, fetchSeries, fetchSummary } from './fetch';
import { Kpi, metricName, rankMetrics, summaryFigures, trendMetrics } from './figures';
import { PeriodPicker, usePeriod } from './period';
import { fillSeries, formatExact, formatPeriod, seriesBy } from './statsFormat';
import './stats.css';

export function StatsPage() {
  const { t, lang } = useI18n();
  const [region, setRegion] = useRegionParam();
  const period = usePeriod();
  const { from, to } = period.period;
  const query = useMemo(() => areaQuery(region, { from, to }), [region, from, to]);
  const summary = useLoad(useCallback(() => fetchSummary(query), [query]));
  const code = region ?? summary.data?.region.code;
  const lineage = useLineage(code);
  const exporting = useAction();
  const navigate = useNavigate();

  return (
    <Space orientation="vertical" size="middle" className="full-width stats-page">
      <div className="stats-head">
        <Typography.Title level={3} className="stats-title">
          {t('stats.title')}{summary.data && ` · ${summary.data.region.name}`}
        </Typography.Title>
        <Space wrap>
          <PeriodPicker value={period} />
          <Button
            icon={<DownloadOutlined />} loading={exporting.busy !== null}
            onClick={() => void exporting.run(async () => {
              await download(api.GET('/api/v1/stats/export.xlsx', { params: { query }, parseAs: 'blob' }), 'stats.xlsx');
            })}
          >
            {t('stats.export')}
          </Button>
          <Button icon={<FileTextOutlined />} onClick={() => void navigate(`/stats/report?${new URLSearchParams({ ...(code && { region: code }), month: beijingToday().slice(0, 7) })}`)}>
            {t('stats.report')}
          </Button>
          <Button icon={<DesktopOutlined />} onClick={() => void navigate(`/stats/screen${code ? `?region=${code}` : ''}`)}>{t('stats.screen')}</Button>
        </Space>
      </div>
      <Space wrap className="stats-subhead">
        <RegionBreadcrumb region={lineage.data} onOpen={setRegion} />
        <Typography.Text type="secondary">{formatPeriod(period.period, lang)}</Typography.Text>
      </Space>
      {summary.error !== undefined && (
        <Alert type="error" showIcon title={errorMessage(summary.error, t)} action={<Button onClick={summary.reload}>{t('common.retry')}</Button>} />
      )}
      {summary.data ? <Figures summary={summary.data} /> : !summary.error && <Spin description={t('stats.loading')}><div className="stats-placeholder" /></Spin>}
      <div className="stats-charts">
        <Trend query={query} />
        {summary.data && <Mix summary={summary.data} />}
      </div>
      <Ranking query={query} level={summary.data?.region.level} onOpen={setRegion} />
      <Typography.Text type="secondary">{t('stats.lag')}</Typography.Text>
    </Space>
  );
}

function Figures({ summary }: { summary: StatsSummary }) {
  const { t, lang } = useI18n();
  return (
    <section className="stats-kpis" aria-label={t('stats.title')}>
      {summaryFigures(summary, t, lang).map((figure) => <Kpi key={figure.key} figure={figure} />)}
    </section>
  );
}

type Query = ReturnType<typeof areaQuery>;

function MetricSelect({ value, options, onChange }: { value: StatsMetric; options: readonly StatsMetric[]; onChange(metric: StatsMetric): void }) {
  const { t } = useI18n();
  return (
    <Select<StatsMetric>
      aria-label={t('stats.metricLabel')} className="stats-metric" value={value} onChange={onChange}
      options={options.map((metric) => ({ value: metric, label: metricName(t, metric) }))}
    />
  );
}

function Trend({ query }: { query: Query }) {
  const { t, lang } = useI18n();
  const [metric, setMetric] = useState<StatsMetric>('service_hours');
  const by = seriesBy(query);
  const series = useLoad(useCallback(() => fetchSeries(query, metric, by), [query, metric, by]));
  const points = useMemo(() => (series.data ? fillSeries(series.data.points, query, by) : []), [series.data, query, by]);
  const option = useMemo(() => trendOption(points, metricName(t, metric), lang), [points, t, metric, lang]);
  const title = `${t('stats.trend')}（${t('stats.trendBy', { by: t(`stats.by.${by}`) })}）`;
  return (
    <Card title={title} extra={<MetricSelect value={metric} options={trendMetrics} onChange={setMetric} />} className="stats-card-wide">
      {series.error !== undefined
        ? <Alert type="error" showIcon title={errorMessage(series.error, t)} />
        : <Spin spinning={series.loading}><Chart option={option} label={`${title} · ${metricName(t, metric)}`} /></Spin>}
    </Card>
  );
}

function Mix({ summary }: { summary: StatsSummary }) {
  const { t, lang } = useI18n();
  const categories = Object.entries(summary.organizations.byCategory).filter(([, n]) => n > 0).map(([code, n]) => ({ name: categoryName(t, code), value: n }));
  const orders = Object.entries(summary.orders.byStatus).filter(([, n]) => n > 0).map(([code, n]) => ({ name: orderStatusName(t, code), value: n }));
  return (
    <>
      <Card title={t('stats.categoryMix')}>
        {categories.length > 0
          ? <Chart option={pieOption(categories, t('stats.categoryMix'), lang)} label={t('stats.categoryMix')} />
          : <Empty description={t('stats.noData')} />}
      </Card>
      <Card title={t('stats.ordersByStatus')}>
        {orders.length > 0
          ? <Chart option={pieOption(orders, t('stats.ordersByStatus'), lang)} label={t('stats.ordersByStatus')} />
          : <Empty description={t('stats.noData')} />}
      </Card>
    </>
  );
}

function Ranking({ query, level, onOpen }: { query: Query; level: number | undefined; onOpen(code: string): void }) {
  const { t, lang } = useI18n();
  const [metric, setMetric] = useState<StatsMetric>('volunteers');
  const breakdown = useLoad(useCallback(() => fetchBreakdown(query, metric), [query, metric]));
  const items = useMemo(() => breakdown.data?.items ?? [], [breakdown.data]);
  const option = useMemo(() => rankingOption(items, metricName(t, metric), lang), [items, t, metric, lang]);
  const pick = useCallback((index: number) => {
    const item = items[rankingIndex(index, items.length)];
    if (item) onOpen(item.code);
  }, [items, onOpen]);
  const columns: ColumnsType<StatsRanked> = [
    { key: 'rank', title: t('stats.col.rank'), width: 80, render: (_, item) => item.rank },
    { key: 'name', title: t('stats.col.region'), render: (_, item) => <Button type="link" className="stats-drill" onClick={() => onOpen(item.code)}>{item.name}</Button> },
    { key: 'value', title: metricName(t, metric), align: 'right', render: (_, item) => formatExact(item.value, lang) },
  ];
  const lowest = level === 5 || (breakdown.data !== undefined && items.length === 0);
  return (
    <Card title={t('stats.ranking')} extra={<MetricSelect value={metric} options={rankMetrics} onChange={setMetric} />}>
      {breakdown.error !== undefined && <Alert type="error" showIcon title={errorMessage(breakdown.error, t)} />}
      {lowest ? <Empty description={t('stats.noChildren')} /> : (
        <div className="stats-ranking">
          <div>
            <Typography.Text type="secondary">{t('stats.rankingHint')}</Typography.Text>
            <Chart option={option} label={`${t('stats.ranking')} · ${metricName(t, metric)}`} onPick={pick} className="stats-chart stats-chart-tall" />
          </div>
          <Table<StatsRanked>
            rowKey="code" size="small" columns={columns} dataSource={items} loading={breakdown.loading}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          />
        </div>
      )}
    </Card>
  );
}
