import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../../test/env.ts';
import { createTestServer, type TestClient, type TestServer } from '../../../../test/harness.ts';
import type { Actor } from '../../lib/scope.ts';
import { actorFor, buildActivity, buildOrganization, buildProject, buildUser, buildVolunteer, nextIdNumber } from '../../seed/factories.ts';
import { QR_WINDOW_SECONDS } from '../../lib/qr-token.ts';
import { checkIn } from './attendance.ts';

let server: TestServer;
let station: number;
let centerActor: Actor;
let centerAdmin: TestClient;
let projectId: number;
const HOUR = 3600_000;

const site = async (regionCode: string, kind: string) =>
  (await server.ctx.db.selectFrom('sites').select('id').where('region_code', '=', regionCode).where('kind', '=', kind).executeTakeFirstOrThrow()).id;

/** A signed-in, active volunteer; returns the client and the volunteer id. */
async function volunteer(overrides: { skills?: string[]; birthYear?: number } = {}) {
  const account = await buildUser(server.ctx, { siteId: station, role: 'volunteer' });
  const made = await buildVolunteer(server.ctx, {
    siteId: station, userId: account.userId, phone: account.phone, skills: overrides.skills ?? [],
    idNumber: nextIdNumber(overrides.birthYear ? { birthYear: overrides.birthYear } : {}),
    ...(overrides.birthYear && { guardian: { name: '监护人', phone: '13900000000', consent: true as const } }),
  });
  return { client: await server.signIn(account.phone, account.password), id: made.id, actor: await actorFor(server.ctx, account.userId) };
}

const activity = (overrides: Parameters<typeof buildActivity>[2] extends infer T ? Partial<T> : never = {}) =>
  buildActivity(server.ctx, centerActor, { projectId, siteId: station, latitude: 41.41, longitude: 122.43, ...overrides });

beforeAll(async () => {
  server = await createTestServer();
  station = await site('210321001021', 'station');
  centerAdmin = await server.signIn('13800000001', DEMO_PASSWORD);
  centerActor = await actorFor(server.ctx, (await centerAdmin.get('/api/v1/auth/me')).body.user.id);
  const team = await buildOrganization(server.ctx, centerActor, { siteId: station, name: '活动测试总队' });
  projectId = (await buildProject(server.ctx, centerActor, { organizationId: team.id, name: '邻里守望' })).id;
});
afterAll(() => server?.close());

describe('projects', () => {
  it('go draft → submitted → approved by the center, not by a station admin', async () => {
    const team = await buildOrganization(server.ctx, centerActor, { siteId: station, name: '项目测试队' });
    const draft = await centerAdmin.post('/api/v1/projects', {
      name: '关心关爱一老一幼', category: 'assistance', organizationId: team.id, startsOn: '2026-03-01', endsOn: '2026-12-31',
    });
    expect(draft.body).toMatchObject({ status: 'draft', site: { id: station } });
    expect((await centerAdmin.post(`/api/v1/projects/${draft.body.id}/submit`)).body.status).toBe('submitted');
    const stationAdmin = await server.signIn('13800000003', DEMO_PASSWORD);
    expect((await stationAdmin.post(`/api/v1/projects/${draft.body.id}/review`, { decision: 'approve' })).status).toBe(403);
    expect((await centerAdmin.post(`/api/v1/projects/${draft.body.id}/review`, { decision: 'approve' })).body.status).toBe('approved');
    const early = await centerAdmin.post('/api/v1/projects', {
      name: '倒序的项目', category: 'assistance', organizationId: team.id, startsOn: '2026-12-01', endsOn: '2026-01-01',
    });
    expect(early.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'endsOn' });
  });
});

describe('activities', () => {
  it('refuse a risk-flagged activity without insurance, and repeat weekly from a template', async () => {
    const risky = await centerAdmin.post('/api/v1/activities', {
      projectId, title: '河道清理', siteId: station, quota: 10, riskFlagged: true,
      startsAt: new Date(Date.now() + 48 * HOUR).toISOString(), endsAt: new Date(Date.now() + 50 * HOUR).toISOString(),
    });
    expect(risky.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'insuranceRef' });
    const weekly = await centerAdmin.post('/api/v1/activities', {
      projectId, title: '周六义诊', siteId: station, quota: 5, repeatWeeks: 3,
      startsAt: '2027-01-02T01:00:00Z', endsAt: '2027-01-02T04:00:00Z',
    });
    expect(weekly.status).toBe(201);
    expect(weekly.body.items.map((a: { startsAt: string }) => a.startsAt)).toEqual([
      '2027-01-02T01:00:00.000Z', '2027-01-09T01:00:00.000Z', '2027-01-16T01:00:00.000Z', '2027-01-23T01:00:00.000Z',
    ]);
    expect(new Set(weekly.body.items.map((a: { recurrenceId: string }) => a.recurrenceId)).size).toBe(1);
  });

  it('never exceed the quota, whatever the rush: exactly Q of N confirmed', async () => {
    const quota = 5;
    const made = await activity({ quota });
    const crowd = await Promise.all(Array.from({ length: 24 }, () => volunteer()));
    const answers = await Promise.all(crowd.map((v) => v.client.post(`/api/v1/activities/${made.id}/signup`)));
    // Each answer's status, or its error code: a failure names what the odd ones out were told.
    const outcomes = answers.map((a) => a.body.status ?? `${a.status} ${a.body.error?.code}`).sort();
    expect(outcomes).toEqual([...Array<string>(quota).fill('confirmed'), ...Array<string>(24 - quota).fill('waitlisted')]);
    const row = await server.ctx.db.selectFrom('activities').select(['confirmed_count', 'waitlist_count']).where('id', '=', made.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ confirmed_count: quota, waitlist_count: 24 - quota });
    const confirmed = await server.ctx.db.selectFrom('signups').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('activity_id', '=', made.id).where('status', '=', 'confirmed').executeTakeFirstOrThrow();
    expect(confirmed.n).toBe(quota);
  });

  it('never sign up twice for one idempotency key, and refuse a second sign-up', async () => {
    const made = await activity();
    const v = await volunteer();
    const headers = { 'idempotency-key': `signup-${made.id}-${v.id}` };
    const first = await v.client.post(`/api/v1/activities/${made.id}/signup`, {}, headers);
    const retry = await v.client.post(`/api/v1/activities/${made.id}/signup`, {}, headers);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect((await v.client.post(`/api/v1/activities/${made.id}/signup`)).status).toBe(409);
    const rows = await server.ctx.db.selectFrom('signups').selectAll().where('activity_id', '=', made.id).execute();
    expect(rows).toHaveLength(1);
  });

  it('give a withdrawn seat to the longest-waiting volunteer and tell them', async () => {
    const made = await activity({ quota: 1, startsAt: new Date(Date.now() + 24 * HOUR).toISOString(), endsAt: new Date(Date.now() + 26 * HOUR).toISOString() });
    const [a, b, c] = [await volunteer(), await volunteer(), await volunteer()];
    for (const v of [a, b, c]) await v.client.post(`/api/v1/activities/${made.id}/signup`);
    expect((await a.client.delete(`/api/v1/activities/${made.id}/signup`)).body.status).toBe('cancelled');
    const roster = await centerAdmin.get(`/api/v1/activities/${made.id}/roster`);
    expect(roster.body.items.map((r: { volunteerId: number; status: string }) => [r.volunteerId, r.status])).toEqual([
      [a.id, 'cancelled'], [b.id, 'confirmed'], [c.id, 'waitlisted'],
    ]);
    const inbox = await b.client.get('/api/v1/inbox');
    expect(inbox.body.items[0]).toMatchObject({ kind: 'signup_confirmed', read: false });
  });

  it('apply the age and skill requirements', async () => {
    const made = await activity({ minAge: 18, requiredSkills: ['急救'] });
    const young = await volunteer({ birthYear: new Date().getFullYear() - 16, skills: ['急救'] });
    const unskilled = await volunteer();
    expect((await young.client.post(`/api/v1/activities/${made.id}/signup`)).body.error.message).toBe('本活动要求年满 18 周岁');
    expect((await unskilled.client.post(`/api/v1/activities/${made.id}/signup`)).body.error.message).toBe('本活动需要技能：急救');
  });

  it('tell everyone signed up when cancelled', async () => {
    const made = await activity({ startsAt: new Date(Date.now() + 24 * HOUR).toISOString(), endsAt: new Date(Date.now() + 26 * HOUR).toISOString() });
    const v = await volunteer();
    await v.client.post(`/api/v1/activities/${made.id}/signup`);
    const cancelled = await centerAdmin.post(`/api/v1/activities/${made.id}/cancel`, { reason: '暴雨预警' });
    expect(cancelled.body.status).toBe('cancelled');
    const inbox = await v.client.get('/api/v1/inbox');
    expect(inbox.body.items[0].body).toContain('暴雨预警');
  });

  it('are managed only inside the area', async () => {
    const made = await activity();
    const other = await buildUser(server.ctx, { siteId: await site('210323000000', 'center'), role: 'center_admin' });
    const outsider = await server.signIn(other.phone, other.password);
    expect((await outsider.get(`/api/v1/activities/${made.id}/roster`)).status).toBe(404);
    expect((await outsider.get(`/api/v1/activities/${made.id}/checkin-code`)).status).toBe(404);
    expect((await outsider.post(`/api/v1/activities/${made.id}/cancel`, { reason: '越权取消' })).status).toBe(404);
  });
});

describe('check-in', () => {
  it('accepts the current QR code and refuses a stale or forged one', async () => {
    const made = await activity();
    const v = await volunteer();
    await v.client.post(`/api/v1/activities/${made.id}/signup`);
    const code = await centerAdmin.get(`/api/v1/activities/${made.id}/checkin-code`);
    const forged = await v.client.post(`/api/v1/activities/${made.id}/checkin`, { token: code.body.token.replace(/.$/, (c: string) => (c === 'A' ? 'B' : 'A')) });
    expect(forged.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'token' });
    // A screenshot of this code, used a minute later, is refused.
    const later = new Date(Date.now() + 4 * QR_WINDOW_SECONDS * 1000);
    await expect(checkIn(server.ctx, v.actor, made.id, { token: code.body.token }, later)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const ok = await v.client.post(`/api/v1/activities/${made.id}/checkin`, { token: code.body.token });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ method: 'qr', repeated: false });
    const again = await v.client.post(`/api/v1/activities/${made.id}/checkin`, { token: code.body.token });
    expect(again.body.repeated).toBe(true);
    const other = await activity();
    const wrongActivity = await v.client.post(`/api/v1/activities/${other.id}/checkin`, { token: code.body.token });
    expect(wrongActivity.status).toBe(403);
  });

  it('accepts a location inside the radius only, with consent', async () => {
    const made = await activity({ checkinRadiusM: 200 });
    const v = await volunteer();
    await v.client.post(`/api/v1/activities/${made.id}/signup`);
    const noConsent = await v.client.post(`/api/v1/activities/${made.id}/checkin`, { latitude: 41.41, longitude: 122.43 });
    expect(noConsent.body.error.field).toBe('locationConsent');
    const far = await v.client.post(`/api/v1/activities/${made.id}/checkin`, { latitude: 41.42, longitude: 122.43, locationConsent: true });
    expect(far.body.error.message).toMatch(/^您距活动地点约 1112 米，须在 200 米内签到$/);
    const near = await v.client.post(`/api/v1/activities/${made.id}/checkin`, { latitude: 41.4105, longitude: 122.4305, locationConsent: true });
    expect(near.body).toMatchObject({ method: 'location' });
  });
});

describe('confirmation into the ledger', () => {
  it('counts time served inside the window, asks for flagged ones, and never records twice', async () => {
    const start = Date.now() - 4 * HOUR;
    const made = await activity({ startsAt: new Date(start).toISOString(), endsAt: new Date(start + 3 * HOUR).toISOString(), recruitUntil: new Date(start).toISOString(), recruitFrom: new Date(start - 48 * HOUR).toISOString() });
    const [early, forgetful, absent] = [await volunteer(), await volunteer(), await volunteer()];
    for (const v of [early, forgetful, absent]) {
      await server.ctx.db.insertInto('signups').values({ activity_id: made.id, volunteer_id: v.id, status: 'confirmed' }).execute();
    }
    // Came 30 minutes early, left an hour after the end: counted from start to end (180 minutes).
    await centerAdmin.put(`/api/v1/activities/${made.id}/roster/${early.id}`, {
      checkInAt: new Date(start - 30 * 60_000).toISOString(), checkOutAt: new Date(start + 4 * HOUR).toISOString(),
    });
    await server.ctx.db.insertInto('attendance').values({ activity_id: made.id, volunteer_id: forgetful.id, check_in_at: new Date(start + HOUR), check_in_method: 'qr' }).execute();

    const first = await centerAdmin.post(`/api/v1/activities/${made.id}/confirm`, {});
    expect(first.body.recorded).toEqual([{ volunteerId: early.id, minutes: 180 }]);
    expect(first.body.skipped).toEqual([{ volunteerId: forgetful.id, reason: 'forgot_check_out' }]);
    const roster = await centerAdmin.get(`/api/v1/activities/${made.id}/roster`);
    expect(roster.body.items.find((r: { volunteerId: number }) => r.volunteerId === forgetful.id)).toMatchObject({ flagged: true, checkOutMethod: 'auto' });

    const second = await centerAdmin.post(`/api/v1/activities/${made.id}/confirm`, { adjustments: [{ volunteerId: forgetful.id, minutes: 90 }] });
    expect(second.body.recorded).toEqual([{ volunteerId: forgetful.id, minutes: 90 }]);
    const third = await centerAdmin.post(`/api/v1/activities/${made.id}/confirm`, {});
    expect(third.body).toEqual({ recorded: [], skipped: [] });

    const entries = await server.ctx.db.selectFrom('service_hours').select(['volunteer_id', 'minutes']).where('source', '=', 'activity').where('source_id', '=', made.id).orderBy('id').execute();
    expect(entries).toEqual([{ volunteer_id: early.id, minutes: 180 }, { volunteer_id: forgetful.id, minutes: 90 }]);
    const mine = await early.client.get('/api/v1/hours/mine');
    expect(mine.body).toMatchObject({ minutes: 180, hours: 3, records: 1, stars: 0, nextStarHours: 100 });
    expect(mine.body.items[0]).toMatchObject({ kind: 'service', title: '测试志愿服务活动', organizationName: '活动测试总队' });
    const volunteerRow = await server.ctx.db.selectFrom('volunteers').select('last_served_on').where('id', '=', early.id).executeTakeFirstOrThrow();
    expect(volunteerRow.last_served_on).not.toBeNull();
  });

  it('cannot confirm before the activity ends', async () => {
    const made = await activity();
    const response = await centerAdmin.post(`/api/v1/activities/${made.id}/confirm`, {});
    expect(response.status).toBe(400);
  });
});
