// Every scarce thing raced through the HTTP API at once (activity seats, wish claims, order
// grabs, call-up posts, check-ins, confirmations of overlapping activities, training places,
// idempotent retries), then the ledgers and counters are compared with the rows they
// summarize. On PostgreSQL the requests really run in parallel on a pool of connections; on
// PGlite they interleave at every await.
// Narrower races stay in their modules: two staff approving one member at once
// (organizations.test.ts), concurrent corrections of one ledger entry (hours.test.ts), a
// retried registration (volunteers.test.ts).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../server/src/lib/scope.ts';
import { servedMinutes } from '../server/src/modules/activities/attendance.ts';
import { verifyStats } from '../server/src/modules/stats/service.ts';
import { actorFor, buildActivity, buildOrganization, buildProject, buildUser, buildVolunteer } from '../server/src/seed/factories.ts';
import { DEMO_PASSWORD, engine } from './env.ts';
import { createTestServer, type TestClient, type TestResponse, type TestServer } from './harness.ts';
import { recounts } from './invariants.ts';

const CROWD = 30;
const HOUR = 3600_000;
let server: TestServer;
let station: number;
let centerAdmin: TestClient;
let centerActor: Actor;
let stationAdmin: TestClient;
let resident: TestClient;
let projectId: number;
/** Signed-in, active volunteers of the station, in the emergency reserve. */
let crowd: { id: number; client: TestClient }[];
const tally = { races: 0, requests: 0 };

/** The requests, already sent together; counted for the run's summary line. */
function race(requests: Promise<TestResponse>[]) {
  tally.races += 1;
  tally.requests += requests.length;
  return Promise.all(requests);
}

const withStatus = (answers: TestResponse[], status: number) => answers.filter((a) => a.status === status);
const at = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();

async function signedInVolunteer() {
  const account = await buildUser(server.ctx, { siteId: station, role: 'volunteer' });
  const made = await buildVolunteer(server.ctx, { siteId: station, userId: account.userId, phone: account.phone, emergencyReserve: true });
  return { id: made.id, client: await server.signIn(account.phone, account.password) };
}

const activity = (overrides: Omit<Parameters<typeof buildActivity>[2], 'projectId' | 'siteId'>) =>
  buildActivity(server.ctx, centerActor, { projectId, siteId: station, ...overrides });

/** Sign-up rows by status, beside the activity's own counters. */
async function seats(activityId: number) {
  const counted = await server.ctx.db.selectFrom('signups').select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('activity_id', '=', activityId).groupBy('status').execute();
  const rows = Object.fromEntries(counted.map((row) => [row.status, Number(row.n)]));
  const counters = await server.ctx.db.selectFrom('activities').select(['confirmed_count', 'waitlist_count']).where('id', '=', activityId).executeTakeFirstOrThrow();
  return { confirmed: rows.confirmed ?? 0, waitlisted: rows.waitlisted ?? 0, counters };
}

const transitions = async (subject: 'wish' | 'order', id: number, to: string) => (await server.ctx.db.selectFrom('workflow_events').select('id')
  .where('subject', '=', subject).where('subject_id', '=', id).where('to_status', '=', to).execute()).length;

beforeAll(async () => {
  server = await createTestServer();
  station = (await server.ctx.db.selectFrom('sites').select('id').where('region_code', '=', '210321001021').where('kind', '=', 'station').executeTakeFirstOrThrow()).id;
  centerAdmin = await server.signIn('13800000001', DEMO_PASSWORD);
  centerActor = await actorFor(server.ctx, (await centerAdmin.get('/api/v1/auth/me')).body.user.id);
  stationAdmin = await server.signIn('13800000003', DEMO_PASSWORD);
  resident = await server.signIn('13800000006', DEMO_PASSWORD);
  const team = await buildOrganization(server.ctx, centerActor, { siteId: station, name: '并发测试总队' });
  projectId = (await buildProject(server.ctx, centerActor, { organizationId: team.id })).id;
  crowd = await Promise.all(Array.from({ length: CROWD }, signedInVolunteer));
});
afterAll(async () => {
  console.log(`races.test (${engine}): ${tally.races} races, ${tally.requests} concurrent requests`);
  await server?.close();
});

describe('races through the API', () => {
  it('activity seats: 3N volunteers for N seats → exactly N confirmed; withdrawals promote exactly as many', async () => {
    const quota = CROWD / 3;
    const made = await activity({ quota, startsAt: at(24), endsAt: at(26), recruitUntil: at(24) });
    // A third of them press twice: the second press is refused, never a second seat.
    const twice = crowd.slice(0, quota);
    const all = await race([...crowd, ...twice].map((v) => v.client.post(`/api/v1/activities/${made.id}/signup`)));
    expect(withStatus(all, 409).map((a) => a.body.error.message)).toEqual(twice.map(() => '您已报名该活动'));
    // Each volunteer's answer: the one that was not refused.
    const answers = crowd.map((_, i) => (i < quota && all[i]!.status === 409 ? all[CROWD + i]! : all[i]!));
    expect(answers.map((a) => a.status)).toEqual(crowd.map(() => 201));
    expect(answers.filter((a) => a.body.status === 'confirmed')).toHaveLength(quota);
    expect(answers.filter((a) => a.body.status === 'waitlisted')).toHaveLength(CROWD - quota);
    expect(await seats(made.id)).toEqual({ confirmed: quota, waitlisted: CROWD - quota, counters: { confirmed_count: quota, waitlist_count: CROWD - quota } });

    // Half the confirmed and as many waiting withdraw at once: each freed seat goes to exactly one waiting volunteer.
    const leaving = [...crowd.filter((_, i) => answers[i]!.body.status === 'confirmed').slice(0, quota / 2),
      ...crowd.filter((_, i) => answers[i]!.body.status === 'waitlisted').slice(0, quota / 2)];
    const withdrawn = await race(leaving.map((v) => v.client.delete(`/api/v1/activities/${made.id}/signup`)));
    expect(withdrawn.map((a) => a.body.status)).toEqual(leaving.map(() => 'cancelled'));
    const waiting = CROWD - quota - quota;
    expect(await seats(made.id)).toEqual({ confirmed: quota, waitlisted: waiting, counters: { confirmed_count: quota, waitlist_count: waiting } });
  });

  it('wish claims: everyone presses “claim” at once → one claimer, the rest told clearly', async () => {
    const posted = await resident.post('/api/v1/wishes', {
      title: '想要一台收音机', story: '老人独居，想听广播解闷。', category: 'daily', beneficiaryGroup: 'elderly_alone', beneficiaryName: '孙奶奶', siteId: station,
    });
    expect((await stationAdmin.post(`/api/v1/wishes/${posted.body.id}/review`, { decision: 'approve' })).body.status).toBe('published');
    const answers = await race(crowd.map((v) => v.client.post(`/api/v1/wishes/${posted.body.id}/claim`, { as: 'volunteer' })));
    expect(withStatus(answers, 200)).toHaveLength(1);
    expect(withStatus(answers, 409).map((a) => a.body.error.message)).toEqual(Array(CROWD - 1).fill('这个心愿刚刚被别人认领了，请看看其他心愿'));
    const winnerId = crowd[answers.findIndex((a) => a.status === 200)]!.id;
    const row = await server.ctx.db.selectFrom('wishes').select(['status', 'claimer_volunteer_id']).where('id', '=', posted.body.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'claimed', claimer_volunteer_id: winnerId });
    expect(await transitions('wish', posted.body.id, 'claimed')).toBe(1);
    const told = await server.ctx.db.selectFrom('notifications').select('id').where('kind', '=', 'wish_claimed').where('link', '=', `/m/wishes/${posted.body.id}`).execute();
    expect(told).toHaveLength(1);
  });

  it('order grabs: ten team leaders grab one order → one team; its double delivery records each member’s hours once', async () => {
    // Ten teams of three, every member joining and being approved at once.
    const teams = await Promise.all(Array.from({ length: 10 }, (_, i) => buildOrganization(server.ctx, centerActor, { siteId: station, name: `抢单并发${i + 1}队` })));
    const memberOf = (i: number) => teams[i % teams.length]!.id;
    expect(withStatus(await race(crowd.map((v, i) => v.client.post(`/api/v1/organizations/${memberOf(i)}/join`))), 201)).toHaveLength(CROWD);
    expect(withStatus(await race(crowd.map((v, i) => centerAdmin.post(`/api/v1/organizations/${memberOf(i)}/members/${v.id}`, { decision: 'approve' }))), 200)).toHaveLength(CROWD);
    const sizes = await server.ctx.db.selectFrom('organizations').select('member_count').where('id', 'in', teams.map((t) => t.id)).execute();
    expect(sizes.map((s) => s.member_count)).toEqual(teams.map(() => CROWD / teams.length));
    const leaders = crowd.slice(0, teams.length);
    for (const [i, leader] of leaders.entries()) {
      expect((await centerAdmin.patch(`/api/v1/organizations/${teams[i]!.id}`, { leaderVolunteerId: leader.id })).status).toBe(200);
    }

    const placed = await resident.post('/api/v1/orders', { title: '楼道堆物清理', category: 'environment', siteId: station });
    await stationAdmin.post(`/api/v1/orders/${placed.body.id}/triage`);
    expect((await stationAdmin.post(`/api/v1/orders/${placed.body.id}/dispatch`, { openForGrab: true })).body.status).toBe('dispatched');
    const grabs = await race(leaders.map((leader, i) => leader.client.post(`/api/v1/orders/${placed.body.id}/grab`, { organizationId: teams[i]!.id })));
    expect(withStatus(grabs, 200)).toHaveLength(1);
    expect(withStatus(grabs, 409).map((a) => a.body.error.code)).toEqual(leaders.slice(1).map(() => 'CONFLICT'));
    const w = grabs.findIndex((a) => a.status === 200);
    expect(grabs[w]!.body).toMatchObject({ status: 'accepted', organization: { id: teams[w]!.id } });
    expect(await transitions('order', placed.body.id, 'accepted')).toBe(1);

    const members = crowd.filter((_, i) => memberOf(i) === teams[w]!.id);
    const delivery = { report: '楼道已清理干净', participants: members.map((m) => ({ volunteerId: m.id, minutes: 45 })) };
    const delivered = await race([leaders[w]!.client.post(`/api/v1/orders/${placed.body.id}/deliver`, delivery), leaders[w]!.client.post(`/api/v1/orders/${placed.body.id}/deliver`, delivery)]);
    expect(delivered.map((a) => a.status).sort()).toEqual([200, 409]);
    const entries = await server.ctx.db.selectFrom('service_hours').select(['volunteer_id', 'minutes']).where('source', '=', 'order').where('source_id', '=', placed.body.id).orderBy('volunteer_id').execute();
    expect(entries).toEqual(members.map((m) => ({ volunteer_id: m.id, minutes: 45 })).sort((a, b) => a.volunteer_id - b.volunteer_id));
  });

  it('call-up posts: M places, everyone accepts at once (half of them twice) → exactly M placed, one answer each', async () => {
    const callup = await centerAdmin.post('/api/v1/callups', {
      title: '防汛值守', areaPrefix: '210321001021', headcount: 10, posts: [{ name: '河堤一段', capacity: 6 }, { name: '河堤二段', capacity: 4 }],
    });
    expect(callup.status).toBe(201);
    const twice = crowd.slice(0, CROWD / 2);
    const answers = await race([...crowd, ...twice].map((v) => v.client.post(`/api/v1/callups/${callup.body.id}/respond`, { decision: 'accept' })));
    expect(withStatus(answers, 200)).toHaveLength(CROWD);
    expect(withStatus(answers, 409).map((a) => a.body.error.code)).toEqual(twice.map(() => 'CONFLICT'));
    const board = (await centerAdmin.get(`/api/v1/callups/${callup.body.id}`)).body;
    expect(board.posts.map((p: { assigned: number; capacity: number; responders: unknown[] }) => [p.assigned, p.capacity, p.responders.length])).toEqual([[6, 6, 6], [4, 4, 4]]);
    expect(board.standby).toHaveLength(CROWD - 10);
    expect(board.accepted).toBe(CROWD);
    expect(withStatus(answers, 200).filter((a) => a.body.postId !== null)).toHaveLength(10);
  });

  it('double check-in and check-out: one attendance each; confirmed twice at once, one ledger entry each', async () => {
    const place = { latitude: 41.41, longitude: 122.43 };
    const made = await activity({ quota: CROWD, startsAt: at(-1), endsAt: at(1), recruitUntil: at(1), ...place });
    const signups = await race(crowd.map((v) => v.client.post(`/api/v1/activities/${made.id}/signup`)));
    expect(signups.map((a) => a.body.status)).toEqual(crowd.map(() => 'confirmed'));
    const url = (what: string) => `/api/v1/activities/${made.id}/${what}`;
    const scanTwice = async (what: 'checkin' | 'checkout') => {
      // By location, not the rotating code, so that a slow run cannot outlive the code.
      const proof = { ...place, locationConsent: true };
      const answers = await race(crowd.flatMap((v) => [v.client.post(url(what), proof), v.client.post(url(what), proof)]));
      expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
      // Per volunteer: one scan did it, the other saw it done, and both report the same stored times.
      for (let i = 0; i < answers.length; i += 2) {
        const [a, b] = [answers[i]!.body, answers[i + 1]!.body];
        expect([a.repeated, b.repeated].sort(), what).toEqual([false, true]);
        expect([a.checkedInAt, a.checkedOutAt]).toEqual([b.checkedInAt, b.checkedOutAt]);
      }
      return answers;
    };
    await scanTwice('checkin');
    // The clock moves on: check-out opens a few minutes after check-in.
    await server.ctx.db.updateTable('attendance').set({ check_in_at: sql<Date>`check_in_at - interval '90 minutes'` }).where('activity_id', '=', made.id).execute();
    const checkOuts = await scanTwice('checkout');
    const attendance = await server.ctx.db.selectFrom('attendance').selectAll().where('activity_id', '=', made.id).orderBy('volunteer_id').execute();
    expect(attendance).toHaveLength(CROWD);
    expect(new Set(checkOuts.map((a) => a.body.checkedOutAt))).toEqual(new Set(attendance.map((row) => row.check_out_at!.toISOString())));

    // The activity ends; “confirm” is pressed four times at once.
    await server.ctx.db.updateTable('activities').set({ ends_at: sql<Date>`now() - interval '1 minute'` }).where('id', '=', made.id).execute();
    const confirmed = await race(Array.from({ length: 4 }, () => centerAdmin.post(url('confirm'), {})));
    expect(confirmed.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    const recorded = confirmed.flatMap((a) => a.body.recorded as { volunteerId: number }[]).map((r) => r.volunteerId).sort((a, b) => a - b);
    expect(recorded).toEqual(crowd.map((v) => v.id).sort((a, b) => a - b));
    const ended = await server.ctx.db.selectFrom('activities').select(['starts_at', 'ends_at']).where('id', '=', made.id).executeTakeFirstOrThrow();
    const entries = await server.ctx.db.selectFrom('service_hours').select(['volunteer_id', 'minutes']).where('source', '=', 'activity').where('source_id', '=', made.id).orderBy('volunteer_id').execute();
    expect(entries).toEqual(attendance.map((row) => ({ volunteer_id: row.volunteer_id, minutes: servedMinutes(ended, row.check_in_at, row.check_out_at!) })));
  });

  it('overlapping activities confirmed at once: each volunteer’s shared hour is counted by one of them only', async () => {
    const [early, late] = [await activity({ quota: CROWD, startsAt: at(24), endsAt: at(26) }), await activity({ quota: CROWD, startsAt: at(25), endsAt: at(27) })];
    for (const made of [early, late]) {
      expect((await race(crowd.map((v) => v.client.post(`/api/v1/activities/${made.id}/signup`)))).map((a) => a.body.status)).toEqual(crowd.map(() => 'confirmed'));
    }
    // Both ran three days ago, one hour apart, and everyone stayed to the end of each: the
    // attendance earlier rules let through (check-in now refuses the second).
    await server.ctx.db.updateTable('activities').set({ starts_at: sql<Date>`starts_at - interval '99 hours'`, ends_at: sql<Date>`ends_at - interval '99 hours'` })
      .where('id', 'in', [early.id, late.id]).execute();
    await server.ctx.db.insertInto('attendance').columns(['activity_id', 'volunteer_id', 'check_in_at', 'check_in_method', 'check_out_at', 'check_out_method'])
      .expression((eb) => eb.selectFrom('signups').innerJoin('activities', 'activities.id', 'signups.activity_id')
        .select(['signups.activity_id', 'signups.volunteer_id', 'activities.starts_at', sql<string>`'qr'`.as('m1'), 'activities.ends_at', sql<string>`'qr'`.as('m2')])
        .where('signups.activity_id', 'in', [early.id, late.id]))
      .execute();

    const answers = await race([early, late].map((made) => centerAdmin.post(`/api/v1/activities/${made.id}/confirm`, {})));
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    const byVolunteer = (key: 'recorded' | 'skipped') => answers.flatMap((a) => a.body[key] as { volunteerId: number }[]).map((r) => r.volunteerId).sort((a, b) => a - b);
    const everyone = crowd.map((v) => v.id).sort((a, b) => a - b);
    expect(byVolunteer('recorded')).toEqual(everyone);
    expect(byVolunteer('skipped')).toEqual(everyone);
    expect(new Set(answers.flatMap((a) => a.body.skipped.map((s: { reason: string }) => s.reason)))).toEqual(new Set(['overlaps_recorded']));
    const entries = await server.ctx.db.selectFrom('service_hours').select(['volunteer_id', (eb) => eb.fn.sum<number>('minutes').as('minutes')])
      .where('source', '=', 'activity').where('source_id', 'in', [early.id, late.id]).groupBy('volunteer_id').orderBy('volunteer_id').execute();
    expect(entries.map((e) => [e.volunteer_id, Number(e.minutes)])).toEqual(everyone.map((id) => [id, 120]));
  });

  it('training seats: everyone enrols at once (some twice) in a session of N places → exactly N enrolled', async () => {
    const course = await centerAdmin.post('/api/v1/courses', { title: '防汛抢险实务', mode: 'offline', category: 'assistance', siteId: station });
    const session = await centerAdmin.post('/api/v1/training-sessions', { courseId: course.body.id, siteId: station, startsAt: at(24), endsAt: at(26), capacity: 10 });
    expect(session.status).toBe(201);
    const answers = await race([...crowd, ...crowd.slice(0, 5)].map((v) => v.client.post(`/api/v1/training-sessions/${session.body.id}/enrol`)));
    expect(withStatus(answers, 201)).toHaveLength(10);
    expect(withStatus(answers, 409)).toHaveLength(CROWD + 5 - 10);
    const enrolled = await server.ctx.db.selectFrom('session_enrollments').select('volunteer_id').where('session_id', '=', session.body.id).execute();
    expect(enrolled).toHaveLength(10);
    const row = await server.ctx.db.selectFrom('course_sessions').select('enrolled_count').where('id', '=', session.body.id).executeTakeFirstOrThrow();
    expect(row.enrolled_count).toBe(10);
  });

  it('idempotent retries: one key sent many times at once, then again → one record, the same answer', async () => {
    const retried = async (send: () => Promise<TestResponse>) => {
      const together = await race(Array.from({ length: 20 }, send));
      const done = withStatus(together, 201);
      expect(done.length).toBeGreaterThanOrEqual(1);
      // A retry arriving while the first still runs is told so, never run twice (idempotency.ts).
      expect(withStatus(together, 409).map((a) => a.body.error.code)).toEqual(Array(together.length - done.length).fill('IDEMPOTENCY_IN_PROGRESS'));
      const later = [await send(), await send(), await send()];
      for (const answer of [...done, ...later]) expect(answer.body).toEqual(done[0]!.body);
      expect(later.map((a) => a.headers['idempotent-replayed'])).toEqual(['true', 'true', 'true']);
      return done[0]!.body;
    };
    const title = `并发重试点单${crowd[0]!.id}`;
    const order = await retried(() => resident.post('/api/v1/orders', { title, category: 'assistance', siteId: station }, { 'idempotency-key': `order-${crowd[0]!.id}` }));
    expect(await server.ctx.db.selectFrom('orders').select('id').where('title', '=', title).execute()).toEqual([{ id: order.id }]);

    const made = await activity({ quota: 5 });
    const [v] = crowd;
    await retried(() => v!.client.post(`/api/v1/activities/${made.id}/signup`, {}, { 'idempotency-key': `signup-${made.id}-${v!.id}` }));
    expect(await seats(made.id)).toEqual({ confirmed: 1, waitlisted: 0, counters: { confirmed_count: 1, waitlist_count: 0 } });
  });

  it('afterwards: every total equals its ledger, every counter its rows, and the statistics a recount', async () => {
    for (const [what, query] of Object.entries(recounts)) {
      expect({ what, rows: (await query.execute(server.ctx.db)).rows }).toEqual({ what, rows: [] });
    }
    // No entry here was reversed: each confirmed attendance is exactly one standing activity entry, and no entry lacks one.
    const { rows: ledger } = await sql`
      SELECT a.activity_id, a.volunteer_id, a.confirmed_at IS NOT NULL AS confirmed, count(h.id)::int AS entries FROM attendance a
      FULL JOIN (SELECT * FROM service_hours h WHERE source = 'activity' AND kind = 'service'
                 AND NOT EXISTS (SELECT 1 FROM service_hours r WHERE r.reverses_id = h.id)) h
        ON h.source_id = a.activity_id AND h.volunteer_id = a.volunteer_id
      GROUP BY 1, 2, 3 HAVING count(h.id) <> (CASE WHEN a.confirmed_at IS NOT NULL THEN 1 ELSE 0 END)`.execute(server.ctx.db);
    expect(ledger).toEqual([]);
    expect(await verifyStats(server.ctx)).toEqual([]);
  });
});
