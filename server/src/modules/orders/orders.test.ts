import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../../test/env.ts';
import { createTestServer, type TestClient, type TestServer } from '../../../../test/harness.ts';
import { actorFor, buildOrganization, buildUser, buildVolunteer } from '../../seed/factories.ts';
import { escalateOverdueOrders } from './service.ts';

let server: TestServer;
let station: number;
let institute: number;
let stationAdmin: TestClient;
let instituteAdmin: TestClient;
let centerAdmin: TestClient;
let resident: TestClient;
let team: { id: number; leader: TestClient; leaderId: number; memberId: number };

const site = async (regionCode: string, kind: string) =>
  (await server.ctx.db.selectFrom('sites').select('id').where('region_code', '=', regionCode).where('kind', '=', kind).executeTakeFirstOrThrow()).id;

/** An approved team at the station with a leader who has an account, and one more member. */
async function makeTeam(name: string) {
  const centerActor = await actorFor(server.ctx, (await centerAdmin.get('/api/v1/auth/me')).body.user.id);
  const org = await buildOrganization(server.ctx, centerActor, { siteId: station, name, category: 'assistance' });
  const account = await buildUser(server.ctx, { siteId: station, role: 'volunteer' });
  const leader = await buildVolunteer(server.ctx, { siteId: station, userId: account.userId, phone: account.phone });
  const member = await buildVolunteer(server.ctx, { siteId: station });
  await server.ctx.db.insertInto('memberships').values([leader.id, member.id].map((volunteerId) => ({ organization_id: org.id, volunteer_id: volunteerId, status: 'active' }))).execute();
  await server.ctx.db.updateTable('organizations').set({ leader_volunteer_id: leader.id, member_count: 2 }).where('id', '=', org.id).execute();
  return { id: org.id, leader: await server.signIn(account.phone, account.password), leaderId: account.userId, memberId: member.id };
}

beforeAll(async () => {
  server = await createTestServer();
  station = await site('210321001021', 'station');
  institute = await site('210321001000', 'institute');
  stationAdmin = await server.signIn('13800000003', DEMO_PASSWORD);
  instituteAdmin = await server.signIn('13800000002', DEMO_PASSWORD);
  centerAdmin = await server.signIn('13800000001', DEMO_PASSWORD);
  resident = await server.signIn('13800000006', DEMO_PASSWORD);
  team = await makeTeam('点单测试服务队');
});
afterAll(() => server?.close());

describe('the menu', () => {
  it('is made by a site, approved by the level above, and offered to the residents below', async () => {
    const item = await stationAdmin.post('/api/v1/menu/items', { siteId: station, organizationId: team.id, title: '上门理发', category: 'assistance', schedule: '每周三上午' });
    expect(item.body.status).toBe('pending');
    expect((await stationAdmin.post(`/api/v1/menu/items/${item.body.id}/review`, { decision: 'approve' })).status).toBe(403);
    expect((await instituteAdmin.post(`/api/v1/menu/items/${item.body.id}/review`, { decision: 'approve' })).body.status).toBe('approved');
    const menu = await server.client().get(`/api/v1/menu?siteId=${station}`);
    expect(menu.body.items.map((i: { title: string }) => i.title)).toContain('上门理发');
  });
});

describe('orders', () => {
  it('walk ordered → triaged → dispatched → accepted → delivered → rated, with hours and messages', async () => {
    const placed = await resident.post('/api/v1/orders', { title: '帮忙修水龙头', category: 'assistance', siteId: station, address: '庆南社区3号楼', contactPhone: '13912340000' });
    expect(placed.body).toMatchObject({ status: 'ordered', handler: { id: station } });
    expect((await stationAdmin.post(`/api/v1/orders/${placed.body.id}/triage`)).body.status).toBe('triaged');
    const dispatched = await stationAdmin.post(`/api/v1/orders/${placed.body.id}/dispatch`, { organizationId: team.id, hours: 12 });
    expect(dispatched.body).toMatchObject({ status: 'dispatched', organization: { id: team.id } });
    expect((await team.leader.get('/api/v1/inbox')).body.items[0]).toMatchObject({ kind: 'order_dispatched', link: `/m/orders/${placed.body.id}` });
    const forTeam = await team.leader.get('/api/v1/orders/team');
    expect(forTeam.body.teams).toEqual([{ id: team.id, name: expect.any(String) }]);
    expect(forTeam.body.items.map((o: { id: number }) => o.id)).toContain(placed.body.id);
    expect((await resident.get('/api/v1/orders/team')).body).toEqual({ items: [], teams: [] });
    expect((await team.leader.post(`/api/v1/orders/${placed.body.id}/accept`)).body.status).toBe('accepted');
    const delivered = await team.leader.post(`/api/v1/orders/${placed.body.id}/deliver`, { report: '已更换水龙头', participants: [{ volunteerId: team.memberId, minutes: 60 }] });
    expect(delivered.body.status).toBe('delivered');
    const entry = await server.ctx.db.selectFrom('service_hours').select(['minutes', 'organization_id']).where('source', '=', 'order').where('source_id', '=', placed.body.id).execute();
    expect(entry).toEqual([{ minutes: 60, organization_id: team.id }]);
    const rated = await resident.post(`/api/v1/orders/${placed.body.id}/rate`, { score: 5, comment: '很及时' });
    expect(rated.body).toMatchObject({ status: 'rated', rating: 5 });
    expect(rated.body.timeline.map((e: { to: string }) => e.to)).toEqual(['ordered', 'triaged', 'dispatched', 'accepted', 'delivered', 'rated']);
  });

  it('refuse illegal moves with 409 and the current state, and hours only for members', async () => {
    const placed = await resident.post('/api/v1/orders', { title: '陪同就医', category: 'medical_fitness', siteId: station });
    const early = await stationAdmin.post(`/api/v1/orders/${placed.body.id}/dispatch`, { organizationId: team.id });
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({ code: 'INVALID_TRANSITION', message: '当前状态为“ordered”，不能执行此操作' });
    expect((await resident.post(`/api/v1/orders/${placed.body.id}/rate`, { score: 5 })).body.error.code).toBe('INVALID_TRANSITION');
    await stationAdmin.post(`/api/v1/orders/${placed.body.id}/triage`);
    await stationAdmin.post(`/api/v1/orders/${placed.body.id}/dispatch`, { organizationId: team.id });
    await team.leader.post(`/api/v1/orders/${placed.body.id}/accept`);
    const stranger = await buildVolunteer(server.ctx, { siteId: station });
    const bad = await team.leader.post(`/api/v1/orders/${placed.body.id}/deliver`, { report: '完成', participants: [{ volunteerId: stranger.id, minutes: 30 }] });
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'participants' });
  });

  it('are grabbed by exactly one team when opened for grabbing', async () => {
    const teams = await Promise.all(['抢单一队', '抢单二队', '抢单三队', '抢单四队'].map(makeTeam));
    const placed = await resident.post('/api/v1/orders', { title: '打扫楼道', category: 'environment', siteId: station });
    await stationAdmin.post(`/api/v1/orders/${placed.body.id}/triage`);
    await stationAdmin.post(`/api/v1/orders/${placed.body.id}/dispatch`, { openForGrab: true });
    const answers = await Promise.all(teams.map((t) => t.leader.post(`/api/v1/orders/${placed.body.id}/grab`, { organizationId: t.id })));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(3);
    expect(answers.find((a) => a.status === 409)!.body.error).toMatchObject({ code: 'CONFLICT', message: '手慢了，这个点单已被其他队伍抢走或已收回' });
    const winner = answers.find((a) => a.status === 200)!;
    expect(winner.body).toMatchObject({ status: 'accepted', openForGrab: false });
  });

  it('go back to triage when a team declines, and can be passed up a level', async () => {
    const placed = await resident.post('/api/v1/orders', { title: '法律咨询', category: 'legal', siteId: station });
    await stationAdmin.post(`/api/v1/orders/${placed.body.id}/triage`);
    await stationAdmin.post(`/api/v1/orders/${placed.body.id}/dispatch`, { organizationId: team.id });
    const declined = await team.leader.post(`/api/v1/orders/${placed.body.id}/decline`, { reason: '队里没有律师' });
    expect(declined.body).toEqual({ id: placed.body.id, status: 'triaged' });
    expect((await stationAdmin.get(`/api/v1/orders/${placed.body.id}`)).body).toMatchObject({ status: 'triaged', organization: null, declineReason: '队里没有律师' });
    const passed = await stationAdmin.post(`/api/v1/orders/${placed.body.id}/dispatch`, { passToSiteId: institute, hours: 48 });
    expect(passed.body).toMatchObject({ status: 'triaged', handler: { id: institute } });
    expect(Date.parse(passed.body.deadline) - Date.now()).toBeGreaterThan(47.9 * 3600_000);
    expect(Date.parse(passed.body.deadline) - Date.now()).toBeLessThanOrEqual(48 * 3600_000);
    expect((await instituteAdmin.get('/api/v1/orders/board')).body.columns.triaged.map((o: { id: number }) => o.id)).toContain(placed.body.id);
  });

  it('escalate to the level above when left too long, flagged on its board (controllable clock)', async () => {
    const placed = await resident.post('/api/v1/orders', { title: '送餐上门', category: 'assistance', siteId: station });
    // Other orders of the demo county may fall due meanwhile: this test watches its own.
    await escalateOverdueOrders(server.ctx, new Date(Date.now() + 23 * 3600_000));
    expect((await instituteAdmin.get(`/api/v1/orders/${placed.body.id}`)).body).toMatchObject({ handler: { id: station }, overdue: false, escalations: 0 });
    expect(await escalateOverdueOrders(server.ctx, new Date(Date.now() + 25 * 3600_000))).toBeGreaterThanOrEqual(1);
    const detail = await instituteAdmin.get(`/api/v1/orders/${placed.body.id}`);
    expect(detail.body).toMatchObject({ handler: { id: institute }, overdue: true, escalations: 1, status: 'ordered' });
    const board = await instituteAdmin.get('/api/v1/orders/board');
    expect(board.body.columns.ordered[0]).toMatchObject({ overdue: true });
    expect(board.body.overdue).toBeGreaterThanOrEqual(1);
    expect((await instituteAdmin.get('/api/v1/inbox')).body.items.map((i: { kind: string }) => i.kind)).toContain('order_escalated');
    // The station no longer handles it, but still sees where it went.
    expect((await stationAdmin.post(`/api/v1/orders/${placed.body.id}/triage`)).status).toBe(404);
  });

  it('wait three days for the resident’s rating, then go up for a follow-up call where staff rate for them (回访代评)', async () => {
    const placed = await resident.post('/api/v1/orders', { title: '理发上门', category: 'assistance', siteId: station });
    const id = placed.body.id;
    await stationAdmin.post(`/api/v1/orders/${id}/triage`);
    await stationAdmin.post(`/api/v1/orders/${id}/dispatch`, { organizationId: team.id });
    await team.leader.post(`/api/v1/orders/${id}/accept`);
    const delivered = await team.leader.post(`/api/v1/orders/${id}/deliver`, { report: '已理发', participants: [{ volunteerId: team.memberId, minutes: 30 }] });
    expect(Date.parse(delivered.body.deadline) - Date.now()).toBeGreaterThan(71.9 * 3600_000);
    await escalateOverdueOrders(server.ctx, new Date(Date.now() + 71 * 3600_000));
    expect((await stationAdmin.get(`/api/v1/orders/${id}`)).body).toMatchObject({ status: 'delivered', handler: { id: station }, overdue: false });
    await escalateOverdueOrders(server.ctx, new Date(Date.now() + 73 * 3600_000));
    expect((await instituteAdmin.get(`/api/v1/orders/${id}`)).body).toMatchObject({ status: 'delivered', handler: { id: institute }, overdue: true, escalations: 1 });
    const told = (await instituteAdmin.get('/api/v1/inbox')).body.items.find((m: { link: string }) => m.link === `/orders?order=${id}`);
    expect(told).toMatchObject({ kind: 'order_escalated', body: '服务已完成，居民超时未评价，请回访并代为评价。' });
    // The team is not staff over the order: it may not rate its own service.
    expect((await team.leader.post(`/api/v1/orders/${id}/rate`, { score: 5 })).status).toBe(404);
    const rated = await instituteAdmin.post(`/api/v1/orders/${id}/rate`, { score: 4, comment: '电话回访：满意' });
    expect(rated.body).toMatchObject({ status: 'rated', rating: 4, deadline: null, overdue: false });
    expect(rated.body.timeline.at(-1)).toMatchObject({ to: 'rated', note: '回访代评' });
    expect((await resident.post(`/api/v1/orders/${id}/rate`, { score: 1 })).status).toBe(409);
  });

  it('show the resident masked to outsiders and keep staff inside their area', async () => {
    const placed = await resident.post('/api/v1/orders', { title: '换灯泡', category: 'assistance', siteId: station, contactPhone: '13912340001' });
    expect(placed.body).toMatchObject({ resident: '王大爷', contactPhone: '13912340001' });
    const neighbour = await buildUser(server.ctx, { siteId: await site('210321001022', 'station'), role: 'station_admin' });
    const other = await server.signIn(neighbour.phone, neighbour.password);
    expect((await other.get(`/api/v1/orders/${placed.body.id}`)).status).toBe(404);
    expect((await other.post(`/api/v1/orders/${placed.body.id}/triage`)).status).toBe(404);
  });

  it('suggest teams ranked by category and nearness, saying why', async () => {
    const placed = await resident.post('/api/v1/orders', { title: '助老服务', category: 'assistance', siteId: station });
    const suggestions = await stationAdmin.get(`/api/v1/orders/${placed.body.id}/suggestions`);
    expect(suggestions.status).toBe(200);
    const best = suggestions.body.organizations[0];
    expect(best.reasons).toEqual(expect.arrayContaining(['服务类别相符：扶危帮困', '同一社区（村）']));
    const scores = suggestions.body.organizations.map((o: { score: number }) => o.score);
    expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
    expect(suggestions.body.volunteers.length).toBeGreaterThan(0);
  });
});

describe('delivery', () => {
  /** A new order of the resident's, dispatched to the team and accepted. */
  async function accepted(title: string) {
    const placed = await resident.post('/api/v1/orders', { title, category: 'assistance', siteId: station });
    await stationAdmin.post(`/api/v1/orders/${placed.body.id}/triage`);
    await stationAdmin.post(`/api/v1/orders/${placed.body.id}/dispatch`, { organizationId: team.id });
    expect((await team.leader.post(`/api/v1/orders/${placed.body.id}/accept`)).body.status).toBe('accepted');
    return placed.body.id as number;
  }
  const totalMinutes = async (volunteerId: number) =>
    (await server.ctx.db.selectFrom('volunteer_hours').select('minutes').where('volunteer_id', '=', volunteerId).executeTakeFirst())?.minutes ?? 0;

  it('reversed by a reopen, then delivered again, leaves the hours of one delivery', async () => {
    const member = team.memberId;
    const before = await totalMinutes(member);
    const id = await accepted('上门维修电路');
    const first = await team.leader.post(`/api/v1/orders/${id}/deliver`, { report: '已修好', participants: [{ volunteerId: member, minutes: 60 }] });
    expect(first.body.status).toBe('delivered');
    expect(await totalMinutes(member)).toBe(before + 60);
    expect((await stationAdmin.post(`/api/v1/orders/${id}/reopen`, { note: '居民反映仍有故障' })).body.status).toBe('triaged');
    expect(await totalMinutes(member)).toBe(before);
    const reversal = await server.ctx.db.selectFrom('service_hours').select(['minutes', 'reason', 'recorded_by'])
      .where('source', '=', 'order').where('source_id', '=', id).where('kind', '=', 'reversal').execute();
    const staffId = (await stationAdmin.get('/api/v1/auth/me')).body.user.id;
    expect(reversal).toEqual([{ minutes: -60, reason: '订单重开：居民反映仍有故障', recorded_by: staffId }]);
    await stationAdmin.post(`/api/v1/orders/${id}/dispatch`, { organizationId: team.id });
    await team.leader.post(`/api/v1/orders/${id}/accept`);
    const again = await team.leader.post(`/api/v1/orders/${id}/deliver`, { report: '更换了线路', participants: [{ volunteerId: member, minutes: 90 }] });
    expect(again.status).toBe(200);
    expect(await totalMinutes(member)).toBe(before + 90);
  });

  it('shows only photos the team’s own account uploaded', async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c8102e' } }).png().toBuffer();
    const photo = { filename: 'photo.png', content: png, type: 'image/png' };
    const id = await accepted('清理小区垃圾');
    const madeUp = await team.leader.post(`/api/v1/orders/${id}/deliver`, { report: '已清理', photos: ['7b0a8f3e-6c1d-4a57-9a3e-2f1d5c9e8b41'] });
    expect(madeUp.status).toBe(400);
    expect(madeUp.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'photos' });
    const someoneElses = (await resident.upload('/api/v1/files', {}, photo)).body.id as string;
    const borrowed = await team.leader.post(`/api/v1/orders/${id}/deliver`, { report: '已清理', photos: [someoneElses] });
    expect(borrowed.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'photos' });
    const mine = (await team.leader.upload('/api/v1/files', {}, photo)).body.id as string;
    const done = await team.leader.post(`/api/v1/orders/${id}/deliver`, { report: '已清理', photos: [mine] });
    expect(done.body).toMatchObject({ status: 'delivered', deliveryPhotos: [`/api/v1/files/${mine}`] });
  });
});

describe('messages', () => {
  let residentId: number;
  let staff: number[];
  beforeAll(async () => {
    residentId = (await resident.get('/api/v1/auth/me')).body.user.id;
    staff = (await server.ctx.db.selectFrom('grants').select('user_id').where('site_id', '=', station).where('role', 'like', '%_admin').execute()).map((g) => g.user_id);
    expect(staff).toContain((await stationAdmin.get('/api/v1/auth/me')).body.user.id);
  });

  /** Who was told what of one order: staff are pointed to the console's board, the others to the phone. */
  const told = (orderId: number, kind: string) => server.told(kind, [`/orders?order=${orderId}`, `/m/orders/${orderId}`]);
  const onConsole = (orderId: number, users: number[]) => users.map((user) => `${user} /orders?order=${orderId}`);
  const onPhone = (orderId: number, users: number[]) => users.map((user) => `${user} /m/orders/${orderId}`);
  const expected = (...lines: string[][]) => lines.flat().sort();

  async function dispatched(title: string) {
    const placed = await resident.post('/api/v1/orders', { title, category: 'assistance', siteId: station });
    const id = placed.body.id as number;
    await stationAdmin.post(`/api/v1/orders/${id}/triage`);
    await stationAdmin.post(`/api/v1/orders/${id}/dispatch`, { organizationId: team.id });
    return id;
  }

  it('tell the station, the resident and the team of every step from order to rating', async () => {
    const id = await dispatched('代买药品');
    expect(await told(id, 'order_new')).toEqual(expected(onConsole(id, staff)));
    expect(await told(id, 'order_triaged')).toEqual(expected(onPhone(id, [residentId])));
    expect(await told(id, 'order_dispatched')).toEqual(expected(onPhone(id, [team.leaderId, residentId])));
    await team.leader.post(`/api/v1/orders/${id}/accept`);
    expect(await told(id, 'order_accepted')).toEqual(expected(onConsole(id, staff), onPhone(id, [residentId])));
    await team.leader.post(`/api/v1/orders/${id}/deliver`, { report: '药已送到' });
    expect(await told(id, 'order_delivered')).toEqual(expected(onConsole(id, staff), onPhone(id, [residentId])));
    await resident.post(`/api/v1/orders/${id}/rate`, { score: 4, comment: '很耐心' });
    expect(await told(id, 'order_rated')).toEqual(expected(onPhone(id, [team.leaderId])));
    const rated = (await team.leader.get('/api/v1/inbox')).body.items[0];
    expect(rated).toMatchObject({ kind: 'order_rated', title: '居民评价：代买药品', body: '4 星，“很耐心”' });
  });

  it('tell the station and the resident who grabbed an order', async () => {
    const placed = await resident.post('/api/v1/orders', { title: '清理楼道杂物', category: 'environment', siteId: station });
    const id = placed.body.id as number;
    await stationAdmin.post(`/api/v1/orders/${id}/triage`);
    await stationAdmin.post(`/api/v1/orders/${id}/dispatch`, { openForGrab: true });
    expect((await team.leader.post(`/api/v1/orders/${id}/grab`, { organizationId: team.id })).status).toBe(200);
    expect(await told(id, 'order_grabbed')).toEqual(expected(onConsole(id, staff), onPhone(id, [residentId])));
    expect((await resident.get('/api/v1/inbox')).body.items[0]).toMatchObject({ title: '您的点单“清理楼道杂物”已有队伍抢单', body: '点单测试服务队会尽快与您联系。' });
  });

  it('tell the station and the team when the resident cancels', async () => {
    const id = await dispatched('陪同散步');
    expect((await resident.post(`/api/v1/orders/${id}/cancel`)).body.status).toBe('cancelled');
    expect(await told(id, 'order_cancelled')).toEqual(expected(onConsole(id, staff), onPhone(id, [team.leaderId])));
  });

  it('tell the team and the resident when the station reopens an order', async () => {
    const id = await dispatched('修理门锁');
    await team.leader.post(`/api/v1/orders/${id}/accept`);
    expect((await stationAdmin.post(`/api/v1/orders/${id}/reopen`, { note: '改派专业队伍' })).body.status).toBe('triaged');
    expect(await told(id, 'order_reopened')).toEqual(expected(onPhone(id, [team.leaderId, residentId])));
    expect((await resident.get('/api/v1/inbox')).body.items[0]).toMatchObject({ kind: 'order_reopened', body: '工作人员将重新为您安排：改派专业队伍' });
  });

  it('point the staff to the order on the console’s board when a team declines', async () => {
    const id = await dispatched('上门量血压');
    await team.leader.post(`/api/v1/orders/${id}/decline`, { reason: '本周人手不足' });
    expect(await told(id, 'order_declined')).toEqual(expected(onConsole(id, staff)));
  });
});
