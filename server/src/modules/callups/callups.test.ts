import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../../test/env.ts';
import { createTestServer, type TestClient, type TestServer } from '../../../../test/harness.ts';
import { buildUser, buildVolunteer, nextIdNumber, nextPhone } from '../../seed/factories.ts';
import { fanOutBatch, runFanOut } from './service.ts';

let server: TestServer;
let station: number;
let otherCounty: number;
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

const alerted = async (callupId: number) => new Set((await server.ctx.db.selectFrom('notifications').select('user_id')
  .where('kind', '=', 'callup').where('link', '=', `/m/callups/${callupId}`).execute()).map((row) => row.user_id));

beforeAll(async () => {
  server = await createTestServer();
  const site = async (code: string, kind: string) => (await server.ctx.db.selectFrom('sites').select('id').where('region_code', '=', code).where('kind', '=', kind).executeTakeFirstOrThrow()).id;
  station = await site('210321001021', 'station');
  otherCounty = await site('210323001000', 'institute');
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

  it('stays inside the caller’s area', async () => {
    const outside = await centerAdmin.post('/api/v1/callups', { title: '越界动员', areaPrefix: '210323', headcount: 1, posts: [{ name: 'x', capacity: 1 }] });
    expect(outside.status).toBe(404);
  });
});
