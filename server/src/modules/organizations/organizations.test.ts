import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../../test/env.ts';
import { createTestServer, type TestClient, type TestServer } from '../../../../test/harness.ts';
import { buildUser, buildVolunteer, nextIdNumber, nextPhone } from '../../seed/factories.ts';

let server: TestServer;
let station: number;
let stationAdmin: TestClient;
let instituteAdmin: TestClient;
let centerAdmin: TestClient;

const site = async (regionCode: string, kind: string) =>
  (await server.ctx.db.selectFrom('sites').select('id').where('region_code', '=', regionCode).where('kind', '=', kind).executeTakeFirstOrThrow()).id;

/** A signed-in volunteer living at the demo station. */
async function volunteerClient() {
  const account = await buildUser(server.ctx, { siteId: station, role: 'volunteer' });
  await buildVolunteer(server.ctx, { siteId: station, userId: account.userId, phone: account.phone });
  return server.signIn(account.phone, account.password);
}

beforeAll(async () => {
  server = await createTestServer();
  station = await site('210321001021', 'station');
  stationAdmin = await server.signIn('13800000003', DEMO_PASSWORD);
  instituteAdmin = await server.signIn('13800000002', DEMO_PASSWORD);
  centerAdmin = await server.signIn('13800000001', DEMO_PASSWORD);
});
afterAll(() => server?.close());

describe('organizations', () => {
  it('a station’s team waits for the institute above to approve it', async () => {
    const created = await stationAdmin.post('/api/v1/organizations', {
      name: '庆南社区夕阳红志愿服务队', category: 'assistance', siteId: station, contactName: '刘队长', contactPhone: '13800000004',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'pending', memberCount: 0, sizeBucket: '1-9', contactPhoneMasked: '138****0004' });
    const self = await stationAdmin.post(`/api/v1/organizations/${created.body.id}/review`, { decision: 'approve' });
    expect(self.status).toBe(403);
    const approved = await instituteAdmin.post(`/api/v1/organizations/${created.body.id}/review`, { decision: 'approve' });
    expect(approved.body.status).toBe('approved');
  });

  it('is approved at once when a higher level creates it, and names are unique per site', async () => {
    const body = { name: '庆南社区法律服务队', category: 'legal', siteId: station, sponsorType: 'party_government', sponsorName: '台安县司法局' };
    const created = await centerAdmin.post('/api/v1/organizations', body);
    expect(created.body).toMatchObject({ status: 'approved', sponsorName: '台安县司法局' });
    expect((await centerAdmin.post('/api/v1/organizations', body)).status).toBe(409);
  });

  it('needs a name for a custom category', async () => {
    const response = await centerAdmin.post('/api/v1/organizations', { name: '非遗传承队', category: 'custom', siteId: station });
    expect(response.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'customCategory' });
    const ok = await centerAdmin.post('/api/v1/organizations', { name: '非遗传承队', category: 'custom', customCategory: '非遗传承', siteId: station });
    expect(ok.body.customCategory).toBe('非遗传承');
  });

  it('never becomes its own parent, directly or through a team below it', async () => {
    const make = (name: string, parentId?: number) => centerAdmin.post('/api/v1/organizations', { name, category: 'assistance', siteId: station, ...(parentId ? { parentId } : {}) });
    const top = (await make('庆南社区志愿服务总队')).body.id as number;
    const middle = (await make('庆南社区助老分队', top)).body.id as number;
    const bottom = (await make('庆南社区助老一组', middle)).body.id as number;
    for (const parentId of [top, bottom]) {
      const refused = await centerAdmin.patch(`/api/v1/organizations/${top}`, { parentId });
      expect(refused.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'parentId' });
    }
    const moved = await centerAdmin.patch(`/api/v1/organizations/${bottom}`, { parentId: top });
    expect(moved.status).toBe(200);
  });

  it('hides another county’s organizations', async () => {
    const other = await buildUser(server.ctx, { siteId: await site('210323000000', 'center'), role: 'center_admin' });
    const otherAdmin = await server.signIn(other.phone, other.password);
    const theirs = await otherAdmin.post('/api/v1/organizations', { name: '岫岩县志愿服务总队', category: 'culture_arts', siteId: await site('210323000000', 'center') });
    expect((await centerAdmin.get(`/api/v1/organizations/${theirs.body.id}`)).status).toBe(404);
    const list = await centerAdmin.get('/api/v1/organizations?limit=200');
    expect(list.body.items.every((o: { site: { regionCode: string } }) => o.site.regionCode.startsWith('210321'))).toBe(true);
  });
});

describe('members', () => {
  it('a volunteer asks to join, the staff approve, the count follows, the volunteer leaves', async () => {
    const team = await centerAdmin.post('/api/v1/organizations', { name: '庆南社区文艺队', category: 'culture_arts', siteId: station });
    const volunteer = await volunteerClient();
    const browse = await volunteer.get('/api/v1/organizations/browse?category=culture_arts');
    expect(browse.body.items.map((o: { id: number }) => o.id)).toContain(team.body.id);

    const join = await volunteer.post(`/api/v1/organizations/${team.body.id}/join`);
    expect(join.status).toBe(201);
    expect((await volunteer.post(`/api/v1/organizations/${team.body.id}/join`)).status).toBe(409);
    expect((await volunteer.get(`/api/v1/organizations/${team.body.id}`)).body).toMatchObject({ name: '庆南社区文艺队', myMembership: 'pending' });
    const pending = await stationAdmin.get(`/api/v1/organizations/${team.body.id}/members?status=pending`);
    expect(pending.body.items).toHaveLength(1);
    const volunteerId = pending.body.items[0].volunteerId;

    // Two staff press "approve" at once: one wins, the count is 1.
    const [a, b] = await Promise.all([
      stationAdmin.post(`/api/v1/organizations/${team.body.id}/members/${volunteerId}`, { decision: 'approve' }),
      centerAdmin.post(`/api/v1/organizations/${team.body.id}/members/${volunteerId}`, { decision: 'approve' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect((await centerAdmin.get(`/api/v1/organizations/${team.body.id}`)).body.memberCount).toBe(1);
    expect((await volunteer.get('/api/v1/inbox')).body.items[0]).toMatchObject({ kind: 'membership_approve' });

    expect((await volunteer.post(`/api/v1/organizations/${team.body.id}/leave`)).body.status).toBe('left');
    expect((await centerAdmin.get(`/api/v1/organizations/${team.body.id}`)).body.memberCount).toBe(0);
    // Leaving is not the end: the volunteer may ask again.
    expect((await volunteer.post(`/api/v1/organizations/${team.body.id}/join`)).status).toBe(201);
  });

  it('a team leader manages their own team only', async () => {
    const team = await centerAdmin.post('/api/v1/organizations', { name: '庆南社区巡逻队', category: 'environment', siteId: station });
    const leaderAccount = await buildUser(server.ctx, { siteId: station, role: 'volunteer' });
    const leader = await buildVolunteer(server.ctx, { siteId: station, userId: leaderAccount.userId, phone: leaderAccount.phone });
    const leaderClient = await server.signIn(leaderAccount.phone, leaderAccount.password);
    await leaderClient.post(`/api/v1/organizations/${team.body.id}/join`);
    await centerAdmin.post(`/api/v1/organizations/${team.body.id}/members/${leader.id}`, { decision: 'approve' });
    const named = await centerAdmin.patch(`/api/v1/organizations/${team.body.id}`, { leaderVolunteerId: leader.id });
    expect(named.body.leader).toMatchObject({ volunteerId: leader.id });

    const member = await volunteerClient();
    await member.post(`/api/v1/organizations/${team.body.id}/join`);
    const pending = await leaderClient.get(`/api/v1/organizations/${team.body.id}/members?status=pending`);
    expect(pending.status).toBe(200);
    const approve = await leaderClient.post(`/api/v1/organizations/${team.body.id}/members/${pending.body.items[0].volunteerId}`, { decision: 'approve' });
    expect(approve.body.status).toBe('active');

    const otherTeam = await centerAdmin.post('/api/v1/organizations', { name: '别的队', category: 'science', siteId: station });
    expect((await leaderClient.get(`/api/v1/organizations/${otherTeam.body.id}/members`)).status).toBe(404);
  });

  it('shows a team leader a child’s (under 14) name masked, and the staff the whole name', async () => {
    const team = (await centerAdmin.post('/api/v1/organizations', { name: '庆南社区小小志愿者队', category: 'culture_arts', siteId: station })).body.id as number;
    const leaderAccount = await buildUser(server.ctx, { siteId: station, role: 'volunteer' });
    const leader = await buildVolunteer(server.ctx, { siteId: station, userId: leaderAccount.userId, phone: leaderAccount.phone, name: '赵队长' });
    await server.ctx.db.insertInto('memberships').values({ organization_id: team, volunteer_id: leader.id, status: 'active' }).execute();
    await centerAdmin.patch(`/api/v1/organizations/${team}`, { leaderVolunteerId: leader.id });
    const child = await buildVolunteer(server.ctx, {
      siteId: station, name: '李小明', idNumber: nextIdNumber({ birthYear: new Date().getFullYear() - 10 }),
      guardian: { name: '李父', phone: nextPhone(), consent: true as const },
    });
    const teen = await buildVolunteer(server.ctx, {
      siteId: station, name: '王小红', idNumber: nextIdNumber({ birthYear: new Date().getFullYear() - 16 }),
      guardian: { name: '王母', phone: nextPhone(), consent: true as const },
    });
    await server.ctx.db.insertInto('memberships').values([child.id, teen.id].map((id) => ({ organization_id: team, volunteer_id: id, status: 'pending' }))).execute();

    const names = async (client: TestClient) => {
      const page = await client.get(`/api/v1/organizations/${team}/members?status=pending`);
      expect(page.status).toBe(200);
      return Object.fromEntries(page.body.items.map((m: { volunteerId: number; name: string }) => [m.volunteerId, m.name]));
    };
    const leaderClient = await server.signIn(leaderAccount.phone, leaderAccount.password);
    expect(await names(leaderClient)).toEqual({ [child.id]: '李**', [teen.id]: '王小红' });
    expect(await names(stationAdmin)).toEqual({ [child.id]: '李小明', [teen.id]: '王小红' });
  });

  it('filters by size bucket', async () => {
    const big = await centerAdmin.post('/api/v1/organizations', { name: '台安县志愿服务总队', category: 'assistance', siteId: await site('210321000000', 'center') });
    await server.ctx.db.updateTable('organizations').set({ member_count: 35 }).where('id', '=', big.body.id).execute();
    const thirtyPlus = await centerAdmin.get('/api/v1/organizations?size=30-99');
    expect(thirtyPlus.body.items.map((o: { id: number }) => o.id)).toEqual([big.body.id]);
    expect(thirtyPlus.body.items[0].sizeBucket).toBe('30-99');
  });

  it('takes no rejected or suspended volunteer: neither joining, let in, nor leader', async () => {
    const team = (await centerAdmin.post('/api/v1/organizations', { name: '庆南社区助残队', category: 'assistance', siteId: station })).body.id as number;
    const setStatus = (volunteerId: number, status: string) => server.ctx.db.updateTable('volunteers').set({ status }).where('id', '=', volunteerId).execute();
    const account = await buildUser(server.ctx, { siteId: station, role: 'volunteer' });
    const rejected = await buildVolunteer(server.ctx, { siteId: station, userId: account.userId, phone: account.phone });
    await setStatus(rejected.id, 'rejected');
    const refused = await (await server.signIn(account.phone, account.password)).post(`/api/v1/organizations/${team}/join`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('您的志愿者注册未通过审核或已被暂停，暂不能加入队伍，请联系所在实践站');

    // Suspended after asking: the request cannot be approved.
    const member = await buildVolunteer(server.ctx, { siteId: station });
    await server.ctx.db.insertInto('memberships').values({ organization_id: team, volunteer_id: member.id, status: 'pending' }).execute();
    await setStatus(member.id, 'suspended');
    const letIn = await centerAdmin.post(`/api/v1/organizations/${team}/members/${member.id}`, { decision: 'approve' });
    expect(letIn.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'volunteerId', message: '该志愿者的注册未通过审核或已被暂停，不能加入队伍或担任队长' });

    // Suspended while a member: still a member until removed, but never the leader.
    await setStatus(member.id, 'active');
    expect((await centerAdmin.post(`/api/v1/organizations/${team}/members/${member.id}`, { decision: 'approve' })).status).toBe(200);
    await setStatus(member.id, 'suspended');
    const leader = await centerAdmin.patch(`/api/v1/organizations/${team}`, { leaderVolunteerId: member.id });
    expect(leader.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'leaderVolunteerId' });
    expect((await centerAdmin.get(`/api/v1/organizations/${team}`)).body.leader).toBeNull();
  });

  it('is joined only by registered volunteers', async () => {
    const team = await centerAdmin.post('/api/v1/organizations', { name: '只收志愿者的队', category: 'science', siteId: station });
    const resident = await server.signIn('13800000006', DEMO_PASSWORD);
    const response = await resident.post(`/api/v1/organizations/${team.body.id}/join`);
    expect(response.status).toBe(403);
  });
});
