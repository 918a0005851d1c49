import type { AppContext } from '../../context.ts';
import type { App } from '../../http/app-types.ts';
import { errorResponses } from '../../http/schemas.ts';
import { sendXlsx, XlsxFile } from '../../http/xlsx.ts';
import { requireActor } from '../auth/service.ts';
import { statsWorkbook } from './export.ts';
import { Breakdown, BreakdownQuery, Series, SeriesQuery, Summary, SummaryQuery } from './schemas.ts';
import * as stats from './service.ts';

const tags = ['statistics'];
const lag = `Read from counters that follow the writes within about ${stats.FOLD_SECONDS} s.`;

export function statsRoutes(app: App, ctx: AppContext) {
  app.get('/stats/summary', {
    config: { access: 'staff' },
    schema: { tags, summary: 'Every headline figure of a subtree for a period', description: lag, querystring: SummaryQuery, response: { 200: Summary, ...errorResponses } },
  }, async (request) => stats.summary(ctx, requireActor(request), request.query));

  app.get('/stats/breakdown', {
    config: { access: 'staff' },
    schema: { tags, summary: 'One figure for each child region, ranked', description: lag, querystring: BreakdownQuery, response: { 200: Breakdown, ...errorResponses } },
  }, async (request) => stats.breakdown(ctx, requireActor(request), request.query));

  app.get('/stats/series', {
    config: { access: 'staff' },
    schema: { tags, summary: 'One figure over time, by day or month', description: lag, querystring: SeriesQuery, response: { 200: Series, ...errorResponses } },
  }, async (request) => stats.series(ctx, requireActor(request), request.query));

  app.get('/stats/export.xlsx', {
    config: { access: 'staff' },
    schema: { tags, summary: 'The figures of a subtree and of each child region as a workbook', querystring: SummaryQuery, response: { 200: XlsxFile, ...errorResponses } },
  }, async (request, reply) => {
    const file = await statsWorkbook(ctx, requireActor(request), request.query);
    return sendXlsx(reply, file.filename, file.buffer);
  });
}
