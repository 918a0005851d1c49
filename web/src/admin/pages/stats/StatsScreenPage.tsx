// 大屏: the leadership's hall display of an area — large numbers on a dark screen, the
// regions one level down ranked as bars (click one to go down, the breadcrumb back up),
// the trend of service hours and the mix of organizations; refreshes itself every
// minute and keeps the last figures on screen if the network drops.
import { ArrowLeftOutlined, FullscreenOutlined } from '@ant-design/icons';
import { Alert, Button, Spin } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { beijingToday, toBeijing } from '../../../shared/format';
import { errorMessage } from '../../../shared/errors';
import { useI18n } from '../../../shared/i18n';
import { categoryName } from '../../../shared/labels';
import { usePoll } from '../../../shared/usePoll';
import { RegionBreadcrumb, useLineage, useRegionParam } from './area';
import { Chart } from './Chart';
import { pieOption, trendOption } from './chartOptions';
import { areaQuery, fetchBreakdown, fetchSeries, fetchSummary } from './fetch';
import { Kpi, metricName, summaryFigures } from './figures';
import { fillSeries, formatNumber, presetPeriod } from './statsFormat';
import './stats.css';

const REFRESH_MS = 60_000;
const RETRY_MS = 10_000;
const everyMinute = () => REFRESH_MS;
const RANK_METRIC = 'volunteers';
const TREND_METRIC = 'service_hours';

const clock = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

function Clock() {
  const { t } = useI18n();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <div className="screen-clock" role="timer" aria-label={t('stats.screen.clock')}>
      {clock.format(now)}
      <small>{toBeijing(now).slice(0, 10)} · {t('stats.screen.clock')}</small>
    </div>
  );
}

export function StatsScreenPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [region, setRegion] = useRegionParam();
  // This year up to today; the day is read again at every refresh, so the screen crosses midnight.
  const view = usePoll(useCallback(async () => {
    const query = areaQuery(region, presetPeriod('year', beijingToday()));
    const [summary, ranking, trend] = await Promise.all([
      fetchSummary(query), fetchBreakdown(query, RANK_METRIC), fetchSeries(query, TREND_METRIC, 'month'),
    ]);
    return { query, summary, ranking, trend, at: new Date().toISOString() };
  }, [region]), everyMinute, RETRY_MS);
  const data = view.data;
  const code = region ?? data?.summary.region.code;
  const lineage = useLineage(code);
  const items = useMemo(() => data?.ranking.items ?? [], [data]);
  const top = items[0]?.value ?? 0;
  const open = useCallback((next: string) => setRegion(next), [setRegion]);

  const options = useMemo(() => {
    if (!data) return null;
    const categories = Object.entries(data.summary.organizations.byCategory).filter(([, n]) => n > 0).map(([c, n]) => ({ name: categoryName(t, c), value: n }));
    return {
      trend: trendOption(fillSeries(data.trend.points, data.query, 'month'), metricName(t, TREND_METRIC), lang, true),
      categories: categories.length > 0 ? pieOption(categories, t('stats.categoryMix'), lang, true) : null,
    };
  }, [data, t, lang]);

  return (
    <div className="screen">
      <header className="screen-top">
        <div className="screen-tools">
          <Button ghost icon={<ArrowLeftOutlined />} onClick={() => void navigate(`/stats${code ? `?region=${code}` : ''}`)}>{t('stats.screen.exit')}</Button>
          <Button ghost icon={<FullscreenOutlined />} onClick={() => void document.documentElement.requestFullscreen?.().catch(() => undefined)}>
            {t('stats.screen.fullscreen')}
          </Button>
        </div>
        <h1 className="screen-title">{t('stats.screen.title', { region: data?.summary.region.name ?? lineage.data?.name ?? '' })}</h1>
        <Clock />
      </header>
      <div className="screen-crumbs"><RegionBreadcrumb region={lineage.data} onOpen={open} /></div>
      {view.error !== undefined && (
        <Alert type={data ? 'warning' : 'error'} showIcon title={data ? t('stats.screen.retrying') : errorMessage(view.error, t)} />
      )}
      {!data && view.error === undefined && <Spin size="large" description={t('stats.loading')}><div className="stats-placeholder" /></Spin>}
      {data && options && (
        <>
          <section className="screen-kpis" aria-label={data.summary.region.name}>
            {summaryFigures(data.summary, t, lang).map((figure) => <Kpi key={figure.key} figure={figure} className="screen-kpi" />)}
          </section>
          <div className="screen-main">
            <section className="screen-panel" aria-label={t('stats.screen.ranking', { metric: metricName(t, RANK_METRIC) })}>
              <h2>{t('stats.screen.ranking', { metric: metricName(t, RANK_METRIC) })}</h2>
              {items.length === 0 ? <div className="screen-empty">{t('stats.noChildren')}</div> : (
                <ul className="screen-list">
                  {items.map((item) => (
                    <li key={item.code}>
                      <button type="button" onClick={() => open(item.code)}>
                        <span className="screen-rank">{item.rank}</span>
                        <span className="screen-name">{item.name}</span>
                        <span className="screen-value">{formatNumber(item.value, lang)}</span>
                        <span className="screen-bar" aria-hidden="true"><span style={{ width: `${top > 0 ? (item.value / top) * 100 : 0}%` }} /></span>
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section className="screen-panel" aria-label={t('stats.screen.trend', { metric: metricName(t, TREND_METRIC) })}>
              <h2>{t('stats.screen.trend', { metric: metricName(t, TREND_METRIC) })}</h2>
              <Chart dark option={options.trend} label={t('stats.screen.trend', { metric: metricName(t, TREND_METRIC) })} className="screen-chart" />
            </section>
            <section className="screen-panel" aria-label={t('stats.categoryMix')}>
              <h2>{t('stats.categoryMix')}</h2>
              {options.categories
                ? <Chart dark option={options.categories} label={t('stats.categoryMix')} className="screen-chart" />
                : <div className="screen-empty">{t('stats.noData')}</div>}
            </section>
          </div>
          <footer className="screen-foot">
            <span>{t('stats.screen.updated', { time: toBeijing(data.at).slice(11) })}</span>
            <span>{t('stats.lag')}</span>
          </footer>
        </>
      )}
    </div>
  );
}
