import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../../test/env.ts';
import { createTestServer, type TestClient, type TestServer } from '../../../../test/harness.ts';
import { actorFor, buildOrganization, buildUser, buildVolunteer } from '../../seed/factories.ts';
import { recordServiceHours } from '../hours/service.ts';

let server: TestServer;
let station: number;
let centerAdmin: TestClient;
let volunteer: { id: number; client: TestClient };
let organizationId: number;

async function pdfText(pdf: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  const page = await doc.getPage(1);
  const content = await page.getTextContent();
  return content.items.map((item) => ('str' in item ? item.str : '')).join('');
}

beforeAll(async () => {
  server = await createTestServer();
  station = (await server.ctx.db.selectFrom('sites').select('id').where('region_code', '=', '210321001021').where('kind', '=', 'station').executeTakeFirstOrThrow()).id;
  centerAdmin = await server.signIn('13800000001', DEMO_PASSWORD);
  const centerActor = await actorFor(server.ctx, (await centerAdmin.get('/api/v1/auth/me')).body.user.id);
  organizationId = (await buildOrganization(server.ctx, centerActor, { siteId: station, name: '庆南社区证明测试队' })).id;
  const account = await buildUser(server.ctx, { siteId: station, role: 'volunteer' });
  const made = await buildVolunteer(server.ctx, { siteId: station, userId: account.userId, phone: account.phone, name: '赵文静' });
  volunteer = { id: made.id, client: await server.signIn(account.phone, account.password) };
  for (const [sourceId, minutes] of [[1, 150], [2, 90]] as const) {
    await recordServiceHours(server.ctx, {
      volunteerId: made.id, source: 'wish', sourceId, organizationId, siteId: station, regionCode: '210321001021',
      startedAt: new Date(`2026-0${sourceId + 3}-01T01:00:00Z`), endedAt: new Date(`2026-0${sourceId + 3}-01T04:00:00Z`), minutes, content: '微心愿圆梦', recordedBy: null,
    });
  }
});
afterAll(() => server?.close());

describe('certificates', () => {
  it('are issued by the recording organization, as a PDF that says what DOMAIN.md asks', async () => {
    const sources = await volunteer.client.get('/api/v1/certificates/sources');
    expect(sources.body.items).toEqual([{ organizationId, name: '庆南社区证明测试队', hours: 4 }]);
    const issued = await volunteer.client.post('/api/v1/certificates', { organizationId });
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ hours: 4, issuer: '庆南社区证明测试队', revoked: false });
    expect(issued.body.code).toMatch(/^LX-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);

    const pdf = await volunteer.client.request('GET', `/api/v1/certificates/${issued.body.code}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.raw);
    for (const expected of ['志愿服务证明', issued.body.code, '赵文静', '累计志愿服务时长 4.0 小时', '微心愿圆梦', '庆南社区证明测试队', '居民身份证', '/verify/']) {
      expect(text).toContain(expected);
    }
    const id = await server.ctx.db.selectFrom('volunteers').select(['id_masked', 'volunteer_no']).where('id', '=', volunteer.id).executeTakeFirstOrThrow();
    expect(text).toContain(id.id_masked);
    expect(text).toContain(id.volunteer_no);
  });

  it('verify publicly: genuine, masked; revoked ones say so; unknown codes are not genuine', async () => {
    const issued = await volunteer.client.post('/api/v1/certificates', { organizationId });
    const verified = await server.client().get(`/api/v1/public/certificates/${issued.body.code}`);
    expect(verified.body).toMatchObject({ genuine: true, revoked: false, name: '赵**', hours: 4, issuer: '庆南社区证明测试队' });
    const page = await server.client().get(`/verify/${issued.body.code}`);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('此证明真实有效');
    expect(page.body).not.toContain('赵文静');

    await centerAdmin.post(`/api/v1/certificates/${issued.body.code}/revoke`, { reason: '时长记录有误' });
    const revokedPage = await server.client().get(`/verify/${issued.body.code}`);
    expect(revokedPage.body).toContain('此证明已被撤销。原因：时长记录有误');

    const fake = await server.client().get('/verify/LX-AAAA-BBBB-CCCC');
    expect(fake.body).toContain('未查到该证明编号');
    expect((await server.client().get('/api/v1/public/certificates/LX-AAAA-BBBB-CCCC')).body).toEqual({ genuine: false, code: 'LX-AAAA-BBBB-CCCC' });
  });

  it('are downloaded only by their volunteer and the staff of the area', async () => {
    const issued = await volunteer.client.post('/api/v1/certificates', { organizationId });
    const stranger = await server.signIn('13800000006', DEMO_PASSWORD);
    expect((await stranger.request('GET', `/api/v1/certificates/${issued.body.code}/pdf`)).status).toBe(404);
    expect((await centerAdmin.request('GET', `/api/v1/certificates/${issued.body.code}/pdf`)).status).toBe(200);
  });

  it('are issued by staff only for an organization inside their area (谁记录谁证明)', async () => {
    // The volunteer lives at this station; a team at another station of the county recorded their hours.
    const elsewhere = await server.ctx.db.selectFrom('sites').select(['id', 'region_code']).where('kind', '=', 'station').where('region_code', 'like', '210321%')
      .where('id', '<>', station).orderBy('id').limit(1).executeTakeFirstOrThrow();
    const centerActor = await actorFor(server.ctx, (await centerAdmin.get('/api/v1/auth/me')).body.user.id);
    const otherTeam = (await buildOrganization(server.ctx, centerActor, { siteId: elsewhere.id, name: '邻村证明测试队' })).id;
    await recordServiceHours(server.ctx, {
      volunteerId: volunteer.id, source: 'wish', sourceId: 3, organizationId: otherTeam, siteId: elsewhere.id, regionCode: elsewhere.region_code,
      startedAt: new Date('2026-06-01T01:00:00Z'), endedAt: new Date('2026-06-01T02:00:00Z'), minutes: 60, content: '微心愿圆梦', recordedBy: null,
    });
    const stationStaff = await buildUser(server.ctx, { siteId: station, role: 'station_admin' });
    const staff = await server.signIn(stationStaff.phone, stationStaff.password);

    const refused = await staff.post('/api/v1/certificates', { organizationId: otherTeam, volunteerId: volunteer.id });
    expect(refused.status).toBe(404);
    expect(refused.body.error).toMatchObject({ field: 'organizationId', message: '您的管辖范围内没有该组织：服务时长由哪个组织记录，就由哪个组织出具证明' });
    const own = await staff.post('/api/v1/certificates', { organizationId, volunteerId: volunteer.id });
    expect(own.body).toMatchObject({ hours: 4, issuer: '庆南社区证明测试队' });
    // The county center's staff cover both stations; the volunteer may always ask for their own.
    expect((await centerAdmin.post('/api/v1/certificates', { organizationId: otherTeam, volunteerId: volunteer.id })).body).toMatchObject({ hours: 1, issuer: '邻村证明测试队' });
    expect((await volunteer.client.post('/api/v1/certificates', { organizationId: otherTeam })).status).toBe(201);
  });

  it('are refused for an organization that recorded nothing', async () => {
    const response = await volunteer.client.post('/api/v1/certificates', { organizationId: organizationId + 1000 });
    expect(response.status).toBe(404);
  });
});
