import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../../test/env.ts';
import { createTestServer, type TestClient, type TestServer } from '../../../../test/harness.ts';
import { buildUser } from '../../seed/factories.ts';

let server: TestServer;
const site = async (regionCode: string, kind: string) =>
  (await server.ctx.db.selectFrom('sites').select('id').where('region_code', '=', regionCode).where('kind', '=', kind).executeTakeFirstOrThrow()).id;

let anshanAdmin: TestClient;
let taianCenter: number;
let dalianCity: number;
let dalianCenter: number;
let qingnanStation: number;

beforeAll(async () => {
  server = await createTestServer();
  taianCenter = await site('210321000000', 'center');
  dalianCity = await site('210200000000', 'city');
  dalianCenter = await site('210202000000', 'center');
  qingnanStation = await site('210321001021', 'station');
  const anshan = await buildUser(server.ctx, { siteId: await site('210300000000', 'city'), role: 'city_admin' });
  anshanAdmin = await server.signIn(anshan.phone, anshan.password);
});
afterAll(() => server?.close());

describe('the network tree', () => {
  it('starts at the sites my grants stand on, with counts below', async () => {
    const response = await anshanAdmin.get('/api/v1/sites/mine');
    expect(response.status).toBe(200);
    expect(response.body.items).toHaveLength(1);
    expect(response.body.items[0]).toMatchObject({ kind: 'city', name: '鞍山市新时代文明实践指导中心', childCount: 7 });
    const counts = response.body.items[0].counts;
    const real = await server.ctx.db.selectFrom('regions').select(['level', (eb) => eb.fn.countAll<number>().as('n')])
      .where('code', 'like', '2103%').where('level', '>', 2).groupBy('level').orderBy('level').execute();
    expect([counts.center, counts.institute, counts.station]).toEqual(real.map((row) => row.n));
    expect(counts.point).toBe(3);
  });

  it('walks down from a county center to its institutes with their station counts', async () => {
    const children = await anshanAdmin.get(`/api/v1/sites/${taianCenter}/children`);
    expect(children.status).toBe(200);
    const bajiaotai = children.body.items.find((item: { regionCode: string }) => item.regionCode === '210321001000');
    const villages = await server.ctx.db.selectFrom('regions').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('parent_code', '=', '210321001000').executeTakeFirstOrThrow();
    expect(bajiaotai).toMatchObject({ kind: 'institute', name: '八角台街道新时代文明实践所' });
    expect(bajiaotai.counts.station).toBe(villages.n);
    expect(bajiaotai.counts.point).toBe(2);
    // The center's own point comes after the institutes.
    expect(children.body.items.at(-1)).toMatchObject({ kind: 'point', name: '台安县文化广场实践点' });
  });

  it('shows a site with its ancestors', async () => {
    const response = await anshanAdmin.get(`/api/v1/sites/${qingnanStation}`);
    expect(response.status).toBe(200);
    expect(response.body.ancestors.map((a: { kind: string; inScope: boolean }) => [a.kind, a.inScope])).toEqual([
      ['province', false], ['city', true], ['center', true], ['institute', true],
    ]);
  });
});

describe('scope by region code', () => {
  it('hides another city’s sites as if they did not exist', async () => {
    for (const id of [dalianCity, dalianCenter]) {
      const detail = await anshanAdmin.get(`/api/v1/sites/${id}`);
      expect(detail.status).toBe(404);
      expect(detail.body.error.code).toBe('NOT_FOUND');
      expect(JSON.stringify(detail.body)).not.toContain('大连');
      expect((await anshanAdmin.get(`/api/v1/sites/${id}/children`)).status).toBe(404);
      expect((await anshanAdmin.patch(`/api/v1/sites/${id}`, { name: '改名' })).status).toBe(404);
    }
    const create = await anshanAdmin.post('/api/v1/sites', { parentId: dalianCenter, name: '越界的点', pointType: 'square' });
    expect(create.status).toBe(404);
    const list = await anshanAdmin.get('/api/v1/sites?kind=center&limit=200');
    expect(list.body.items.map((s: { regionCode: string }) => s.regionCode.slice(0, 4))).toEqual(Array(7).fill('2103'));
  });

  it('forbids the network console to residents and volunteers', async () => {
    const resident = await server.signIn('13800000006', DEMO_PASSWORD);
    const response = await resident.get(`/api/v1/sites/${qingnanStation}`);
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('FORBIDDEN');
    expect((await server.client().get('/api/v1/sites/mine')).status).toBe(401);
  });

  it('lets a station admin see only the station', async () => {
    const station = await server.signIn('13800000003', DEMO_PASSWORD);
    const mine = await station.get('/api/v1/sites/mine');
    expect(mine.body.items.map((s: { id: number }) => s.id)).toEqual([qingnanStation]);
    expect((await station.get(`/api/v1/sites/${taianCenter}`)).status).toBe(404);
  });
});

describe('practice points', () => {
  it('creates, edits and retires a point under a station', async () => {
    const created = await anshanAdmin.post('/api/v1/sites', {
      parentId: qingnanStation, name: '  庆南社区书屋  ', pointType: 'library', address: '庆南社区2号楼', longitude: 122.43, latitude: 41.41,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: 'point', name: '庆南社区书屋', pointType: 'library', regionCode: '210321001021', parentId: qingnanStation });
    const children = await anshanAdmin.get(`/api/v1/sites/${qingnanStation}/children`);
    expect(children.body.items.map((c: { name: string }) => c.name)).toContain('庆南社区书屋');

    const edited = await anshanAdmin.patch(`/api/v1/sites/${created.body.id}`, { contactName: '李老师', description: '周末开放' });
    expect(edited.body).toMatchObject({ contactName: '李老师', description: '周末开放', name: '庆南社区书屋' });

    expect((await anshanAdmin.delete(`/api/v1/sites/${created.body.id}`)).status).toBe(204);
    expect((await anshanAdmin.get(`/api/v1/sites/${created.body.id}`)).status).toBe(404);
    const row = await server.ctx.db.selectFrom('sites').select('deleted_at').where('id', '=', created.body.id).executeTakeFirstOrThrow();
    expect(row.deleted_at).not.toBeNull();
  });

  it('keeps the network’s own sites: they cannot be deleted', async () => {
    const response = await anshanAdmin.delete(`/api/v1/sites/${qingnanStation}`);
    expect(response.status).toBe(403);
    expect((await anshanAdmin.get(`/api/v1/sites/${qingnanStation}`)).status).toBe(200);
  });

  it('validates a point: parent kind, region inside the parent, coordinates in pairs', async () => {
    const underCity = await anshanAdmin.post('/api/v1/sites', { parentId: (await anshanAdmin.get('/api/v1/sites/mine')).body.items[0].id, name: 'x', pointType: 'square' });
    expect(underCity.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'parentId' });
    const outside = await anshanAdmin.post('/api/v1/sites', { parentId: qingnanStation, name: 'x', pointType: 'square', regionCode: '210321001022' });
    expect(outside.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'regionCode' });
    const half = await anshanAdmin.post('/api/v1/sites', { parentId: qingnanStation, name: 'x', pointType: 'square', longitude: 122.4 });
    expect(half.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'latitude' });
    const badType = await anshanAdmin.post('/api/v1/sites', { parentId: qingnanStation, name: 'x', pointType: 'casino' });
    expect(badType.status).toBe(400);
    expect(badType.body.error.field).toBe('pointType');
    const empty = await anshanAdmin.post('/api/v1/sites', { parentId: qingnanStation, name: '', pointType: 'square' });
    expect(empty.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'name', message: 'name 至少 1 个字符' });
  });

  it('pages through a subtree with a cursor, without repeats', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: number }[]; nextCursor: string | null } } =
        await anshanAdmin.get(`/api/v1/sites?under=210321001&limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.body.items.map((item) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    const expected = await server.ctx.db.selectFrom('sites').select('id').where('region_code', 'like', '210321001%').where('deleted_at', 'is', null).orderBy('id').execute();
    expect(seen).toEqual(expected.map((row) => row.id));
    expect((await anshanAdmin.get('/api/v1/sites?cursor=not-a-cursor')).body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'cursor' });
  });
});
