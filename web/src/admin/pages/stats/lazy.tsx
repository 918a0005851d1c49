// The statistics pages load on first visit (React.lazy), so the rest of the console never
// downloads ECharts. ConsoleRoutes mounts these.
import { Spin } from 'antd';
import { lazy, Suspense, type ComponentType } from 'react';

function later(load: () => Promise<ComponentType>) {
  const Page = lazy(async () => ({ default: await load() }));
  return function LazyPage() {
    return (
      <Suspense fallback={<Spin size="large" fullscreen />}>
        <Page />
      </Suspense>
    );
  };
}

export const LazyStatsPage = later(async () => (await import('./StatsPage')).StatsPage);
export const LazyStatsScreenPage = later(async () => (await import('./StatsScreenPage')).StatsScreenPage);
export const LazyStatsReportPage = later(async () => (await import('./StatsReportPage')).StatsReportPage);
