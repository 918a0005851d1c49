// 导出: the numbers of one view as a workbook a county office can file or forward —
// the headline figures, then every child region with the main metrics side by side.
import ExcelJS from 'exceljs';
import type { AppContext } from '../../context.ts';
import type { Actor } from '../../lib/scope.ts';
import { breakdown, summary, type ChartMetric, type StatsQuery } from './service.ts';

const columns: [ChartMetric, string][] = [
  ['volunteers', '注册志愿者'], ['organizations', '志愿服务组织'], ['projects', '服务项目'], ['activities', '开展活动'],
  ['service_hours', '服务时长（小时）'], ['wishes_collected', '征集心愿'], ['wishes_fulfilled', '实现心愿'],
  ['orders_delivered', '完成订单'], ['trained', '参训人次'], ['callup_responders', '应急响应人数'],
];

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

export async function statsWorkbook(ctx: AppContext, actor: Actor, options: StatsQuery) {
  const s = await summary(ctx, actor, options);
  const book = new ExcelJS.Workbook();
  const head = book.addWorksheet('概况');
  head.columns = [{ width: 28 }, { width: 18 }];
  const rows: [string, string | number][] = [
    ['地区', s.region.name], ['统计期间', `${s.period.from} 至 ${s.period.to}（不含）`],
    ['志愿服务组织', s.organizations.total], ['注册志愿者', s.volunteers.registered], ['活跃志愿者（近 12 个月有服务）', s.volunteers.active],
    ['活跃率', percent(s.volunteers.activityRate)], ['注册但从未服务', s.volunteers.neverServed], ['服务项目', s.projects.total],
    ['开展活动', s.activities.held], ['服务群众人次', s.activities.peopleServed], ['服务时长（小时）', s.service.hours],
    ['征集心愿', s.wishes.collected], ['实现心愿', s.wishes.fulfilled], ['完成订单', s.orders.delivered],
    ['按时完成率', percent(s.orders.onTimeRate)], ['群众满意度（5 分制）', s.orders.satisfaction ?? '—'],
    ['培训场次', s.training.sessions], ['参训人次', s.training.trained], ['帮扶对象', s.care.recipients],
    ['按计划走访覆盖率', percent(s.care.coverageRate)], ['应急响应人数', s.callups.responders],
  ];
  for (const row of rows) head.addRow(row);
  head.getColumn(1).font = { bold: true };

  const children = book.addWorksheet('下级地区', { views: [{ state: 'frozen', ySplit: 1 }] });
  const broken = await Promise.all(columns.map(([metric]) => breakdown(ctx, actor, { ...options, metric })));
  children.columns = [{ header: '地区', width: 24 }, { header: '区划代码', width: 16 }, ...columns.map(([, title]) => ({ header: title, width: 14 }))];
  children.getRow(1).font = { bold: true };
  const byCode = broken.map((b) => new Map(b.items.map((item) => [item.code, item.value])));
  for (const child of [...(broken[0]?.items ?? [])].sort((a, b) => a.code.localeCompare(b.code))) {
    children.addRow([child.name, child.code, ...byCode.map((values) => values.get(child.code) ?? 0)]);
  }
  return { filename: `统计-${s.region.name}-${s.period.from}.xlsx`, buffer: Buffer.from(await book.xlsx.writeBuffer()) };
}
