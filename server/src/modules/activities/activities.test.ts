import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../../test/env.ts';
import { createTestServer, type TestClient, type TestServer } from '../../../../test/harness.ts';
import type { Actor } from '../../lib/scope.ts';
import { actorFor, buildActivity, buildOrganization, buildProject, buildUser, buildVolunteer, nextIdNumber } from '../../seed/factories.ts';
import { chinaToday } from '../../lib/id-number.ts';
import { currentCode, QR_WINDOW_SECONDS } from '../../lib/qr-token.ts';
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
    siteId: station, userId: account.userId, phone: account.phone, ...(overrides.skills && { skills: overrides.skills }),
    idNumber: nextIdNumber(overrides.birthYear ? { birthYear: overrides.birthYear } : {}),
    ...(overrides.birthYear && { guardian: { name: '监护人', phone: '13900000000', consent: true as const } }),
  });
  return { client: await server.signIn(account.phone, account.password), id: made.id, actor: await actorFor(server.ctx, account.userId) };
}

const activity = (overrides: Parameters<typeof buildActivity>[2] extends infer T ? Partial<T> : never = {}) =>
  buildActivity(server.ctx, centerActor, { projectId, siteId: station, latitude: 41.41, longitude: 122.43, ...overrides });

/** An activity that ran from `start` for `hours`, already over, so its hours can be confirmed. */
const pastActivity = (start: number, hours: number, title = '测试志愿服务活动') => activity({
  title, startsAt: new Date(start).toISOString(), endsAt: new Date(start + hours * HOUR).toISOString(),
  recruitFrom: new Date(start - 48 * HOUR).toISOString(), recruitUntil: new Date(start).toISOString(),
});

/** A sign-up and its attendance written directly: times in the past, or what earlier rules let through. */
async function attended(activityId: number, volunteerId: number, times: { from: number; to: number }, status = 'confirmed') {
  await server.ctx.db.insertInto('signups').values({ activity_id: activityId, volunteer_id: volunteerId, status }).execute();
  await server.ctx.db.insertInto('attendance').values({
    activity_id: activityId, volunteer_id: volunteerId, check_in_at: new Date(times.from), check_in_method: 'qr', check_out_at: new Date(times.to), check_out_method: 'qr',
  }).execute();
}

const here = { latitude: 41.41, longitude: 122.43, locationConsent: true };
const ledgerOf = (activityId: number) => server.ctx.db.selectFrom('service_hours').select(['volunteer_id', 'minutes'])
  .where('source', '=', 'activity').where('source_id', '=', activityId).orderBy('id').execute();

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

  it('wait for the leader when approval is required: approved into a seat or the waiting list, rejected, each told', async () => {
    const made = await activity({ requiresApproval: true, quota: 1 });
    const [a, b, c] = [await volunteer(), await volunteer(), await volunteer()];
    for (const v of [a, b, c]) expect((await v.client.post(`/api/v1/activities/${made.id}/signup`)).body.status).toBe('pending');
    const decide = (v: { id: number }, decision: 'approve' | 'reject') => centerAdmin.post(`/api/v1/activities/${made.id}/signups/${v.id}`, { decision });
    // Nobody decides but the activity's own managers: a volunteer, or staff of another county, find nothing.
    expect((await c.client.post(`/api/v1/activities/${made.id}/signups/${a.id}`, { decision: 'approve' })).status).toBe(404);
    const other = await buildUser(server.ctx, { siteId: await site('210323000000', 'center'), role: 'center_admin' });
    expect((await (await server.signIn(other.phone, other.password)).post(`/api/v1/activities/${made.id}/signups/${a.id}`, { decision: 'approve' })).status).toBe(404);

    expect((await decide(a, 'approve')).body).toEqual({ activityId: made.id, status: 'confirmed' });
    expect((await decide(a, 'approve')).body.error.code).toBe('ALREADY_DECIDED');
    expect((await decide(c, 'approve')).body.status).toBe('waitlisted'); // the one seat is taken
    expect((await decide(b, 'reject')).body).toEqual({ activityId: made.id, status: 'rejected' });
    const roster = await centerAdmin.get(`/api/v1/activities/${made.id}/roster`);
    expect(roster.body.items.map((r: { volunteerId: number; status: string }) => [r.volunteerId, r.status])).toEqual([[a.id, 'confirmed'], [b.id, 'rejected'], [c.id, 'waitlisted']]);
    const counts = await server.ctx.db.selectFrom('activities').select(['confirmed_count', 'waitlist_count']).where('id', '=', made.id).executeTakeFirstOrThrow();
    expect(counts).toEqual({ confirmed_count: 1, waitlist_count: 1 });

    const told = async (v: { client: TestClient }) => (await v.client.get('/api/v1/inbox')).body.items[0];
    expect(await told(a)).toMatchObject({ kind: 'signup_decided', body: '您已报名成功“测试志愿服务活动”。', read: false });
    expect(await told(c)).toMatchObject({ kind: 'signup_decided', body: '“测试志愿服务活动”名额已满，您在候补名单中。' });
    expect(await told(b)).toMatchObject({ kind: 'signup_decided', body: '您报名的“测试志愿服务活动”未获活动负责人通过，可以报名其他活动。' });
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

  it('records codes scanned together each once, and one refused among them fails alone', async () => {
    const made = await activity({ title: '集中签到', quota: 20 });
    const crowd = await Promise.all(Array.from({ length: 12 }, () => volunteer()));
    const [outsider, ...present] = crowd; // the first never signed up
    for (const v of present) expect((await v.client.post(`/api/v1/activities/${made.id}/signup`)).status).toBe(201);
    // One moment and its code for everyone (through the service: a slow run cannot outlive the code).
    const now = new Date();
    const { token } = currentCode(server.ctx.pii, 'checkin', made.id, now);
    const scanners = [...crowd, present[0]!, present[1]!]; // the first two present scan twice
    const answers = await Promise.all(scanners.map((v) => checkIn(server.ctx, v.actor, made.id, { token }, now).catch((error: unknown) => error)));
    expect(answers[0]).toMatchObject({ code: 'FORBIDDEN' });
    expect(scanners[0]).toBe(outsider);
    const byVolunteer = new Map<number, unknown[]>();
    answers.forEach((answer, i) => byVolunteer.set(scanners[i]!.id, [...(byVolunteer.get(scanners[i]!.id) ?? []), answer]));
    for (const v of present) {
      const mine = byVolunteer.get(v.id) as { repeated: boolean; checkedInAt: string }[];
      expect(mine.map((a) => a.repeated).sort()).toEqual(mine.length === 2 ? [false, true] : [false]);
      expect(mine.every((a) => a.checkedInAt === now.toISOString())).toBe(true);
    }
    const rows = await server.ctx.db.selectFrom('attendance').select(['volunteer_id', 'check_in_method']).where('activity_id', '=', made.id).orderBy('volunteer_id').execute();
    expect(rows).toEqual(present.map((v) => ({ volunteer_id: v.id, check_in_method: 'qr' })).sort((a, b) => a.volunteer_id - b.volunteer_id));
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

  it('counts only attendance whose sign-up is still confirmed', async () => {
    const start = Date.now() - 4 * HOUR;
    const made = await pastActivity(start, 3);
    const [kept, withdrawn, rejected] = [await volunteer(), await volunteer(), await volunteer()];
    // Attendance left behind by a withdrawal or a rejection after check-in (earlier rules let both through).
    await attended(made.id, kept.id, { from: start, to: start + HOUR });
    await attended(made.id, withdrawn.id, { from: start, to: start + HOUR }, 'cancelled');
    await attended(made.id, rejected.id, { from: start, to: start + HOUR }, 'rejected');
    const confirmed = await centerAdmin.post(`/api/v1/activities/${made.id}/confirm`, { adjustments: [{ volunteerId: withdrawn.id, minutes: 60 }] });
    expect(confirmed.body).toEqual({ recorded: [{ volunteerId: kept.id, minutes: 60 }], skipped: [] });
    expect(await ledgerOf(made.id)).toEqual([{ volunteer_id: kept.id, minutes: 60 }]);
  });

  it('cannot confirm before the activity ends', async () => {
    const made = await activity();
    const response = await centerAdmin.post(`/api/v1/activities/${made.id}/confirm`, {});
    expect(response.status).toBe(400);
  });
});

describe('after check-in', () => {
  it('the volunteer cannot withdraw, nor the leader reject them: the attendance stands', async () => {
    // Check-in opens 30 minutes before the start; withdrawal closes only at the start.
    const made = await activity({ startsAt: new Date(Date.now() + 20 * 60_000).toISOString(), endsAt: new Date(Date.now() + 2 * HOUR).toISOString() });
    const [a, b] = [await volunteer(), await volunteer()];
    for (const v of [a, b]) {
      await v.client.post(`/api/v1/activities/${made.id}/signup`);
      expect((await v.client.post(`/api/v1/activities/${made.id}/checkin`, here)).status).toBe(200);
    }
    const withdrawal = await a.client.delete(`/api/v1/activities/${made.id}/signup`);
    expect(withdrawal.status).toBe(409);
    expect(withdrawal.body.error.message).toBe('您已签到，不能再取消报名；如需提前离开，请签退并告知活动负责人');
    const rejection = await centerAdmin.post(`/api/v1/activities/${made.id}/signups/${b.id}`, { decision: 'reject' });
    expect(rejection.status).toBe(409);
    expect(rejection.body.error.message).toBe('该志愿者已签到，不能拒绝；如不应记时长，请在确认时长时填写 0 分钟');
    const roster = await centerAdmin.get(`/api/v1/activities/${made.id}/roster`);
    expect(roster.body.items.map((r: { status: string; checkInAt: string | null }) => [r.status, r.checkInAt !== null])).toEqual([['confirmed', true], ['confirmed', true]]);
    // Before checking in, withdrawing is still the volunteer's right (条例 Art 17).
    const c = await volunteer();
    await c.client.post(`/api/v1/activities/${made.id}/signup`);
    expect((await c.client.delete(`/api/v1/activities/${made.id}/signup`)).body.status).toBe('cancelled');
  });
});

describe('local caps (DOMAIN.md: configurable per place)', () => {
  /** Runs `work` with the caps set, as a province would in its environment. */
  async function withCaps(caps: { maxMinutesPerActivity?: number; maxCheckInsPerDay?: number }, work: () => Promise<void>) {
    const config = server.ctx.config;
    const before = { maxMinutesPerActivity: config.maxMinutesPerActivity, maxCheckInsPerDay: config.maxCheckInsPerDay };
    Object.assign(config, caps);
    try {
      await work();
    } finally {
      Object.assign(config, before);
    }
  }

  it('count at most the hours per activity, and refuse a stated figure above them', () => withCaps({ maxMinutesPerActivity: 120 }, async () => {
    const start = Date.now() - 8 * HOUR;
    const [long, other] = [await pastActivity(start, 4, '全天义诊'), await pastActivity(start, 4, '全天巡河')];
    const [v, w] = [await volunteer(), await volunteer()];
    await attended(long.id, v.id, { from: start, to: start + 4 * HOUR });
    await attended(other.id, w.id, { from: start, to: start + 4 * HOUR });
    const stated = await centerAdmin.post(`/api/v1/activities/${other.id}/confirm`, { adjustments: [{ volunteerId: w.id, minutes: 180 }] });
    expect(stated.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'adjustments', message: '每次活动最多记 120 分钟（本地规定）' });
    expect((await centerAdmin.post(`/api/v1/activities/${long.id}/confirm`, { adjustments: [] })).body.recorded).toEqual([{ volunteerId: v.id, minutes: 120 }]);
    expect(await ledgerOf(long.id)).toEqual([{ volunteer_id: v.id, minutes: 120 }]);
  }));

  it('refuse a check-in past the day’s cap, but not a repeated scan or a roster mark', () => withCaps({ maxCheckInsPerDay: 2 }, async () => {
    const now = Date.now();
    const v = await volunteer();
    // Earlier today (China time) two check-ins by phone and one roster mark, already checked out.
    const earlierToday = Math.max(now - 2 * 60_000, new Date(`${chinaToday()}T00:00:00+08:00`).getTime());
    for (const [i, method] of (['qr', 'location', 'roster'] as const).entries()) {
      const earlier = await activity({ title: `早班${i}`, startsAt: new Date(now - 3 * 60_000 - (i + 1) * 60_000).toISOString(), endsAt: new Date(now + HOUR).toISOString() });
      await server.ctx.db.insertInto('signups').values({ activity_id: earlier.id, volunteer_id: v.id, status: 'confirmed' }).execute();
      await server.ctx.db.insertInto('attendance').values({
        activity_id: earlier.id, volunteer_id: v.id, check_in_at: new Date(earlierToday), check_in_method: method, check_out_at: new Date(earlierToday + 1), check_out_method: method,
      }).execute();
    }
    const made = await activity({ title: '晚班' });
    await v.client.post(`/api/v1/activities/${made.id}/signup`);
    const code = (await centerAdmin.get(`/api/v1/activities/${made.id}/checkin-code`)).body.token;
    const refused = await v.client.post(`/api/v1/activities/${made.id}/checkin`, { token: code });
    expect(refused.body.error).toMatchObject({ code: 'VALIDATION_FAILED', message: '每人每天最多签到 2 次' });
    expect(await server.ctx.db.selectFrom('attendance').select('activity_id').where('activity_id', '=', made.id).execute()).toEqual([]);
    await server.ctx.db.deleteFrom('attendance').where('volunteer_id', '=', v.id).where('check_in_method', '=', 'location').execute();
    expect((await v.client.post(`/api/v1/activities/${made.id}/checkin`, { token: code })).body).toMatchObject({ repeated: false });
    expect((await v.client.post(`/api/v1/activities/${made.id}/checkin`, { token: code })).body).toMatchObject({ repeated: true });
  }));
});

describe('overlapping activities', () => {
  it('refuse a check-in while checked in elsewhere over the same time, and a roster mark over it', async () => {
    const now = Date.now();
    const window = (from: number, to: number) => ({ startsAt: new Date(now + from).toISOString(), endsAt: new Date(now + to).toISOString() });
    const river = await activity({ title: '上午巡河', ...window(-HOUR, HOUR) });
    const clinic = await activity({ title: '社区义诊', ...window(-10 * 60_000, 2 * HOUR) });
    const fair = await activity({ title: '便民集市', ...window(-3 * HOUR, 3 * HOUR) });
    const v = await volunteer();
    for (const made of [river, clinic, fair]) expect((await v.client.post(`/api/v1/activities/${made.id}/signup`)).body.status).toBe('confirmed');
    expect((await v.client.post(`/api/v1/activities/${river.id}/checkin`, here)).status).toBe(200);

    const refused = await v.client.post(`/api/v1/activities/${clinic.id}/checkin`, here);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe('您在“上午巡河”的签到与本活动时间重叠，请先在该活动签退');
    const code = (await centerAdmin.get(`/api/v1/activities/${clinic.id}/checkin-code`)).body.token;
    const byCode = await v.client.post(`/api/v1/activities/${clinic.id}/checkin`, { token: code }); // the one-statement path
    expect(byCode.body.error.message).toBe(refused.body.error.message);
    expect(await server.ctx.db.selectFrom('attendance').select('activity_id').where('volunteer_id', '=', v.id).execute()).toEqual([{ activity_id: river.id }]);
    // Checked out of the river walk (the clock moved on), the clinic takes the check-in.
    await server.ctx.db.updateTable('attendance').set({ check_in_at: new Date(now - 50 * 60_000) }).where('activity_id', '=', river.id).execute();
    expect((await v.client.post(`/api/v1/activities/${river.id}/checkout`, here)).status).toBe(200);
    expect((await v.client.post(`/api/v1/activities/${clinic.id}/checkin`, here)).body).toMatchObject({ method: 'location', repeated: false });

    const mark = (from: number, to: number) => centerAdmin.put(`/api/v1/activities/${fair.id}/roster/${v.id}`, {
      checkInAt: new Date(now + from).toISOString(), checkOutAt: new Date(now + to).toISOString(),
    });
    const over = await mark(-30 * 60_000, 30 * 60_000);
    expect(over.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'checkInAt', message: '该志愿者此时段已在其他活动签到，时间不能重叠' });
    expect((await mark(-3 * HOUR, -HOUR)).status).toBe(200);
  });

  it('never count the same minutes twice: an overlap already in the ledger waits for the confirmer, who may state only the free time', async () => {
    const start = Date.now() - 6 * HOUR;
    const [morning, noon] = [await pastActivity(start, 2, '上午巡河'), await pastActivity(start + HOUR, 2, '社区义诊')];
    const v = await volunteer();
    // Attended both from start to end: the hour they share is served once.
    await attended(morning.id, v.id, { from: start, to: start + 2 * HOUR });
    await attended(noon.id, v.id, { from: start + HOUR, to: start + 3 * HOUR });
    const confirm = (id: number, adjustments: { volunteerId: number; minutes: number }[] = []) => centerAdmin.post(`/api/v1/activities/${id}/confirm`, { adjustments });

    expect((await confirm(morning.id)).body).toEqual({ recorded: [{ volunteerId: v.id, minutes: 120 }], skipped: [] });
    expect((await confirm(noon.id)).body).toEqual({ recorded: [], skipped: [{ volunteerId: v.id, reason: 'overlaps_recorded' }] });
    const tooMuch = await confirm(noon.id, [{ volunteerId: v.id, minutes: 120 }]);
    expect(tooMuch.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'adjustments' });
    expect(tooMuch.body.error.message).toMatch(/本活动最多可记 60 分钟$/);
    expect((await confirm(noon.id, [{ volunteerId: v.id, minutes: 60 }])).body).toEqual({ recorded: [{ volunteerId: v.id, minutes: 60 }], skipped: [] });

    expect((await v.client.get('/api/v1/hours/mine')).body).toMatchObject({ minutes: 180, records: 2 });
    const spans = await server.ctx.db.selectFrom('service_hours').select(['started_at', 'ended_at']).where('volunteer_id', '=', v.id).orderBy('id').execute();
    expect(spans.map((row) => [row.started_at.getTime() - start, row.ended_at.getTime() - start])).toEqual([[0, 2 * HOUR], [HOUR, 3 * HOUR]]);
  });
});

describe('editing an activity', () => {
  const at = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();
  /** An activity tomorrow, recruiting until its start. */
  const tomorrow = (overrides: Parameters<typeof activity>[0] = {}) => {
    const startsAt = at(24);
    return activity({ startsAt, endsAt: at(26), recruitUntil: startsAt, ...overrides });
  };
  const edit = (id: number, body: object) => centerAdmin.patch(`/api/v1/activities/${id}`, body);
  const kinds = async (v: { client: TestClient }) => (await v.client.get('/api/v1/inbox')).body.items.map((item: { kind: string }) => item.kind);

  it('moves the time and place before the start, and tells everyone signed up', async () => {
    const made = await tomorrow({ quota: 1 });
    const [a, b] = [await volunteer(), await volunteer()];
    for (const v of [a, b]) await v.client.post(`/api/v1/activities/${made.id}/signup`);
    const startsAt = at(48);
    const moved = await edit(made.id, { startsAt, endsAt: at(51), address: '庆南社区广场东门', latitude: 41.42, longitude: 122.44, checkinRadiusM: 150, title: '周末义诊' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ title: '周末义诊', address: '庆南社区广场东门', latitude: 41.42, checkinRadiusM: 150, recruitUntil: startsAt });
    expect(new Date(moved.body.startsAt).toISOString()).toBe(startsAt);
    for (const v of [a, b]) {
      const [latest] = (await v.client.get('/api/v1/inbox')).body.items;
      expect(latest).toMatchObject({ kind: 'activity_changed', title: '活动变更：周末义诊' });
      expect(latest.body).toContain('庆南社区广场东门');
    }
    // A new title alone, or the same values sent back, tell nobody.
    expect((await edit(made.id, { title: '周末社区义诊', startsAt, address: '庆南社区广场东门' })).status).toBe(200);
    expect((await kinds(a)).filter((kind: string) => kind === 'activity_changed')).toHaveLength(1);
  });

  it('refuses edits that make no sense', async () => {
    const made = await tomorrow({ quota: 3 });
    const [a, b] = [await volunteer(), await volunteer()];
    for (const v of [a, b]) await v.client.post(`/api/v1/activities/${made.id}/signup`);
    expect((await edit(made.id, { endsAt: at(23) })).body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'endsAt' });
    expect((await edit(made.id, { startsAt: at(-1), endsAt: at(2) })).body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'startsAt' });
    expect((await edit(made.id, { recruitUntil: at(27) })).body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'recruitUntil' });
    expect((await edit(made.id, { latitude: null })).body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'latitude' });
    const below = await edit(made.id, { quota: 1 });
    expect(below.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'quota', message: '已有 2 人报名成功，名额不能少于此数' });
    expect((await edit(made.id, { quota: 2 })).body.quota).toBe(2);

    // Started (it runs from now): the time, place and requirements stand; the title and quota may change.
    const running = await activity();
    expect((await edit(running.id, { endsAt: at(5) })).body.error.code).toBe('CONFLICT');
    expect((await edit(running.id, { minAge: 18 })).body.error.code).toBe('CONFLICT');
    expect((await edit(running.id, { endsAt: running.endsAt, quota: 12, title: '改名的活动' })).body).toMatchObject({ quota: 12, title: '改名的活动' });

    // Checked in early (check-in opens half an hour before): the time and place stand.
    const soon = await activity({ startsAt: at(0.25), endsAt: at(2) });
    const early = await volunteer();
    await early.client.post(`/api/v1/activities/${soon.id}/signup`);
    expect((await early.client.post(`/api/v1/activities/${soon.id}/checkin`, here)).status).toBe(200);
    const late = await edit(soon.id, { startsAt: at(1), endsAt: at(3) });
    expect(late.body.error).toMatchObject({ code: 'CONFLICT', message: '已有志愿者签到，活动的时间和地点不能再改' });
    expect((await edit(soon.id, { checkinRadiusM: 1000 })).body.error.code).toBe('CONFLICT');
    expect((await edit(soon.id, { quota: 11 })).status).toBe(200);

    const cancelled = await tomorrow();
    await centerAdmin.post(`/api/v1/activities/${cancelled.id}/cancel`, { reason: '场地临时占用' });
    expect((await edit(cancelled.id, { quota: 30 })).body.error.code).toBe('CONFLICT');
    expect((await edit(cancelled.id, { startsAt: at(30) })).body.error.code).toBe('CONFLICT');
  });

  it('gives a raised quota to the waiting list in order, each told, and never past the quota in a rush', async () => {
    const made = await tomorrow({ quota: 1 });
    const waiting = [await volunteer(), await volunteer(), await volunteer(), await volunteer()];
    for (const v of waiting) await v.client.post(`/api/v1/activities/${made.id}/signup`);
    const raised = await edit(made.id, { quota: 3 });
    expect(raised.body).toMatchObject({ quota: 3, confirmedCount: 3, waitlistCount: 1 });
    const roster = await centerAdmin.get(`/api/v1/activities/${made.id}/roster`);
    expect(roster.body.items.map((r: { volunteerId: number; status: string }) => [r.volunteerId, r.status])).toEqual([
      [waiting[0]!.id, 'confirmed'], [waiting[1]!.id, 'confirmed'], [waiting[2]!.id, 'confirmed'], [waiting[3]!.id, 'waitlisted'],
    ]);
    expect(await kinds(waiting[1]!)).toContain('signup_confirmed');
    expect(await kinds(waiting[3]!)).not.toContain('signup_confirmed');

    // Raised again while five more sign up at once: six seats, never seven, the longest-waiting first.
    const crowd = await Promise.all(Array.from({ length: 5 }, () => volunteer()));
    const answers = await Promise.all([edit(made.id, { quota: 6 }), ...crowd.map((v) => v.client.post(`/api/v1/activities/${made.id}/signup`))]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 201, 201, 201, 201, 201]);
    const row = await server.ctx.db.selectFrom('activities').select(['confirmed_count', 'waitlist_count']).where('id', '=', made.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ confirmed_count: 6, waitlist_count: 3 });
    const statuses = await server.ctx.db.selectFrom('signups').select(['volunteer_id', 'status']).where('activity_id', '=', made.id).execute();
    expect(statuses.filter((s) => s.status === 'confirmed')).toHaveLength(6);
    expect(statuses.find((s) => s.volunteer_id === waiting[3]!.id)?.status).toBe('confirmed');
  });
});

describe('the team leader on the phone', () => {
  /** A volunteer who leads a new team with an approved project; the other team's project is `projectId`. */
  async function leaderOfTeam() {
    const leader = await volunteer();
    const team = await buildOrganization(server.ctx, centerActor, { siteId: station, name: `带队测试队${leader.id}` });
    await server.ctx.db.updateTable('organizations').set({ leader_volunteer_id: leader.id }).where('id', '=', team.id).execute();
    const project = await buildProject(server.ctx, centerActor, { organizationId: team.id, name: '带队测试项目' });
    return { ...leader, teamId: team.id, projectId: project.id };
  }

  it('sees only the activities of the teams they lead; the console list stays staff-only', async () => {
    const leader = await leaderOfTeam();
    const own = [await activity({ projectId: leader.projectId, title: '本队活动一' }), await activity({ projectId: leader.projectId, title: '本队活动二' })];
    await activity({ title: '别队的活动' });
    const led = await leader.client.get('/api/v1/activities/led');
    expect(led.status).toBe(200);
    expect(led.body.items.map((a: { id: number }) => a.id).sort()).toEqual(own.map((a) => a.id).sort());
    expect(led.body.items.every((a: { organization: { id: number } }) => a.organization.id === leader.teamId)).toBe(true);
    expect((await (await volunteer()).client.get('/api/v1/activities/led')).body).toEqual({ items: [] });
    expect((await leader.client.get('/api/v1/activities')).status).toBe(403);
  });

  it('approves, shows the code, marks, confirms and rates on their team’s activity, and finds nothing on another team’s', async () => {
    const leader = await leaderOfTeam();
    const pending = await activity({ projectId: leader.projectId, requiresApproval: true });
    const v = await volunteer();
    expect((await v.client.post(`/api/v1/activities/${pending.id}/signup`)).body.status).toBe('pending');
    expect((await leader.client.post(`/api/v1/activities/${pending.id}/signups/${v.id}`, { decision: 'approve' })).body).toEqual({ activityId: pending.id, status: 'confirmed' });
    const code = await leader.client.get(`/api/v1/activities/${pending.id}/checkin-code`);
    expect(code.status).toBe(200);
    expect((await v.client.post(`/api/v1/activities/${pending.id}/checkin`, { token: code.body.token })).body).toMatchObject({ method: 'qr', repeated: false });

    const start = Date.now() - 4 * HOUR;
    const past = await pastActivity(start, 3);
    await server.ctx.db.updateTable('activities').set({ project_id: leader.projectId }).where('id', '=', past.id).execute();
    const [phoneless, scanned] = [await volunteer(), await volunteer()];
    await server.ctx.db.insertInto('signups').values({ activity_id: past.id, volunteer_id: phoneless.id, status: 'confirmed' }).execute();
    await attended(past.id, scanned.id, { from: start, to: start + HOUR });
    const marked = await leader.client.put(`/api/v1/activities/${past.id}/roster/${phoneless.id}`, {
      checkInAt: new Date(start).toISOString(), checkOutAt: new Date(start + 2 * HOUR).toISOString(),
    });
    expect(marked.status).toBe(200);
    const confirmed = await leader.client.post(`/api/v1/activities/${past.id}/confirm`, {});
    expect(confirmed.body).toEqual({ recorded: [{ volunteerId: phoneless.id, minutes: 120 }, { volunteerId: scanned.id, minutes: 60 }].sort((a, b) => a.volunteerId - b.volunteerId), skipped: [] });
    const entries = await server.ctx.db.selectFrom('service_hours').select(['volunteer_id', 'minutes', 'organization_id', 'recorded_by'])
      .where('source', '=', 'activity').where('source_id', '=', past.id).orderBy('volunteer_id').execute();
    expect(entries).toEqual([phoneless.id, scanned.id].sort((a, b) => a - b).map((id) => ({
      volunteer_id: id, minutes: id === phoneless.id ? 120 : 60, organization_id: leader.teamId, recorded_by: leader.actor.userId,
    })));
    const rated = await leader.client.post(`/api/v1/activities/${past.id}/volunteers/${scanned.id}/rating`, { score: 4, comment: '认真负责' });
    expect(rated.status).toBe(200);
    expect((await scanned.client.get('/api/v1/activities/mine/ratings')).body.items).toEqual([
      { activityId: past.id, score: 4, comment: '认真负责', createdAt: expect.any(String) },
    ]);

    // Another team's activity: the leader finds nothing there, whatever they try.
    const other = await pastActivity(start, 3);
    const stranger = await volunteer();
    await attended(other.id, stranger.id, { from: start, to: start + HOUR });
    const tries = [
      leader.client.post(`/api/v1/activities/${other.id}/signups/${stranger.id}`, { decision: 'reject' }),
      leader.client.get(`/api/v1/activities/${other.id}/roster`),
      leader.client.get(`/api/v1/activities/${other.id}/checkin-code`),
      leader.client.put(`/api/v1/activities/${other.id}/roster/${stranger.id}`, { checkInAt: new Date(start).toISOString() }),
      leader.client.post(`/api/v1/activities/${other.id}/confirm`, {}),
      leader.client.post(`/api/v1/activities/${other.id}/volunteers/${stranger.id}/rating`, { score: 1 }),
      leader.client.get(`/api/v1/activities/${other.id}/evaluations`),
    ];
    expect((await Promise.all(tries)).map((answer) => answer.status)).toEqual(Array<number>(tries.length).fill(404));
    expect(await ledgerOf(other.id)).toEqual([]);
  });
});

describe('evaluations', () => {
  it('show the average, the count and the latest comments to those who run the activity, and only to them', async () => {
    const start = Date.now() - 4 * HOUR;
    const made = await pastActivity(start, 3);
    const [a, b, c] = [await volunteer(), await volunteer(), await volunteer()];
    for (const v of [a, b, c]) await attended(made.id, v.id, { from: start, to: start + HOUR });
    const empty = await centerAdmin.get(`/api/v1/activities/${made.id}/evaluations`);
    expect(empty.body).toEqual({ activityId: made.id, averageScore: null, ratings: 0, comments: [], volunteerRatings: [] });

    expect((await a.client.post(`/api/v1/activities/${made.id}/rating`, { score: 5, comment: '组织得很好' })).body).toMatchObject({ averageScore: 5, ratings: 1 });
    await b.client.post(`/api/v1/activities/${made.id}/rating`, { score: 4 });
    await c.client.post(`/api/v1/activities/${made.id}/rating`, { score: 3, comment: '等候时间长' });
    // A second rating replaces the first: 2 + 4 + 3 over three.
    await a.client.post(`/api/v1/activities/${made.id}/rating`, { score: 2, comment: '后来有点乱' });
    await centerAdmin.post(`/api/v1/activities/${made.id}/volunteers/${b.id}/rating`, { score: 5, comment: null });

    const shown = await centerAdmin.get(`/api/v1/activities/${made.id}/evaluations`);
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({ activityId: made.id, averageScore: 3, ratings: 3, volunteerRatings: [{ volunteerId: b.id, score: 5, comment: null }] });
    expect(shown.body.comments.map((row: { score: number; comment: string }) => [row.score, row.comment])).toEqual([[3, '等候时间长'], [2, '后来有点乱']]);

    const other = await buildUser(server.ctx, { siteId: await site('210323000000', 'center'), role: 'center_admin' });
    expect((await (await server.signIn(other.phone, other.password)).get(`/api/v1/activities/${made.id}/evaluations`)).status).toBe(404);
    expect((await a.client.get(`/api/v1/activities/${made.id}/evaluations`)).status).toBe(404);
    expect((await b.client.get('/api/v1/activities/mine/ratings')).body.items).toMatchObject([{ activityId: made.id, score: 5, comment: null }]);
    expect((await c.client.get('/api/v1/activities/mine/ratings')).body.items).toEqual([]);
  });
});
