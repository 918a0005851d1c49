// 月报: one A4 page of a month's figures for an area (?region=…&month=YYYY-MM) — the
// headline figures and a table of the regions one level down — to print and file.
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Spin } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import type { StatsMetric } from '../../../api/statsTypes';
import { errorMessage } from '../../../shared/errors';
import { beijingToday, toBeijing } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../../../shared/useLoad';
import { useSearchParam } from '../../useSearchParam';
import { useRegionParam } from './area';
import { areaQuery, fetchBreakdown, fetchSummary } from './fetch';
import { metricName, summaryFigures } from './figures';
import { formatExact, formatMonth, isMonth, monthPeriod } from './statsFormat';
import './stats.css';

/** The columns of the child-region table. */
const COLUMNS: readonly StatsMetric[] = ['volunteers', 'organizations', 'activities', 'service_hours', 'people_served', 'wishes_fulfilled', 'orders_delivered', 'trained'];

export function StatsReportPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [region] = useRegionParam();
  const [monthParam, setMonth] = useSearchParam('month');
  const month = isMonth(monthParam) ? monthParam : beijingToday().slice(0, 7);
  const query = useMemo(() => areaQuery(region, monthPeriod(month)), [region, month]);
  const report = useLoad(useCallback(async () => {
    const [summary, ...columns] = await Promise.all([fetchSummary(query), ...COLUMNS.map((metric) => fetchBreakdown(query, metric))]);
    const rows = (columns[0]?.items ?? []).map((child) => ({
      code: child.code,
      name: child.name,
      values: columns.map((column) => column.items.find((item) => item.code === child.code)?.value ?? 0),
    })).sort((a, b) => a.code.localeCompare(b.code));
    return { summary, rows, madeAt: new Date().toISOString() };
  }, [query]));
  const data = report.data;
  const figures = data ? summaryFigures(data.summary, t, lang) : [];
  const half = Math.ceil(figures.length / 2);
  const code = region ?? data?.summary.region.code;

  return (
    <div className="report">
      <div className="report-tools">
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(`/stats${code ? `?region=${code}` : ''}`)}>{t('stats.report.back')}</Button>
        <DatePicker
          picker="month" allowClear={false} aria-label={t('stats.report.month')} value={dayjs(`${month}-01`)}
          disabledDate={(day) => day.format('YYYY-MM') > beijingToday().slice(0, 7)}
          onChange={(day) => day && setMonth(day.format('YYYY-MM'))}
        />
        <Button type="primary" icon={<PrinterOutlined />} disabled={!data} onClick={() => window.print()}>{t('stats.report.print')}</Button>
      </div>
      {report.error !== undefined && (
        <Alert className="report-tools" type="error" showIcon title={errorMessage(report.error, t)} action={<Button onClick={report.reload}>{t('common.retry')}</Button>} />
      )}
      <article className="report-page" aria-busy={report.loading}>
        {!data ? (report.error === undefined && <Spin description={t('stats.loading')}><div className="stats-placeholder" /></Spin>) : (
          <>
            <h1>{t('stats.report.title', { region: data.summary.region.name })}</h1>
            <div className="report-meta">
              {formatMonth(month, lang)} · {t('stats.report.generated', { time: toBeijing(data.madeAt) })}
            </div>
            <h2>{t('stats.report.headline')}</h2>
            <div className="report-figures">
              {[figures.slice(0, half), figures.slice(half)].map((part, i) => (
                <table key={i} className="report-table" aria-label={t('stats.report.headline')}>
                  <thead><tr><th>{t('stats.report.figure')}</th><th>{t('stats.report.value')}</th></tr></thead>
                  <tbody>
                    {part.map((figure) => (
                      <tr key={figure.key}>
                        <th scope="row">{figure.label}{figure.hint && <span className="report-hint">{figure.hint}</span>}</th>
                        <td className="num">{figure.value}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ))}
            </div>
            {data.rows.length > 0 && (
              <>
                <h2>{t('stats.report.children')}</h2>
                <table className="report-table" aria-label={t('stats.report.children')}>
                  <thead>
                    <tr>
                      <th>{t('stats.col.region')}</th>
                      {COLUMNS.map((metric) => <th key={metric}>{metricName(t, metric)}</th>)}
                    </tr>
                  </thead>
                  <tbody>
                    {data.rows.map((row) => (
                      <tr key={row.code}>
                        <th scope="row">{row.name}</th>
                        {row.values.map((value, i) => <td key={COLUMNS[i]} className="num">{formatExact(value, lang)}</td>)}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
            <p className="report-note">{t('stats.report.note')}</p>
          </>
        )}
      </article>
    </div>
  );
}
