import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../../test/env.ts';
import { createTestServer, type TestClient, type TestServer } from '../../../../test/harness.ts';
import { nextPhone } from '../../seed/factories.ts';

let server: TestServer;
let county: TestClient; // 台安县 center admin (demo)
const site = async (regionCode: string, kind: string) =>
  (await server.ctx.db.selectFrom('sites').select('id').where('region_code', '=', regionCode).where('kind', '=', kind).executeTakeFirstOrThrow()).id;

beforeAll(async () => {
  server = await createTestServer();
  county = await server.signIn('13800000001', DEMO_PASSWORD);
});
afterAll(() => server?.close());

describe('staff accounts', () => {
  it('a county admin cannot create a city admin', async () => {
    const anshan = await site('210300000000', 'city');
    const response = await county.post('/api/v1/staff', { name: '越级', phone: nextPhone(), role: 'city_admin', siteId: anshan });
    expect(response.status).toBe(403);
    expect(response.body.error).toMatchObject({ code: 'ROLE_TOO_HIGH', field: 'role' });
    const sameRank = await county.post('/api/v1/staff', { name: '平级', phone: nextPhone(), role: 'center_admin', siteId: await site('210321000000', 'center') });
    expect(sameRank.body.error.code).toBe('ROLE_TOO_HIGH');
  });

  it('a county admin cannot grant on another county’s site', async () => {
    const neighbour = await site('210323001000', 'institute');
    const response = await county.post('/api/v1/staff', { name: '邻县', phone: nextPhone(), role: 'institute_admin', siteId: neighbour });
    expect(response.status).toBe(404);
    expect(response.body.error.field).toBe('siteId');
  });

  it('creates a station admin below itself, who can sign in with the one-time password', async () => {
    const station = await site('210321001022', 'station');
    const phone = nextPhone();
    const response = await county.post('/api/v1/staff', { name: '孙站长', phone, role: 'station_admin', siteId: station });
    expect(response.status).toBe(201);
    expect(response.body.created).toBe(true);
    expect(response.body.staff).toMatchObject({ name: '孙站长', phoneMasked: `${phone.slice(0, 3)}****${phone.slice(7)}` });
    expect(response.body.staff.grants).toEqual([expect.objectContaining({ role: 'station_admin', site: expect.objectContaining({ id: station }) })]);
    const newcomer = await server.signIn(phone, response.body.initialPassword);
    const me = await newcomer.get('/api/v1/auth/me');
    expect(me.body.user.mustChangePassword).toBe(true);
    expect((await newcomer.get('/api/v1/sites/mine')).body.items.map((s: { id: number }) => s.id)).toEqual([station]);
  });

  it('refuses a role on a site of the wrong level', async () => {
    const response = await county.post('/api/v1/staff', { name: '错位', phone: nextPhone(), role: 'station_admin', siteId: await site('210321001000', 'institute') });
    expect(response.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'siteId' });
  });

  it('adds the role to an existing account instead of a second account', async () => {
    const station = await site('210321001023', 'station');
    // 13800000005 is the demo volunteer.
    const response = await county.post('/api/v1/staff', { name: '陈志愿', phone: '13800000005', role: 'team_leader', siteId: station });
    expect(response.status).toBe(201);
    expect(response.body.created).toBe(false);
    expect(response.body.initialPassword).toBeNull();
    const again = await county.post('/api/v1/staff', { name: '陈志愿', phone: '13800000005', role: 'team_leader', siteId: station });
    expect(again.status).toBe(409);
  });

  it('lists only staff of its own subtree', async () => {
    const list = await county.get('/api/v1/staff?limit=200');
    expect(list.status).toBe(200);
    const regions = list.body.items.flatMap((s: { grants: { site: { regionCode: string } }[] }) => s.grants.map((g) => g.site.regionCode));
    expect(regions.length).toBeGreaterThan(0);
    expect(regions.every((code: string) => code.startsWith('210321'))).toBe(true);
    const names = list.body.items.map((s: { name: string }) => s.name);
    expect(names).toContain('赵站长');
    expect(names).not.toContain('省级管理员');
    const bySuffix = await county.get('/api/v1/staff?phoneSuffix=0003');
    expect(bySuffix.body.items.map((s: { name: string }) => s.name)).toEqual(['赵站长']);
  });

  it('resets a subordinate’s password and ends their sessions, but not a superior’s', async () => {
    const station = await server.signIn('13800000003', DEMO_PASSWORD);
    const stationAdmin = (await station.get('/api/v1/auth/me')).body.user.id;
    const reset = await county.post(`/api/v1/staff/${stationAdmin}/reset-password`);
    expect(reset.status).toBe(200);
    expect((await station.get('/api/v1/auth/me')).status).toBe(401);
    await server.signIn('13800000003', reset.body.temporaryPassword);

    const provinceAdmin = (await (await server.admin()).get('/api/v1/auth/me')).body.user.id;
    expect((await county.post(`/api/v1/staff/${provinceAdmin}/reset-password`)).status).toBe(404);
    const instituteAdmin = await server.signIn('13800000002', DEMO_PASSWORD);
    const countyAdminId = (await county.get('/api/v1/auth/me')).body.user.id;
    expect((await instituteAdmin.post(`/api/v1/staff/${countyAdminId}/reset-password`)).status).toBe(404);
    // A peer on the same level is visible but not outranked.
    const peer = await (await server.admin()).post('/api/v1/staff', {
      name: '副主任', phone: nextPhone(), role: 'center_admin', siteId: await site('210321000000', 'center'),
    });
    const refused = await county.post(`/api/v1/staff/${peer.body.staff.id}/reset-password`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
  });

  it('disables an account: its sessions end and sign-in is refused', async () => {
    const phone = nextPhone();
    const created = await county.post('/api/v1/staff', { name: '临时', phone, role: 'station_admin', siteId: await site('210321001024', 'station'), password: 'Temp2026pass' });
    const temp = await server.signIn(phone, 'Temp2026pass');
    const disabled = await county.patch(`/api/v1/staff/${created.body.staff.id}`, { status: 'disabled' });
    expect(disabled.body.status).toBe('disabled');
    expect((await temp.get('/api/v1/auth/me')).status).toBe(401);
    const login = await server.client().post('/api/v1/auth/login', { phone, password: 'Temp2026pass' });
    expect(login.body.error.code).toBe('ACCOUNT_DISABLED');
  });

  it('grants and revokes a role', async () => {
    const phone = nextPhone();
    const created = await county.post('/api/v1/staff', { name: '两岗', phone, role: 'station_admin', siteId: await site('210321001025', 'station') });
    const userId = created.body.staff.id;
    const granted = await county.post(`/api/v1/staff/${userId}/grants`, { role: 'institute_admin', siteId: await site('210321002000', 'institute') });
    expect(granted.status).toBe(201);
    expect(granted.body.grants.map((g: { role: string }) => g.role)).toEqual(['station_admin', 'institute_admin']);
    const revoked = await county.delete(`/api/v1/staff/${userId}/grants/${granted.body.grants[0].id}`);
    expect(revoked.body.grants.map((g: { role: string }) => g.role)).toEqual(['institute_admin']);
    const self = (await county.get('/api/v1/auth/me')).body;
    expect((await county.delete(`/api/v1/staff/${self.user.id}/grants/${self.grants[0].id}`)).status).toBe(403);
  });

  it('a revoked role and a disabled account hold from the person’s very next request', async () => {
    const phone = nextPhone();
    const created = await county.post('/api/v1/staff', { name: '即撤', phone, role: 'station_admin', siteId: await site('210321001025', 'station'), password: 'Station2026x' });
    const person = await server.signIn(phone, 'Station2026x');
    expect((await person.get('/api/v1/staff')).status).toBe(200); // the person's actor is now remembered
    await county.delete(`/api/v1/staff/${created.body.staff.id}/grants/${created.body.staff.grants[0].id}`);
    expect((await person.get('/api/v1/staff')).status).toBe(403);
    expect((await county.patch(`/api/v1/staff/${created.body.staff.id}`, { status: 'disabled' })).status).toBe(200);
    expect((await person.get('/api/v1/auth/me')).status).toBe(401);
  });
});
