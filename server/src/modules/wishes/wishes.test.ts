import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../../test/env.ts';
import { createTestServer, type TestClient, type TestServer } from '../../../../test/harness.ts';
import { chinaDayFrom } from '../../lib/id-number.ts';
import { recentSms } from '../../lib/sms.ts';
import { deliverPendingSms } from '../inbox/outbox.ts';
import { actorFor, buildOrganization, buildUser, buildVolunteer } from '../../seed/factories.ts';
import { recountCampaign, releaseOverdueClaims } from './service.ts';

let server: TestServer;
let station: number;
let stationAdmin: TestClient;
let resident: TestClient;
let centerAdmin: TestClient;
let campaignId: number;

const site = async (regionCode: string, kind: string) =>
  (await server.ctx.db.selectFrom('sites').select('id').where('region_code', '=', regionCode).where('kind', '=', kind).executeTakeFirstOrThrow()).id;

async function volunteerClient() {
  const account = await buildUser(server.ctx, { siteId: station, role: 'volunteer' });
  const made = await buildVolunteer(server.ctx, { siteId: station, userId: account.userId, phone: account.phone });
  return { id: made.id, client: await server.signIn(account.phone, account.password) };
}

const wish = (overrides: Record<string, unknown> = {}) => ({
  title: '想要一个新书包', story: '孩子上三年级了，书包已经破了，想要一个新书包上学用。', category: 'study', beneficiaryGroup: 'left_behind_child',
  beneficiaryName: '李小明', beneficiaryPhone: '13912345678', estimatedValueYuan: 120, siteId: station, campaignId, ...overrides,
});

async function published(overrides: Record<string, unknown> = {}) {
  const posted = await resident.post('/api/v1/wishes', wish(overrides));
  expect(posted.status).toBe(201);
  const approved = await stationAdmin.post(`/api/v1/wishes/${posted.body.id}/review`, { decision: 'approve' });
  expect(approved.body.status).toBe('published');
  return posted.body.id as number;
}

beforeAll(async () => {
  server = await createTestServer();
  station = await site('210321001021', 'station');
  stationAdmin = await server.signIn('13800000003', DEMO_PASSWORD);
  resident = await server.signIn('13800000006', DEMO_PASSWORD);
  centerAdmin = await server.signIn('13800000001', DEMO_PASSWORD);
  // Running now, whatever the date the tests run on.
  const campaign = await centerAdmin.post('/api/v1/campaigns', {
    name: '百万志愿者圆百万微心愿·台安', regionCode: '210321000000', startsOn: chinaDayFrom(-30), endsOn: chinaDayFrom(300), valueCapYuan: 300,
  });
  campaignId = campaign.body.id;
});
afterAll(() => server?.close());

describe('micro-wishes', () => {
  it('go from the resident through review onto the wall with the beneficiary masked', async () => {
    const posted = await resident.post('/api/v1/wishes', wish());
    expect(posted.body).toMatchObject({ status: 'submitted', beneficiaryName: '李小明', campaign: { id: campaignId } });
    expect((await server.client().get(`/api/v1/wishes/${posted.body.id}`)).status).toBe(404);
    const onWall = async () => (await server.client().get('/api/v1/wishes/wall?under=210321')).body.items.map((w: { id: number }) => w.id);
    expect(await onWall()).not.toContain(posted.body.id);
    // The wall just read is kept a moment; the approval forgets it.
    await stationAdmin.post(`/api/v1/wishes/${posted.body.id}/review`, { decision: 'approve' });
    expect(await onWall()).toContain(posted.body.id);
    const wall = await server.client().get('/api/v1/wishes/wall?under=210321');
    const shown = wall.body.items.find((w: { id: number }) => w.id === posted.body.id);
    expect(shown).toMatchObject({ status: 'published', beneficiaryName: '李**', beneficiaryPhone: '139****5678' });
    expect(JSON.stringify(wall.body)).not.toContain('李小明');
    expect(JSON.stringify(wall.body)).not.toContain('13912345678');
  });

  it('point out likely duplicates and merge one', async () => {
    const first = await published({ beneficiaryName: '王奶奶', title: '想请人陪我去医院', story: '腿脚不便，想请志愿者陪我去医院复查。', category: 'company', beneficiaryGroup: 'elderly_alone' });
    const again = await resident.post('/api/v1/wishes', wish({ beneficiaryName: '王奶奶', title: '请人陪去医院', story: '腿脚不便，想请志愿者陪我去医院复查', category: 'company', beneficiaryGroup: 'elderly_alone' }));
    const duplicates = await stationAdmin.get(`/api/v1/wishes/${again.body.id}/duplicates`);
    expect(duplicates.body.items[0]).toMatchObject({ wish: { id: first }, sameBeneficiary: true });
    expect(duplicates.body.items[0].similarity).toBeGreaterThan(0.8);
    const merged = await stationAdmin.post(`/api/v1/wishes/${again.body.id}/review`, { decision: 'merge', mergeIntoId: first });
    expect(merged.body).toMatchObject({ status: 'merged', mergedIntoId: first });
  });

  it('refuse illegal moves with 409 and the current state', async () => {
    const id = await published();
    const again = await stationAdmin.post(`/api/v1/wishes/${id}/review`, { decision: 'approve' });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'INVALID_TRANSITION', field: 'status', message: '当前状态为“published”，不能执行此操作' });
    expect((await resident.post(`/api/v1/wishes/${id}/confirm`)).body.error.code).toBe('INVALID_TRANSITION');
    const rejected = await resident.post('/api/v1/wishes', wish());
    expect((await stationAdmin.post(`/api/v1/wishes/${rejected.body.id}/review`, { decision: 'reject' })).body.error.field).toBe('reason');
  });

  it('have exactly one claimer when many press at once', async () => {
    const id = await published();
    const crowd = await Promise.all(Array.from({ length: 8 }, () => volunteerClient()));
    const answers = await Promise.all(crowd.map((v) => v.client.post(`/api/v1/wishes/${id}/claim`, { as: 'volunteer' })));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.error.code === 'INVALID_TRANSITION')).toBe(true);
    expect(answers.find((a) => a.status === 409)?.body.error.message).toBe('这个心愿刚刚被别人认领了，请看看其他心愿');
    const events = await server.ctx.db.selectFrom('workflow_events').select('to_status').where('subject', '=', 'wish').where('subject_id', '=', id).execute();
    expect(events.filter((e) => e.to_status === 'claimed')).toHaveLength(1);
  });

  it('are fulfilled by the claimer (hours in the ledger), confirmed by the resident, and counted', async () => {
    const before = (await server.client().get(`/api/v1/campaigns/${campaignId}`)).body;
    const id = await published();
    const v = await volunteerClient();
    const claimed = await v.client.post(`/api/v1/wishes/${id}/claim`, { as: 'volunteer', days: 3 });
    expect(claimed.body.beneficiaryName).toBe('李小明'); // the claimer serves the beneficiary
    await deliverPendingSms(server.ctx); // texts leave after commit
    expect(recentSms().at(-1)?.text).toContain('已被认领');
    const stranger = await volunteerClient();
    expect((await stranger.client.post(`/api/v1/wishes/${id}/fulfil`, { note: '不是我认领的' })).status).toBe(404);
    const fulfilled = await v.client.post(`/api/v1/wishes/${id}/fulfil`, { note: '书包已送到孩子手中', minutes: 90 });
    expect(fulfilled.body.status).toBe('fulfilled');
    const entry = await server.ctx.db.selectFrom('service_hours').select(['minutes', 'source']).where('volunteer_id', '=', v.id).executeTakeFirstOrThrow();
    expect(entry).toEqual({ minutes: 90, source: 'wish' });
    expect((await resident.post(`/api/v1/wishes/${id}/confirm`)).body.status).toBe('confirmed');
    const after = (await server.client().get(`/api/v1/campaigns/${campaignId}`)).body;
    expect(after.collected - before.collected).toBe(1);
    expect(after.fulfilled - before.fulfilled).toBe(1);
    expect(await recountCampaign(server.ctx, campaignId)).toEqual({ collected: after.collected, fulfilled: after.fulfilled });
    expect((await resident.get(`/api/v1/wishes/${id}`)).body.timeline.map((e: { to: string }) => e.to)).toEqual(['submitted', 'published', 'claimed', 'fulfilled', 'confirmed']);
  });

  it('keep the campaign’s value cap', async () => {
    const response = await resident.post('/api/v1/wishes', wish({ estimatedValueYuan: 800 }));
    expect(response.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'estimatedValueYuan' });
  });

  it('release claims past their deadline back to the wall, flagged, with a controllable clock', async () => {
    const id = await published();
    const v = await volunteerClient();
    await v.client.post(`/api/v1/wishes/${id}/claim`, { as: 'volunteer', days: 2 });
    expect(await releaseOverdueClaims(server.ctx, new Date(Date.now() + 24 * 3600_000))).toBe(0);
    expect(await releaseOverdueClaims(server.ctx, new Date(Date.now() + 3 * 24 * 3600_000))).toBe(1);
    const after = await stationAdmin.get(`/api/v1/wishes/${id}`);
    expect(after.body).toMatchObject({ status: 'published', overdue: true, claimer: null });
    expect((await v.client.get('/api/v1/inbox')).body.items[0].kind).toBe('wish_overdue');
    expect((await stationAdmin.get('/api/v1/wishes?overdue=true')).body.items.map((w: { id: number }) => w.id)).toContain(id);
  });

  it('stay inside the area for staff', async () => {
    const id = await published();
    const neighbour = await buildUser(server.ctx, { siteId: await site('210321001022', 'station'), role: 'station_admin' });
    const other = await server.signIn(neighbour.phone, neighbour.password);
    expect((await other.post(`/api/v1/wishes/${id}/review`, { decision: 'approve' })).status).toBe(404);
    expect((await other.get(`/api/v1/wishes/${id}`)).body.beneficiaryName).toBe('李**');
  });
});

describe('campaign counts', () => {
  const counts = async () => {
    const { collected, fulfilled } = (await server.client().get(`/api/v1/campaigns/${campaignId}`)).body;
    return { collected, fulfilled };
  };

  it('go down when a published wish is withdrawn, and stay equal to a recount', async () => {
    const before = await counts();
    const id = await published();
    expect(await counts()).toEqual({ ...before, collected: before.collected + 1 });
    expect((await resident.post(`/api/v1/wishes/${id}/withdraw`)).body.status).toBe('withdrawn');
    expect(await counts()).toEqual(before);
    expect(await recountCampaign(server.ctx, campaignId)).toEqual(before);
  });

  it('take no wish into a campaign that has ended or not yet started', async () => {
    const dated = async (name: string, startsOn: string, endsOn: string) =>
      (await centerAdmin.post('/api/v1/campaigns', { name, regionCode: '210321000000', startsOn, endsOn })).body.id as number;
    const ended = await dated('已结束的微心愿活动', chinaDayFrom(-60), chinaDayFrom(-1));
    const later = await dated('尚未开始的微心愿活动', chinaDayFrom(1), chinaDayFrom(60));
    const late = await resident.post('/api/v1/wishes', wish({ campaignId: ended }));
    expect(late.status).toBe(400);
    expect(late.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'campaignId', message: '该微心愿活动已于 ' + chinaDayFrom(-1) + ' 结束，不再征集心愿' });
    const early = await resident.post('/api/v1/wishes', wish({ campaignId: later }));
    expect(early.status).toBe(400);
    expect(early.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'campaignId', message: '该微心愿活动 ' + chinaDayFrom(1) + ' 才开始征集心愿' });
    const onLastDay = await dated('今天结束的微心愿活动', chinaDayFrom(-10), chinaDayFrom(0));
    expect((await resident.post('/api/v1/wishes', wish({ campaignId: onLastDay }))).status).toBe(201);
  });
});

describe('fulfilling', () => {
  const stored = (volunteerId: number) => server.ctx.db.selectFrom('service_hours').select(['minutes', 'source']).where('volunteer_id', '=', volunteerId).execute();
  const otherCounty = async () => (await server.ctx.db.selectFrom('sites').select('id').where('kind', '=', 'station')
    .where('region_code', 'not like', '210321%').orderBy('id').executeTakeFirstOrThrow()).id;

  async function claimedByUnit() {
    const id = await published();
    expect((await stationAdmin.post(`/api/v1/wishes/${id}/claim`, { as: 'unit', unitName: '县供电公司' })).body.status).toBe('claimed');
    return id;
  }

  it('for a unit records hours only for active volunteers within the staff’s area', async () => {
    const id = await claimedByUnit();
    const far = await buildVolunteer(server.ctx, { siteId: await otherCounty() });
    const abroad = await stationAdmin.post(`/api/v1/wishes/${id}/fulfil`, { note: '已送到', participants: [{ volunteerId: far.id, minutes: 60 }] });
    expect(abroad.status).toBe(400);
    expect(abroad.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'participants' });
    const missing = await stationAdmin.post(`/api/v1/wishes/${id}/fulfil`, { note: '已送到', participants: [{ volunteerId: 99_999_999, minutes: 60 }] });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'participants' });
    const pending = await buildVolunteer(server.ctx, { siteId: station, status: 'pending' });
    const unapproved = await stationAdmin.post(`/api/v1/wishes/${id}/fulfil`, { note: '已送到', participants: [{ volunteerId: pending.id, minutes: 60 }] });
    expect(unapproved.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'participants' });
    // Nothing was written by the refusals.
    expect(await stored(far.id)).toEqual([]);
    expect((await stationAdmin.get(`/api/v1/wishes/${id}`)).body.status).toBe('claimed');
    const near = await buildVolunteer(server.ctx, { siteId: station });
    const done = await stationAdmin.post(`/api/v1/wishes/${id}/fulfil`, { note: '已送到', participants: [{ volunteerId: near.id, minutes: 60 }] });
    expect(done.body.status).toBe('fulfilled');
    expect(await stored(near.id)).toEqual([{ minutes: 60, source: 'wish' }]);
  });

  it('for a team records hours only for its active members in good standing', async () => {
    const centerActor = await actorFor(server.ctx, (await centerAdmin.get('/api/v1/auth/me')).body.user.id);
    const team = await buildOrganization(server.ctx, centerActor, { siteId: station, name: '心愿测试服务队' });
    const member = await buildVolunteer(server.ctx, { siteId: station });
    const suspended = await buildVolunteer(server.ctx, { siteId: station });
    await server.ctx.db.updateTable('volunteers').set({ status: 'suspended' }).where('id', '=', suspended.id).execute();
    await server.ctx.db.insertInto('memberships').values([member.id, suspended.id].map((volunteerId) => ({ organization_id: team.id, volunteer_id: volunteerId, status: 'active' }))).execute();
    const id = await published();
    expect((await stationAdmin.post(`/api/v1/wishes/${id}/claim`, { as: 'organization', organizationId: team.id })).body.status).toBe('claimed');
    const refused = await stationAdmin.post(`/api/v1/wishes/${id}/fulfil`, { note: '已送到', participants: [{ volunteerId: member.id, minutes: 30 }, { volunteerId: suspended.id, minutes: 30 }] });
    expect(refused.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'participants' });
    expect(await stored(member.id)).toEqual([]);
    const done = await stationAdmin.post(`/api/v1/wishes/${id}/fulfil`, { note: '已送到', participants: [{ volunteerId: member.id, minutes: 30 }] });
    expect(done.body.status).toBe('fulfilled');
    expect(await stored(member.id)).toEqual([{ minutes: 30, source: 'wish' }]);
  });

  it('shows only photos the fulfiller uploaded', async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c8102e' } }).png().toBuffer();
    const photo = { filename: 'photo.png', content: png, type: 'image/png' };
    const id = await published();
    const v = await volunteerClient();
    await v.client.post(`/api/v1/wishes/${id}/claim`, { as: 'volunteer' });
    const madeUp = await v.client.post(`/api/v1/wishes/${id}/fulfil`, { note: '书包已送到', minutes: 30, photos: ['7b0a8f3e-6c1d-4a57-9a3e-2f1d5c9e8b41'] });
    expect(madeUp.status).toBe(400);
    expect(madeUp.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'photos' });
    const someoneElses = (await resident.upload('/api/v1/files', {}, photo)).body.id as string;
    const borrowed = await v.client.post(`/api/v1/wishes/${id}/fulfil`, { note: '书包已送到', minutes: 30, photos: [someoneElses] });
    expect(borrowed.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'photos' });
    expect(await stored(v.id)).toEqual([]);
    const mine = (await v.client.upload('/api/v1/files', {}, photo)).body.id as string;
    const done = await v.client.post(`/api/v1/wishes/${id}/fulfil`, { note: '书包已送到', minutes: 30, photos: [mine] });
    expect(done.body).toMatchObject({ status: 'fulfilled', fulfilPhotos: [`/api/v1/files/${mine}`] });
  });
});

describe('messages', () => {
  let residentId: number;
  let adminId: number;
  let staff: number[];
  beforeAll(async () => {
    residentId = (await resident.get('/api/v1/auth/me')).body.user.id;
    adminId = (await stationAdmin.get('/api/v1/auth/me')).body.user.id;
    staff = (await server.ctx.db.selectFrom('grants').select('user_id').where('site_id', '=', station).where('role', 'like', '%_admin').execute()).map((g) => g.user_id);
    expect(staff).toContain(adminId);
  });

  /** Who was told what of one wish: staff are pointed to the console's wishes page, the others to the phone. */
  const told = (wishId: number, kind: string) => server.told(kind, [`/wishes?id=${wishId}`, `/m/wishes/${wishId}`]);
  const onConsole = (wishId: number, users: number[]) => users.map((user) => `${user} /wishes?id=${wishId}`);
  const onPhone = (wishId: number, users: number[]) => users.map((user) => `${user} /m/wishes/${wishId}`);
  const expected = (...lines: string[][]) => lines.flat().sort();
  const others = (userId: number) => staff.filter((id) => id !== userId);

  it('tell the station of a new wish, and the resident of the review', async () => {
    const posted = await resident.post('/api/v1/wishes', wish({ title: '想要一副老花镜' }));
    const id = posted.body.id as number;
    expect(await told(id, 'wish_new')).toEqual(expected(onConsole(id, staff)));
    const [message] = (await stationAdmin.get('/api/v1/inbox')).body.items;
    expect(message).toMatchObject({ kind: 'wish_new', title: '新的微心愿：想要一副老花镜', link: `/wishes?id=${id}`, read: false });
    await stationAdmin.post(`/api/v1/wishes/${id}/review`, { decision: 'reject', reason: '请写明度数' });
    expect(await told(id, 'wish_reject')).toEqual(expected(onPhone(id, [residentId])));
  });

  it('point the staff who posted for a resident to the console, and tell the other staff', async () => {
    const posted = await stationAdmin.post('/api/v1/wishes', wish({ title: '想要一台收音机' }));
    const id = posted.body.id as number;
    expect(await told(id, 'wish_new')).toEqual(expected(onConsole(id, others(adminId))));
    await stationAdmin.post(`/api/v1/wishes/${id}/review`, { decision: 'approve' });
    expect(await told(id, 'wish_approve')).toEqual(expected(onConsole(id, [adminId])));
    const v = await volunteerClient();
    await v.client.post(`/api/v1/wishes/${id}/claim`, { as: 'volunteer' });
    expect(await told(id, 'wish_claimed')).toEqual(expected(onConsole(id, [adminId])));
  });

  it('tell the resident and the station when a claimer gives a wish back, and the station when it is withdrawn', async () => {
    const id = await published({ title: '想要一个台灯' });
    const v = await volunteerClient();
    await v.client.post(`/api/v1/wishes/${id}/claim`, { as: 'volunteer' });
    expect((await v.client.post(`/api/v1/wishes/${id}/release`)).body.status).toBe('published');
    expect(await told(id, 'wish_released')).toEqual(expected(onPhone(id, [residentId]), onConsole(id, staff)));
    expect((await resident.post(`/api/v1/wishes/${id}/withdraw`)).body.status).toBe('withdrawn');
    expect(await told(id, 'wish_withdrawn')).toEqual(expected(onConsole(id, staff)));
  });

  it('tell the claimer, the resident and the station of an overdue claim', async () => {
    const id = await published({ title: '想要一双棉鞋' });
    const v = await volunteerClient();
    await v.client.post(`/api/v1/wishes/${id}/claim`, { as: 'volunteer', days: 1 });
    const claimerId = (await v.client.get('/api/v1/auth/me')).body.user.id;
    expect(await releaseOverdueClaims(server.ctx, new Date(Date.now() + 2 * 24 * 3600_000))).toBeGreaterThanOrEqual(1);
    expect(await told(id, 'wish_overdue')).toEqual(expected(onPhone(id, [claimerId, residentId]), onConsole(id, staff)));
  });

  it('thank a unit’s staff on the console when the resident confirms', async () => {
    const id = await published({ title: '想要一套字帖' });
    await stationAdmin.post(`/api/v1/wishes/${id}/claim`, { as: 'unit', unitName: '县图书馆' });
    await stationAdmin.post(`/api/v1/wishes/${id}/fulfil`, { note: '字帖已送到' });
    expect(await told(id, 'wish_fulfilled')).toEqual(expected(onPhone(id, [residentId])));
    expect((await resident.post(`/api/v1/wishes/${id}/confirm`)).body.status).toBe('confirmed');
    expect(await told(id, 'wish_confirmed')).toEqual(expected(onConsole(id, [adminId])));
  });
});
