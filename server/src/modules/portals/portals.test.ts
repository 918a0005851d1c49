import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../../test/harness.ts';
import { foldStatsEvents } from '../stats/service.ts';

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(() => server?.close());

describe('portals', () => {
  it('show a center’s numbers, teams and activities to anyone, with counts that match the rows', async () => {
    const center = await server.ctx.db.selectFrom('sites').select('id').where('region_code', '=', '210321000000').where('kind', '=', 'center').executeTakeFirstOrThrow();
    await foldStatsEvents(server.ctx); // the numbers are the statistics' counters, which the server folds every few seconds
    const response = await server.client().get(`/api/v1/portals/${center.id}`);
    expect(response.status).toBe(200);
    expect(response.body.site).toMatchObject({ name: '台安县新时代文明实践中心', kind: 'center' });
    const volunteers = await server.ctx.db.selectFrom('volunteers').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('region_code', 'like', '210321%').where('status', '=', 'active').executeTakeFirstOrThrow();
    const minutes = await server.ctx.db.selectFrom('service_hours').select((eb) => eb.fn.sum<number>('minutes').as('m'))
      .where('region_code', 'like', '210321%').executeTakeFirstOrThrow();
    expect(response.body.numbers.volunteers).toBe(volunteers.n);
    expect(response.body.numbers.serviceHours).toBe(Math.round(Number(minutes.m) / 6) / 10);
    expect(response.body.numbers.serviceHours).toBeGreaterThan(0);
    expect(response.body.teams.map((t: { name: string }) => t.name)).toContain('庆南社区邻里守望志愿服务队');
    expect(response.body.activities.map((a: { title: string }) => a.title)).toContain('周末走访空巢老人');
    expect(response.body.shareUrl).toBe(`/p/${center.id}`);
    const short = await server.client().get(`/p/${center.id}`);
    expect(short.status).toBe(302);
    expect(short.headers.location).toBe(`/m/portal/${center.id}`);
  });

  it('exist only for centers, institutes and stations', async () => {
    const city = await server.ctx.db.selectFrom('sites').select('id').where('kind', '=', 'city').executeTakeFirstOrThrow();
    expect((await server.client().get(`/api/v1/portals/${city.id}`)).status).toBe(404);
  });
});
