import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../../test/env.ts';
import { createTestServer, type TestClient, type TestServer } from '../../../../test/harness.ts';
import { chinaDayFrom, chinaToday } from '../../lib/id-number.ts';
import { buildUser, buildVolunteer } from '../../seed/factories.ts';

let server: TestServer;
let station: number;
let stationAdmin: TestClient;

/** China's date n days from today (the coverage report counts in Asia/Shanghai days). */
const days = chinaDayFrom;

async function member() {
  const account = await buildUser(server.ctx, { siteId: station, role: 'volunteer' });
  const made = await buildVolunteer(server.ctx, { siteId: station, userId: account.userId, phone: account.phone, partyMember: true });
  return { id: made.id, client: await server.signIn(account.phone, account.password) };
}

/** A group of two members caring for one recipient visited every 7 days. */
async function setUp() {
  const [a, b] = [await member(), await member()];
  const group = await stationAdmin.post('/api/v1/care-groups', { name: `帮扶小组${a.id}`, siteId: station, memberIds: [a.id, b.id] });
  const recipient = await stationAdmin.post('/api/v1/care-recipients', {
    groupId: group.body.id, kind: 'elderly_alone', name: '张桂芝', phone: '13912345670', needs: '高血压，独居，腿脚不便', visitEveryDays: 7, caretakerId: a.id, consent: true,
  });
  expect(recipient.status).toBe(201);
  return { a, b, groupId: group.body.id as number, recipientId: recipient.body.id as number };
}

beforeAll(async () => {
  server = await createTestServer();
  station = (await server.ctx.db.selectFrom('sites').select('id').where('region_code', '=', '210321001021').where('kind', '=', 'station').executeTakeFirstOrThrow()).id;
  stationAdmin = await server.signIn('13800000003', DEMO_PASSWORD);
});
afterAll(() => server?.close());

describe('pairing and assistance', () => {
  it('pairs a unit with a community, with masked contacts', async () => {
    const pair = await stationAdmin.post('/api/v1/unit-pairs', {
      unitName: '台安县民政局', unitType: 'party_government', siteId: station, unitContactName: '刘科长', unitContactPhone: '13900001111',
      communityContactName: '赵站长', startedOn: '2026-03-01',
    });
    expect(pair.body).toMatchObject({ unitName: '台安县民政局', unitContact: { name: '刘科长', phoneMasked: '139****1111' } });
  });

  it('shows a recipient only to the group and the staff, audits every read, and masks lists', async () => {
    const { a, recipientId } = await setUp();
    const mine = await a.client.get('/api/v1/care-recipients/mine');
    expect(mine.body.items).toEqual([expect.objectContaining({ id: recipientId, name: '张**', mine: true })]);
    const detail = await a.client.get(`/api/v1/care-recipients/${recipientId}?reason=${encodeURIComponent('上门走访前查看')}`);
    expect(detail.body).toMatchObject({ name: '张桂芝', phone: '13912345670', needs: '高血压，独居，腿脚不便' });
    const audit = await server.ctx.db.selectFrom('audit_log').selectAll().where('subject', '=', `care_recipient:${recipientId}`).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'read_recipient', reason: '上门走访前查看' });

    const outsider = await member();
    expect((await outsider.client.get(`/api/v1/care-recipients/${recipientId}`)).status).toBe(404);
    expect((await outsider.client.get('/api/v1/care-recipients/mine')).body.items).toEqual([]);
    expect(JSON.stringify((await outsider.client.get(`/api/v1/care-recipients/${recipientId}`)).body)).not.toContain('张桂芝');
    const rows = await server.ctx.db.selectFrom('care_recipients').selectAll().where('id', '=', recipientId).executeTakeFirstOrThrow();
    expect(JSON.stringify(rows)).not.toMatch(/张桂芝|高血压|13912345670/);
  });

  it('logs a visit once, however often the phone resends it', async () => {
    const { a, recipientId } = await setUp();
    const visit = { clientId: 'offline-visit-0001', visitedOn: chinaToday(), kind: 'home', summary: '量血压 130/85，帮忙买了药' };
    const [first, resend] = [await a.client.post(`/api/v1/care-recipients/${recipientId}/visits`, visit), await a.client.post(`/api/v1/care-recipients/${recipientId}/visits`, visit)];
    expect(first.status).toBe(201);
    expect(resend.body.id).toBe(first.body.id);
    const count = await server.ctx.db.selectFrom('care_visits').select((eb) => eb.fn.countAll<number>().as('n')).where('recipient_id', '=', recipientId).executeTakeFirstOrThrow();
    expect(count.n).toBe(1);
    const outsider = await member();
    expect((await outsider.client.post(`/api/v1/care-recipients/${recipientId}/visits`, { ...visit, clientId: 'intruder-0001' })).status).toBe(404);
  });

  it('reports coverage on any day: the plan falls due, a visit covers it again', async () => {
    const { a, recipientId } = await setUp();
    const coverage = async (asOf: string) => (await stationAdmin.get(`/api/v1/care/coverage?asOf=${asOf}`)).body;
    expect((await coverage(days(6))).overdue.map((r: { id: number }) => r.id)).not.toContain(recipientId);
    const late = (await coverage(days(10))).overdue.find((r: { id: number }) => r.id === recipientId);
    expect(late).toMatchObject({ lateDays: 3, name: '张**' });
    await a.client.post(`/api/v1/care-recipients/${recipientId}/visits`, { clientId: `visit-${recipientId}-now`, visitedOn: chinaToday(), kind: 'phone', summary: '电话问候' });
    expect((await coverage(days(6))).overdue.map((r: { id: number }) => r.id)).not.toContain(recipientId);
    expect((await coverage(days(9))).overdue.find((r: { id: number }) => r.id === recipientId).lateDays).toBe(2);
  });

  it('flags a group that lost a member and hands the recipient over', async () => {
    const { a, b, groupId, recipientId } = await setUp();
    await stationAdmin.delete(`/api/v1/care-groups/${groupId}/members/${a.id}`);
    const report = (await stationAdmin.get('/api/v1/care/coverage')).body;
    expect(report.leavers).toEqual(expect.arrayContaining([expect.objectContaining({ groupId, volunteerId: a.id, recipients: 1 })]));
    expect(report.withoutCaretaker.map((r: { id: number }) => r.id)).toContain(recipientId);
    expect((await a.client.get(`/api/v1/care-recipients/${recipientId}`)).status).toBe(404);
    const handed = await stationAdmin.post(`/api/v1/care-recipients/${recipientId}/hand-over`, { toVolunteerId: b.id });
    expect(handed.body.caretaker).toMatchObject({ volunteerId: b.id, active: true });
    expect((await stationAdmin.post(`/api/v1/care-recipients/${recipientId}/hand-over`, { toVolunteerId: a.id })).body.error.field).toBe('toVolunteerId');
  });
});
