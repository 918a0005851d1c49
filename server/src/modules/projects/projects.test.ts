// Brands (品牌) as managed data: added, renamed, retired and brought back by city and
// province staff; a retired brand is offered for no new project but stays on its own.
// (The project workflow itself is tested in activities/activities.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PHONE, DEMO_PASSWORD } from '../../../../test/env.ts';
import { createTestServer, type TestClient, type TestServer } from '../../../../test/harness.ts';
import { actorFor, buildOrganization, buildUser } from '../../seed/factories.ts';

let server: TestServer;
let centerAdmin: TestClient;
let province: TestClient;
let station: number;

const siteOf = async (regionCode: string, kind: string) =>
  (await server.ctx.db.selectFrom('sites').select('id').where('region_code', '=', regionCode).where('kind', '=', kind).executeTakeFirstOrThrow()).id;

/** A signed-in admin of a city site. */
async function cityAdmin(regionCode: string) {
  const account = await buildUser(server.ctx, { siteId: await siteOf(regionCode, 'city'), role: 'city_admin' });
  return server.signIn(account.phone, account.password);
}

beforeAll(async () => {
  server = await createTestServer();
  station = await siteOf('210321001021', 'station');
  centerAdmin = await server.signIn('13800000001', DEMO_PASSWORD);
  province = await server.signIn(ADMIN_PHONE);
});
afterAll(() => server?.close());

type BrandItem = { id: number; name: string; retiredAt: string | null; manageable: boolean };
const names = (response: { body: { items: BrandItem[] } }) => response.body.items.map((brand) => brand.name);

describe('brands', () => {
  it('are added and renamed by city and province staff, each within their area', async () => {
    const anshan = await cityAdmin('210300000000');
    const shenyang = await cityAdmin('210100000000');
    expect((await centerAdmin.post('/api/v1/brands', { name: '枫乡' })).status).toBe(403);

    const made = await anshan.post('/api/v1/brands', { name: ' 枫乡 ', description: '鞍山市志愿服务品牌' });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ name: '枫乡', description: '鞍山市志愿服务品牌', retiredAt: null, manageable: true });
    expect((await shenyang.post('/api/v1/brands', { name: '枫乡' })).body.error).toMatchObject({ code: 'CONFLICT', field: 'name' });

    // Another city's staff may not touch it; the province may.
    expect((await shenyang.patch(`/api/v1/brands/${made.body.id}`, { name: '枫乡行动' })).status).toBe(403);
    expect((await centerAdmin.patch(`/api/v1/brands/${made.body.id}`, { name: '枫乡行动' })).status).toBe(403);
    const renamed = await province.patch(`/api/v1/brands/${made.body.id}`, { name: '枫乡行动' });
    expect(renamed.body).toMatchObject({ id: made.body.id, name: '枫乡行动', description: '鞍山市志愿服务品牌' });
    // A brand of the province is the province's to rename, and names stay unique.
    const seeded = (await centerAdmin.get('/api/v1/brands')).body.items.find((brand: BrandItem) => brand.name === '邻里守望');
    expect(seeded.manageable).toBe(false);
    expect((await anshan.patch(`/api/v1/brands/${seeded.id}`, { description: '改' })).status).toBe(403);
    expect((await anshan.patch(`/api/v1/brands/${made.body.id}`, { name: '邻里守望' })).body.error).toMatchObject({ code: 'CONFLICT', field: 'name' });
    expect((await anshan.patch(`/api/v1/brands/${made.body.id}`, { name: '   ' })).status).toBe(400);
  });

  it('once retired, are offered for no new project, stay on their projects, and can come back', async () => {
    const anshan = await cityAdmin('210300000000');
    const brand = (await anshan.post('/api/v1/brands', { name: '娜仁花' })).body;
    const team = await buildOrganization(server.ctx, await actorFor(server.ctx, (await centerAdmin.get('/api/v1/auth/me')).body.user.id), { siteId: station, name: '品牌测试队' });
    const project = (fields: object) => centerAdmin.post('/api/v1/projects', {
      name: '娜仁花助老', category: 'assistance', organizationId: team.id, startsOn: '2026-03-01', endsOn: '2026-12-31', ...fields,
    });
    const filed = await project({ brandId: brand.id });
    expect(filed.body.brand).toEqual({ id: brand.id, name: '娜仁花' });

    const retired = await anshan.patch(`/api/v1/brands/${brand.id}`, { retired: true });
    expect(retired.body.retiredAt).toEqual(expect.any(String));
    expect(names(await centerAdmin.get('/api/v1/brands'))).not.toContain('娜仁花');
    const all = await centerAdmin.get('/api/v1/brands?includeRetired=true');
    expect(all.body.items.find((item: BrandItem) => item.id === brand.id)).toMatchObject({ retiredAt: retired.body.retiredAt, manageable: false });
    expect(all.body.items.at(-1).retiredAt).not.toBeNull();

    expect((await project({ brandId: brand.id })).body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'brandId' });
    // The project filed under it keeps it, and can still be edited with it.
    const edited = await centerAdmin.patch(`/api/v1/projects/${filed.body.id}`, { brandId: brand.id, targetGroup: '空巢老人' });
    expect(edited.body).toMatchObject({ brand: { id: brand.id, name: '娜仁花' }, targetGroup: '空巢老人' });
    const other = (await centerAdmin.get('/api/v1/brands')).body.items[0] as BrandItem;
    expect((await centerAdmin.patch(`/api/v1/projects/${filed.body.id}`, { brandId: other.id })).body.brand.id).toBe(other.id);
    expect((await centerAdmin.patch(`/api/v1/projects/${filed.body.id}`, { brandId: brand.id })).body.error).toMatchObject({ field: 'brandId' });

    const back = await anshan.patch(`/api/v1/brands/${brand.id}`, { retired: false });
    expect(back.body.retiredAt).toBeNull();
    expect(names(await centerAdmin.get('/api/v1/brands'))).toContain('娜仁花');
    expect((await project({ brandId: brand.id })).status).toBe(201);
  });
});
