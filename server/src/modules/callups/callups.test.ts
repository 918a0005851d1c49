import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../../test/env.ts';
import { createTestServer, type TestClient, type TestServer } from '../../../../test/harness.ts';
import { recounts } from '../../../../test/invariants.ts';
import { maskPhone } from '../../lib/pii.ts';
import { recentSms } from '../../lib/sms.ts';
import { buildUser, buildVolunteer, nextIdNumber, nextPhone } from '../../seed/factories.ts';
import { deliverPendingSms } from '../inbox/outbox.ts';
import { fanOutBatch, runFanOut } from './service.ts';

let server: TestServer;
let station: number;
let otherCounty: number;
let otherStation: number;
let centerAdmin: TestClient;

/** A volunteer with an account; `age` makes a minor (registered with a guardian's consent). */
async function volunteer(siteId: number, options: { reserve: boolean; skills?: string[]; age?: number }) {
  const account = await buildUser(server.ctx, { siteId, role: 'volunteer' });
  const minor = options.age !== undefined && {
    idNumber: nextIdNumber({ birthYear: new Date().getFullYear() - options.age }), guardian: { name: '监护人', phone: nextPhone(), consent: true as const },
  };
  const made = await buildVolunteer(server.ctx, {
    siteId, userId: account.userId, phone: account.phone, emergencyReserve: options.reserve, ...(options.skills && { skills: options.skills }), ...minor,
  });
  return { id: made.id, userId: account.userId, client: await server.signIn(account.phone, account.password) };
}

/** A volunteer staff imported, without an app account (SMS told them to call their station). */
const accountless = (siteId: number, skills: string[]) => buildVolunteer(server.ctx, { siteId, emergencyReserve: true, skills });

/** A station admin of a site, signed in. */
async function staffOf(siteId: number) {
  const account = await buildUser(server.ctx, { siteId, role: 'station_admin' });
  return { userId: account.userId, client: await server.signIn(account.phone, account.password) };
}

type Board = { posts: { assigned: number; responders: { volunteerId: number }[] }[]; standby: { volunteerId: number }[] };
/** Each post's places taken and who holds them, then who stands by. */
const places = (board: Board) => [...board.posts.map((p) => [p.assigned, p.responders.map((r) => r.volunteerId)]), board.standby.map((r) => r.volunteerId)];

/** The call-up counters equal their rows. */
async function expectCountsHold() {
  for (const what of ['call-up answers', 'call-up posts'] as const) expect((await recounts[what].execute(server.ctx.db)).rows).toEqual([]);
}

const alerted = async (callupId: number) => new Set((await server.ctx.db.selectFrom('notifications').select('user_id')
  .where('kind', '=', 'callup').where('link', '=', `/m/callups/${callupId}`).execute()).map((row) => row.user_id));

beforeAll(async () => {
  server = await createTestServer();
  const site = async (code: string, kind: string) => (await server.ctx.db.selectFrom('sites').select('id').where('region_code', '=', code).where('kind', '=', kind).executeTakeFirstOrThrow()).id;
  station = await site('210321001021', 'station');
  otherCounty = await site('210323001000', 'institute');
  otherStation = (await server.ctx.db.selectFrom('sites').select('id').where('kind', '=', 'station').where('region_code', 'like', '210321%')
    .where('region_code', '<>', '210321001021').orderBy('region_code').limit(1).executeTakeFirstOrThrow()).id;
  centerAdmin = await server.signIn('13800000001', DEMO_PASSWORD);
});
afterAll(() => server?.close());

describe('emergency mobilization', () => {
  it('alerts exactly the matching volunteers, in batches, once each', async () => {
    const reserveMedics = await Promise.all(Array.from({ length: 7 }, () => volunteer(station, { reserve: true, skills: ['急救'] })));
    const reserveOthers = await volunteer(station, { reserve: true, skills: ['书法'] });
    const notReserve = await volunteer(station, { reserve: false, skills: ['急救'] });
    const elsewhere = await volunteer(otherCounty, { reserve: true, skills: ['急救'] });
    const callup = await centerAdmin.post('/api/v1/callups', {
      title: '防汛抢险', areaPrefix: '210321', skills: ['急救'], headcount: 5, reserveOnly: true,
      posts: [{ name: '庆南社区卡点', capacity: 3 }, { name: '八角台街道卫生院', capacity: 2 }],
    });
    expect(callup.body).toMatchObject({ status: 'fanning_out', notified: 0 });
    expect(await fanOutBatch(server.ctx, 3)).toBe(3);
    expect(await fanOutBatch(server.ctx, 3)).toBe(3);
    expect(await runFanOut(server.ctx)).toBe(1);
    const board = await centerAdmin.get(`/api/v1/callups/${callup.body.id}`);
    expect(board.body).toMatchObject({ status: 'open', notified: 7 });
    const reached = await alerted(callup.body.id);
    expect(reached).toEqual(new Set(reserveMedics.map((v) => v.userId)));
    for (const outside of [reserveOthers, notReserve, elsewhere]) {
      expect(reached.has(outside.userId)).toBe(false);
      expect((await outside.client.post(`/api/v1/callups/${callup.body.id}/respond`, { decision: 'accept' })).status).toBe(404);
    }
    expect((await reserveMedics[0]!.client.get('/api/v1/callups/mine')).body.items.map((c: { id: number }) => c.id)).toContain(callup.body.id);
  });

  it('never overfills a post under concurrent accepts; the rest stand by; stand-down thanks them', async () => {
    const crowd = await Promise.all(Array.from({ length: 8 }, () => volunteer(station, { reserve: true })));
    const callup = await centerAdmin.post('/api/v1/callups', {
      title: '疫情防控', areaPrefix: '210321001021', headcount: 5, reserveOnly: true, posts: [{ name: '核酸采样点', capacity: 3 }, { name: '物资配送', capacity: 2 }],
    });
    await runFanOut(server.ctx);
    const answers = await Promise.all(crowd.map((v) => v.client.post(`/api/v1/callups/${callup.body.id}/respond`, { decision: 'accept' })));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    const board = (await centerAdmin.get(`/api/v1/callups/${callup.body.id}`)).body;
    expect(board.posts.map((p: { assigned: number; capacity: number; responders: unknown[] }) => [p.assigned, p.capacity, p.responders.length])).toEqual([[3, 3, 3], [2, 2, 2]]);
    expect(board.standby).toHaveLength(3);
    expect(board.accepted).toBe(8);
    expect((await crowd[0]!.client.post(`/api/v1/callups/${callup.body.id}/respond`, { decision: 'decline' })).status).toBe(409);
    const ended = await centerAdmin.post(`/api/v1/callups/${callup.body.id}/stand-down`);
    expect(ended.body.status).toBe('stood_down');
    expect((await crowd[1]!.client.get('/api/v1/inbox')).body.items[0].kind).toBe('callup_stood_down');
  });

  it('never reaches a minor, even a call-up open to all or a reserve flag set in the past', async () => {
    const adult = await volunteer(station, { reserve: false });
    const teen = await volunteer(station, { reserve: false, age: 16 });
    const child = await volunteer(station, { reserve: false, age: 10 });
    // A minor in the reserve from before the rule (registration now refuses it).
    const reserveTeen = await volunteer(station, { reserve: false, age: 17 });
    await server.ctx.db.updateTable('volunteers').set({ emergency_reserve: true }).where('id', '=', reserveTeen.id).execute();
    const reserveAdult = await volunteer(station, { reserve: true });

    const open = await centerAdmin.post('/api/v1/callups', { title: '社区排涝', areaPrefix: '210321001021', headcount: 3, reserveOnly: false, posts: [{ name: '排涝点', capacity: 3 }] });
    const reserve = await centerAdmin.post('/api/v1/callups', { title: '防汛值守', areaPrefix: '210321001021', headcount: 3, reserveOnly: true, posts: [{ name: '值守点', capacity: 3 }] });
    await runFanOut(server.ctx);
    const [openReached, reserveReached] = [await alerted(open.body.id), await alerted(reserve.body.id)];
    expect(openReached.has(adult.userId)).toBe(true);
    expect(reserveReached.has(reserveAdult.userId)).toBe(true);
    for (const minor of [teen, child, reserveTeen]) {
      expect(openReached.has(minor.userId)).toBe(false);
      expect(reserveReached.has(minor.userId)).toBe(false);
      expect((await minor.client.get('/api/v1/callups/mine')).body.items).toEqual([]);
      expect((await minor.client.post(`/api/v1/callups/${open.body.id}/respond`, { decision: 'accept' })).status).toBe(404);
    }
  });

  it('texts volunteers without an account too, once each even when a batch runs again', async () => {
    const withAccount = await volunteer(station, { reserve: true, skills: ['危机干预'] });
    const phone = nextPhone();
    const noAccount = await buildVolunteer(server.ctx, { siteId: station, phone, emergencyReserve: true, skills: ['危机干预'] });
    const quiet = await centerAdmin.post('/api/v1/callups', { title: '心理援助', areaPrefix: '210321001021', skills: ['危机干预'], headcount: 2, posts: [{ name: '安置点', capacity: 2 }] });
    const texted = await centerAdmin.post('/api/v1/callups', {
      title: '安置点心理援助', areaPrefix: '210321001021', skills: ['危机干预'], headcount: 2, sendSms: true, posts: [{ name: '安置点', capacity: 2 }],
    });
    await runFanOut(server.ctx);
    // The batch runs again from the start, as after a cursor lost.
    await server.ctx.db.updateTable('callups').set({ status: 'fanning_out', fanout_region: '', fanout_id: 0, notified: 0 }).where('id', '=', texted.body.id).execute();
    await runFanOut(server.ctx);
    await deliverPendingSms(server.ctx);

    const toNoAccount = recentSms().filter((sms) => sms.phoneMasked === maskPhone(phone));
    expect(toNoAccount.map((sms) => sms.text)).toEqual(['【连心桥】应急动员：安置点心理援助，请与所在志愿服务站联系报到。']);
    const keys = await server.ctx.db.selectFrom('sms_outbox').select(['dedupe_key', 'sent_at']).where('dedupe_key', 'like', `callup:${texted.body.id}:%`).execute();
    expect(keys.map((k) => k.dedupe_key).sort()).toEqual([`callup:${texted.body.id}:volunteer:${noAccount.id}`, `callup:${texted.body.id}:volunteer:${withAccount.id}`].sort());
    expect(keys.every((k) => k.sent_at !== null)).toBe(true);
    expect((await centerAdmin.get(`/api/v1/callups/${texted.body.id}`)).body.notified).toBe(2); // the inbox and SMS alike
    expect(await alerted(texted.body.id)).toContain(withAccount.userId);
    // Without SMS, only volunteers with an account can be reached.
    expect((await centerAdmin.get(`/api/v1/callups/${quiet.body.id}`)).body.notified).toBe(1);
    expect(await alerted(quiet.body.id)).toEqual(new Set([withAccount.userId]));
  });

  it('lets a responder withdraw, the first one standing by taking the place, and staff move responders without overfilling a post', async () => {
    const [first, second, third] = await Promise.all(Array.from({ length: 3 }, () => volunteer(station, { reserve: true, skills: ['搬运'] })));
    const callup = await centerAdmin.post('/api/v1/callups', {
      title: '物资转运', areaPrefix: '210321001021', skills: ['搬运'], headcount: 2, posts: [{ name: '一号仓库', capacity: 1 }, { name: '二号仓库', capacity: 1 }],
    });
    const id = callup.body.id as number;
    const [warehouse1, warehouse2] = (callup.body.posts as { id: number }[]).map((p) => p.id);
    await runFanOut(server.ctx);
    for (const [v, postId] of [[first!, warehouse1], [second!, warehouse2], [third!, undefined]] as const) {
      await v.client.post(`/api/v1/callups/${id}/respond`, { decision: 'accept', ...(postId && { postId }) });
    }
    expect(places((await centerAdmin.get(`/api/v1/callups/${id}`)).body)).toEqual([[1, [first!.id]], [1, [second!.id]], [third!.id]]);

    // Both posts are full: a move there is refused, and nothing changes.
    const refused = await centerAdmin.post(`/api/v1/callups/${id}/move`, { volunteerId: third!.id, postId: warehouse1 });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe('这个岗位已满');

    // 我不能去了: the place goes to the one standing by, who is told where to go.
    const withdrawn = await first!.client.post(`/api/v1/callups/${id}/withdraw`);
    expect(withdrawn.body).toEqual({ callupId: id, status: 'declined', postId: null });
    expect((await first!.client.post(`/api/v1/callups/${id}/withdraw`)).status).toBe(409);
    let board = (await centerAdmin.get(`/api/v1/callups/${id}`)).body;
    expect(places(board)).toEqual([[1, [third!.id]], [1, [second!.id]], []]);
    expect(board).toMatchObject({ accepted: 2, declined: 1 });
    expect((await third!.client.get('/api/v1/inbox')).body.items[0]).toMatchObject({ kind: 'callup_promoted', body: '有岗位空出，您已从待命转到“一号仓库”，请尽快到岗位报到。' });

    // Nobody stands by now: a place left stays open.
    board = (await centerAdmin.post(`/api/v1/callups/${id}/move`, { volunteerId: second!.id, postId: null })).body;
    expect(places(board)).toEqual([[1, [third!.id]], [0, []], [second!.id]]);
    expect((await second!.client.get('/api/v1/inbox')).body.items[0]).toMatchObject({ kind: 'callup_moved', body: '您已转为待命，请等候安排。' });
    board = (await centerAdmin.post(`/api/v1/callups/${id}/move`, { volunteerId: third!.id, postId: warehouse2 })).body;
    expect(places(board)).toEqual([[1, [second!.id]], [1, [third!.id]], []]);
    expect((await third!.client.get('/api/v1/inbox')).body.items[0]).toMatchObject({ kind: 'callup_moved', body: '您的岗位已调整为“二号仓库”。' });
    expect((await second!.client.get('/api/v1/inbox')).body.items[0]).toMatchObject({ kind: 'callup_promoted', body: '有岗位空出，您已从待命转到“一号仓库”，请尽快到岗位报到。' });
    expect((await centerAdmin.post(`/api/v1/callups/${id}/move`, { volunteerId: first!.id, postId: warehouse2 })).status).toBe(404); // withdrew
    await expectCountsHold();
  });

  it('staff record the answer of a volunteer without the app, placed as their own would be, audited and on the board', async () => {
    const [stationAdmin, outsider] = await Promise.all([staffOf(station), staffOf(otherStation)]);
    const [walkIn, lateWalkIn, notComing] = await Promise.all([accountless(station, ['救生']), accountless(station, ['救生']), accountless(station, ['救生'])]);
    const withApp = await volunteer(station, { reserve: true, skills: ['救生'] });
    const notTargeted = await accountless(station, ['书法']);
    const callup = await centerAdmin.post('/api/v1/callups', { title: '水库巡查', areaPrefix: '210321001021', skills: ['救生'], headcount: 1, posts: [{ name: '大坝', address: '红旗水库', capacity: 1 }] });
    const id = callup.body.id as number;
    const url = `/api/v1/callups/${id}/answers`;

    const recorded = await stationAdmin.client.post(url, { volunteerId: walkIn.id, decision: 'accept' }, { 'idempotency-key': `callup-${id}-${walkIn.id}` });
    expect(recorded.status).toBe(200);
    expect(places(recorded.body)).toEqual([[1, [walkIn.id]], []]);
    // A retry of the same request changes nothing; a second answer is refused.
    const retried = await stationAdmin.client.post(url, { volunteerId: walkIn.id, decision: 'accept' }, { 'idempotency-key': `callup-${id}-${walkIn.id}` });
    expect(retried.body).toEqual(recorded.body);
    const again = await stationAdmin.client.post(url, { volunteerId: walkIn.id, decision: 'decline' });
    expect([again.status, again.body.error.message]).toEqual([409, '这位志愿者已回复过这次动员']);

    // The post is full: the next one stands by, as their own accept would have; a decline counts as one.
    expect(places((await centerAdmin.post(url, { volunteerId: lateWalkIn.id, decision: 'accept' })).body)).toEqual([[1, [walkIn.id]], [lateWalkIn.id]]);
    const board = (await stationAdmin.client.post(url, { volunteerId: notComing.id, decision: 'decline' })).body;
    expect(board).toMatchObject({ accepted: 2, declined: 1 });
    expect(board.posts[0].responders[0]).toMatchObject({ volunteerId: walkIn.id, name: '测****' });

    // Someone with the app is told what staff recorded for them.
    await stationAdmin.client.post(url, { volunteerId: withApp.id, decision: 'decline' });
    expect((await withApp.client.get('/api/v1/inbox')).body.items[0]).toMatchObject({ kind: 'callup_recorded', body: '工作人员已为您登记：这次不能参加。' });

    const audit = await server.ctx.db.selectFrom('audit_log').select(['actor_id', 'details']).where('action', '=', 'callup_answer_record').where('subject', '=', `volunteer:${walkIn.id}`).execute();
    expect(audit).toEqual([{ actor_id: stationAdmin.userId, details: { callupId: id, status: 'accepted', postId: callup.body.posts[0].id } }]);

    // Only volunteers the call-up targets, and only by staff of its area.
    const refused = await stationAdmin.client.post(url, { volunteerId: notTargeted.id, decision: 'accept' });
    expect([refused.status, refused.body.error.field, refused.body.error.message]).toEqual([400, 'volunteerId', '这位志愿者不在这次动员的对象范围内']);
    expect((await outsider.client.post(url, { volunteerId: notTargeted.id, decision: 'accept' })).status).toBe(404);
    expect((await outsider.client.get(`/api/v1/callups/${id}`)).status).toBe(404);
    expect((await withApp.client.post(url, { volunteerId: notTargeted.id, decision: 'accept' })).status).toBe(403);
    expect((await centerAdmin.get(`/api/v1/callups/${id}`)).body).toMatchObject({ accepted: 2, declined: 2 });
    await expectCountsHold();
  });

  it('never overfills a post when staff record answers at once, nor takes two answers from one volunteer', async () => {
    const stationAdmin = await staffOf(station);
    const crowd = await Promise.all(Array.from({ length: 8 }, () => accountless(station, ['供水'])));
    const self = await volunteer(station, { reserve: true, skills: ['供水'] });
    const callup = await centerAdmin.post('/api/v1/callups', {
      title: '应急供水', areaPrefix: '210321001021', skills: ['供水'], headcount: 5, posts: [{ name: '一号供水点', capacity: 3 }, { name: '二号供水点', capacity: 2 }],
    });
    const url = `/api/v1/callups/${callup.body.id}/answers`;
    const answers = await Promise.all([
      ...crowd.map((v, i) => (i % 2 ? centerAdmin : stationAdmin.client).post(url, { volunteerId: v.id, decision: 'accept' })),
      // The same volunteer, answered by staff and on their own phone at once.
      stationAdmin.client.post(url, { volunteerId: self.id, decision: 'accept' }),
      self.client.post(`/api/v1/callups/${callup.body.id}/respond`, { decision: 'accept' }),
    ]);
    expect(answers.slice(0, 8).every((a) => a.status === 200)).toBe(true);
    expect(answers.slice(8).map((a) => a.status).sort()).toEqual([200, 409]);
    const board = (await centerAdmin.get(`/api/v1/callups/${callup.body.id}`)).body;
    expect(board.posts.map((p: { assigned: number; capacity: number; responders: unknown[] }) => [p.assigned, p.capacity, p.responders.length])).toEqual([[3, 3, 3], [2, 2, 2]]);
    expect(board.standby).toHaveLength(4);
    expect(board.accepted).toBe(9);
    await expectCountsHold();
  });

  it('gives a place left to the first one standing by, told in the inbox or, without the app, by SMS', async () => {
    const stationAdmin = await staffOf(station);
    const onPost = await volunteer(station, { reserve: true, skills: ['架桥'] });
    const phone = nextPhone();
    const waitingFirst = await buildVolunteer(server.ctx, { siteId: station, phone, emergencyReserve: true, skills: ['架桥'] });
    const waitingNext = await volunteer(station, { reserve: true, skills: ['架桥'] });
    const callup = await centerAdmin.post('/api/v1/callups', {
      title: '便桥抢修', areaPrefix: '210321001021', skills: ['架桥'], headcount: 1, sendSms: true, posts: [{ name: '东河便桥', address: '东河村口', capacity: 1 }],
    });
    const id = callup.body.id as number;
    const [bridge] = (callup.body.posts as { id: number }[]).map((p) => p.id);
    await onPost.client.post(`/api/v1/callups/${id}/respond`, { decision: 'accept' });
    await stationAdmin.client.post(`/api/v1/callups/${id}/answers`, { volunteerId: waitingFirst.id, decision: 'accept' });
    await waitingNext.client.post(`/api/v1/callups/${id}/respond`, { decision: 'accept' });
    expect(places((await centerAdmin.get(`/api/v1/callups/${id}`)).body)).toEqual([[1, [onPost.id]], [waitingFirst.id, waitingNext.id]]);

    // The first to stand by has no app: the SMS tells them.
    await onPost.client.post(`/api/v1/callups/${id}/withdraw`);
    expect(places((await centerAdmin.get(`/api/v1/callups/${id}`)).body)).toEqual([[1, [waitingFirst.id]], [waitingNext.id]]);
    await deliverPendingSms(server.ctx);
    expect(recentSms().filter((sms) => sms.phoneMasked === maskPhone(phone)).map((sms) => sms.text))
      .toEqual(['【连心桥】应急动员：便桥抢修：有岗位空出，您已从待命转到“东河便桥”（东河村口），请尽快到岗位报到。']);

    // Moved off the post, they stand by again; the next in line takes it, told in the inbox.
    const board = (await centerAdmin.post(`/api/v1/callups/${id}/move`, { volunteerId: waitingFirst.id, postId: null })).body;
    expect(places(board)).toEqual([[1, [waitingNext.id]], [waitingFirst.id]]);
    expect((await waitingNext.client.get('/api/v1/inbox')).body.items[0]).toMatchObject({
      kind: 'callup_promoted', body: '有岗位空出，您已从待命转到“东河便桥”（东河村口），请尽快到岗位报到。', link: `/m/callups/${id}`,
    });
    expect((await waitingNext.client.get('/api/v1/callups/mine')).body.items.find((c: { id: number }) => c.id === id)).toMatchObject({ myAnswer: 'accepted', myPostId: bridge });
    await expectCountsHold();
  });

  it('stays inside the caller’s area', async () => {
    const outside = await centerAdmin.post('/api/v1/callups', { title: '越界动员', areaPrefix: '210323', headcount: 1, posts: [{ name: 'x', capacity: 1 }] });
    expect(outside.status).toBe(404);
  });
});
