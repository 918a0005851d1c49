// Statistics: the counters agree with a recount of the base tables after any sequence of
// writes, a rebuild gives the same counters as the incremental path, and every figure
// stays inside the asker's area.
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../../test/env.ts';
import { createTestServer, type TestClient, type TestServer } from '../../../../test/harness.ts';
import { chinaToday } from '../../lib/id-number.ts';
import { activeSince } from '../volunteers/service.ts';
import { foldStatsEvents, rebuildStats, verifyStats } from './service.ts';

const COUNTY = '210321000000';
const STATION_REGION = '210321001021';
let server: TestServer;
let province: TestClient;
let station: TestClient;

beforeAll(async () => {
  server = await createTestServer();
  province = await server.signIn('13800000000', DEMO_PASSWORD);
  station = await server.signIn('13800000003', DEMO_PASSWORD);
});
afterAll(() => server?.close());

const counters = async () => (await sql<{ prefix: string; metric: string; key: string; day: string; value: string }>`
  SELECT prefix, metric, key, day::text, value::text FROM stats_counters ORDER BY 1, 2, 3, 4`.execute(server.ctx.db)).rows;

/** A write of the kind the workflows make, to rows picked by `pick` (0–1): statuses, dates, sizes, deletions, many rows at once. */
type Write = { table: 'volunteers' | 'organizations' | 'wishes' | 'orders' | 'service_hours' | 'projects'; pick: number; value: number };

async function apply({ table, pick, value }: Write) {
  const db = server.ctx.db;
  const ids = (await sql<{ id: number }>`SELECT id FROM ${sql.table(table)} ORDER BY id`.execute(db)).rows.map((r) => r.id);
  if (ids.length === 0) return;
  const one = ids[Math.floor(pick * ids.length)]!;
  const some = [one, ...ids.filter((_, i) => (i * 7 + Math.floor(pick * 100)) % 3 === 0)]; // a many-row statement
  const day = new Date(Date.UTC(2025, 0, 1) + value * 86_400_000 * 3).toISOString().slice(0, 10);
  switch (table) {
    case 'volunteers':
      await db.updateTable('volunteers').set({ status: (['active', 'suspended', 'active', 'pending'] as const)[value % 4]! }).where('id', '=', one).execute();
      await db.updateTable('volunteers').set({ last_served_on: value % 5 === 0 ? null : day }).where('id', 'in', some).execute();
      return;
    case 'organizations':
      await db.updateTable('organizations').set({ member_count: value * 3 }).where('id', 'in', some).execute();
      await db.updateTable('organizations').set({ status: value % 2 ? 'approved' : 'dissolved' }).where('id', '=', one).execute();
      return;
    case 'wishes':
      await db.updateTable('wishes').set({ fulfilled_at: sql`now() - make_interval(days => ${value})` }).where('id', 'in', some).where('fulfilled_at', 'is not', null).execute();
      return;
    case 'orders':
      await db.updateTable('orders').set({ rating: 1 + (value % 5), rated_at: sql`now()` }).where('id', '=', one).where('status', '=', 'rated').execute();
      await db.updateTable('orders').set({ delivered_on_time: value % 2 === 0 }).where('id', 'in', some).execute();
      return;
    case 'service_hours': // append-only: reverse the entries not yet reversed, many at once
      await sql`INSERT INTO service_hours (volunteer_id, source, source_id, attempt, site_id, region_code, started_at, ended_at, minutes, kind, reverses_id, reason)
        SELECT volunteer_id, source, source_id, attempt, site_id, region_code, started_at, ended_at, -minutes, 'reversal', id, '测试冲正'
        FROM service_hours h WHERE kind = 'service' AND id IN (${sql.join(some)})
          AND NOT EXISTS (SELECT 1 FROM service_hours r WHERE r.reverses_id = h.id)`.execute(db);
      return;
    case 'projects':
      await db.updateTable('projects').set({ status: (['approved', 'running', 'closed'] as const)[value % 3]! }).where('id', 'in', some).execute();
  }
}

describe('statistics counters', () => {
  it('agree with a recount of the base tables after the demo county is seeded', async () => {
    expect(await verifyStats(server.ctx)).toEqual([]);
    const [row] = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM stats_counters WHERE prefix = '210321' AND metric = 'volunteers'`.execute(server.ctx.db)).rows;
    expect(row!.n).toBeGreaterThan(0); // the check compared something
  });

  it('agree with a recount after any sequence of writes, including many-row updates and reversals', async () => {
    const write = fc.record({
      table: fc.constantFrom('volunteers', 'organizations', 'wishes', 'orders', 'service_hours', 'projects'),
      pick: fc.double({ min: 0, max: 0.999, noNaN: true }),
      value: fc.integer({ min: 0, max: 200 }),
    }) as fc.Arbitrary<Write>;
    await fc.assert(fc.asyncProperty(fc.array(write, { minLength: 1, maxLength: 6 }), async (writes) => {
      for (const w of writes) await apply(w);
      expect(await verifyStats(server.ctx)).toEqual([]);
    }), { numRuns: 12, seed: 20261129 });
  });

  it('rebuilds from scratch to exactly the counters kept incrementally', async () => {
    await foldStatsEvents(server.ctx);
    const incremental = await counters();
    await sql`UPDATE stats_counters SET value = value + 1 WHERE metric = 'volunteers'`.execute(server.ctx.db); // damage them
    expect((await verifyStats(server.ctx)).length).toBeGreaterThan(0);
    await rebuildStats(server.ctx);
    expect(await counters()).toEqual(incremental);
    expect(await verifyStats(server.ctx)).toEqual([]);
  });
});

describe('statistics API', () => {
  it('reports the county from the counters, equal to counting its rows', async () => {
    await foldStatsEvents(server.ctx);
    const res = await province.get(`/api/v1/stats/summary?region=${COUNTY}&from=2000-01-01`);
    expect(res.status).toBe(200);
    const count = async (query: ReturnType<typeof sql<{ n: number }>>) => Number((await query.execute(server.ctx.db)).rows[0]!.n);
    const like = '210321%';
    expect(res.body.region).toMatchObject({ code: COUNTY, name: '台安县' });
    expect(res.body.volunteers.registered).toBe(await count(sql`SELECT count(*) AS n FROM volunteers WHERE status = 'active' AND region_code LIKE ${like}`));
    expect(res.body.volunteers.active).toBe(await count(sql`SELECT count(*) AS n FROM volunteers WHERE status = 'active' AND region_code LIKE ${like} AND last_served_on >= ${activeSince(chinaToday())}`));
    expect(res.body.volunteers.neverServed).toBe(await count(sql`SELECT count(*) AS n FROM volunteers WHERE status = 'active' AND region_code LIKE ${like} AND last_served_on IS NULL`));
    expect(res.body.organizations.total).toBe(await count(sql`SELECT count(*) AS n FROM organizations WHERE status = 'approved' AND region_code LIKE ${like}`));
    const minutes = await count(sql`SELECT coalesce(sum(minutes), 0) AS n FROM service_hours WHERE region_code LIKE ${like} AND started_at >= '2000-01-01'`);
    expect(res.body.service.hours).toBe(Math.round(minutes / 6) / 10);
    expect(res.body.wishes.collected).toBe(await count(sql`SELECT count(*) AS n FROM wishes WHERE region_code LIKE ${like} AND status IN ('published', 'claimed', 'fulfilled', 'confirmed')`));
    expect(Object.values(res.body.orders.byStatus as Record<string, number>).reduce((a, b) => a + b, 0))
      .toBe(await count(sql`SELECT count(*) AS n FROM orders WHERE region_code LIKE ${like}`));
    expect(res.body.volunteers.registered).toBeGreaterThan(0);
  });

  it('breaks a figure down by child region, ranked, summing to the parent', async () => {
    const city = await province.get('/api/v1/stats/breakdown?region=210300000000&metric=volunteers');
    expect(city.status).toBe(200);
    const parent = await province.get('/api/v1/stats/summary?region=210300000000');
    const items = city.body.items as { code: string; value: number; rank: number }[];
    expect(items.map((i) => i.rank)).toEqual(items.map((_, i) => i + 1));
    expect(items.reduce((a, i) => a + i.value, 0)).toBe(parent.body.volunteers.registered);
    expect(items[0]).toMatchObject({ code: COUNTY });
    expect(items.map((i) => i.value)).toEqual([...items.map((i) => i.value)].sort((a, b) => b - a));
  });

  it('gives a series whose months add up to the period total', async () => {
    const from = '2000-01-01';
    const series = await province.get(`/api/v1/stats/series?region=${COUNTY}&metric=service_hours&by=month&from=${from}`);
    const total = await province.get(`/api/v1/stats/summary?region=${COUNTY}&from=${from}`);
    expect(series.status).toBe(200);
    const sum = (series.body.points as { at: string; value: number }[]).reduce((a, p) => a + p.value, 0);
    expect(sum).toBeCloseTo(total.body.service.hours, 0);
    const stock = await province.get(`/api/v1/stats/series?region=${COUNTY}&metric=volunteers`);
    expect(stock.status).toBe(400);
    expect(stock.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'metric' });
  });

  it('counts villages by whole months: a period inside a month widens to it, and still equals the recount', async () => {
    const day = chinaToday();
    const res = await station.get(`/api/v1/stats/summary?from=${day.slice(0, 7)}-15&to=${day.slice(0, 7)}-16`);
    const from = `${day.slice(0, 7)}-01`;
    expect(res.body.period.from).toBe(from);
    expect(res.body.period.to > day).toBe(true);
    const { rows: [row] } = await sql<{ n: number }>`SELECT coalesce(sum(minutes), 0)::int AS n FROM service_hours
      WHERE region_code = ${STATION_REGION} AND china_day(started_at) >= ${from}::date AND china_day(started_at) < ${res.body.period.to}::date`.execute(server.ctx.db);
    expect(res.body.service.hours).toBe(Math.round(row!.n / 6) / 10);
    const series = await station.get('/api/v1/stats/series?metric=service_hours&by=day');
    expect(series.body.by).toBe('month');
  });

  it('keeps every figure inside the asker’s area', async () => {
    const own = await station.get('/api/v1/stats/summary');
    expect(own.status).toBe(200);
    expect(own.body.region.code).toBe(STATION_REGION);
    for (const path of ['summary?', 'breakdown?metric=volunteers&', 'series?metric=activities&', 'export.xlsx?']) {
      const outside = await station.get(`/api/v1/stats/${path}region=${COUNTY}`);
      expect(outside.status, path).toBe(404);
    }
    const volunteer = await server.signIn('13800000005', DEMO_PASSWORD);
    expect((await volunteer.get('/api/v1/stats/summary')).status).toBe(403);
    const bad = await province.get('/api/v1/stats/summary?region=2103&from=2026-02-30');
    expect(bad.status).toBe(400);
  });

  it('exports the view as a workbook with the headline figures and each child region', async () => {
    const res = await province.get(`/api/v1/stats/export.xlsx?region=${COUNTY}`);
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.raw as unknown as ArrayBuffer);
    expect(book.getWorksheet('概况')!.getRow(1).values).toContain('台安县');
    const children = book.getWorksheet('下级地区')!;
    expect(children.rowCount).toBeGreaterThan(5); // 台安县's townships
    expect(children.getRow(1).values).toContain('注册志愿者');
  });
});
