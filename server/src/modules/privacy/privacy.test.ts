import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../../test/env.ts';
import { createTestServer, type TestClient, type TestServer } from '../../../../test/harness.ts';
import { actorFor, buildActivity, buildOrganization, buildProject, buildUser, buildVolunteer, nextIdNumber, TEST_PASSWORD } from '../../seed/factories.ts';
import type { Actor } from '../../lib/scope.ts';
import { recordServiceHours } from '../hours/service.ts';
import { deliverPendingSms } from '../inbox/outbox.ts';
import { textNumber, textPeople } from '../inbox/service.ts';
import { foldStatsEvents, rebuildStats, verifyStats } from '../stats/service.ts';

const STATION_CODE = '210321001021';
let server: TestServer;
let station: number;
let organizationId: number;
let centerActor: Actor;
let centerAdmin: TestClient;
let sourceCounter = 5000;

const siteId = async (code: string, kind: string) =>
  (await server.ctx.db.selectFrom('sites').select('id').where('region_code', '=', code).where('kind', '=', kind).executeTakeFirstOrThrow()).id;

beforeAll(async () => {
  server = await createTestServer();
  station = await siteId(STATION_CODE, 'station');
  centerAdmin = await server.signIn('13800000001', DEMO_PASSWORD);
  const centerUserId: number = (await centerAdmin.get('/api/v1/auth/me')).body.user.id;
  centerActor = await actorFor(server.ctx, centerUserId);
  organizationId = (await buildOrganization(server.ctx, centerActor, { siteId: station })).id;
});
afterAll(() => server?.close());

/** A volunteer with an account, 90 minutes of service for the organization, a wish and an order. */
async function person() {
  const idNumber = nextIdNumber();
  const account = await buildUser(server.ctx, { siteId: station, role: 'volunteer', name: '赵敏敏' });
  const volunteer = await buildVolunteer(server.ctx, { siteId: station, userId: account.userId, phone: account.phone, idNumber, name: '赵敏敏' });
  sourceCounter += 1;
  await recordServiceHours(server.ctx, {
    volunteerId: volunteer.id, source: 'order', sourceId: sourceCounter, siteId: station, regionCode: STATION_CODE, organizationId,
    startedAt: new Date('2026-05-01T01:00:00Z'), endedAt: new Date('2026-05-01T02:30:00Z'), minutes: 90, recordedBy: null,
  });
  const client = await server.signIn(account.phone, account.password);
  const wish = await client.post('/api/v1/wishes', {
    title: '想要一副老花镜', story: '看报纸看不清', category: 'daily', beneficiaryGroup: 'elderly_alone',
    beneficiaryName: '赵敏敏', beneficiaryPhone: account.phone, siteId: station,
  });
  expect(wish.status).toBe(201);
  const order = await client.post('/api/v1/orders', {
    title: '上门理发', category: 'assistance', siteId: station, address: '台安县八角台街道幸福小区3号楼', contactPhone: account.phone,
  });
  expect(order.status).toBe(201);
  const certificate = await client.post('/api/v1/certificates', { organizationId });
  expect(certificate.status).toBe(201);
  return { ...account, idNumber, volunteerId: volunteer.id, client, certificate: certificate.body.code as string };
}

type Person = Awaited<ReturnType<typeof person>>;

/** What identifies the person at rest: numbers in clear, their ciphertexts and lookup hashes. */
async function secretsOf(p: Person) {
  const db = server.ctx.db;
  const user = await db.selectFrom('users').select(['phone_enc', 'phone_hash']).where('id', '=', p.userId).executeTakeFirstOrThrow();
  const volunteer = await db.selectFrom('volunteers').select(['id_enc', 'id_hash', 'phone_enc']).where('id', '=', p.volunteerId).executeTakeFirstOrThrow();
  const wish = await db.selectFrom('wishes').select(['beneficiary_name_enc', 'beneficiary_phone_enc']).where('posted_by', '=', p.userId).executeTakeFirstOrThrow();
  const order = await db.selectFrom('orders').select('contact_phone_enc').where('resident_id', '=', p.userId).executeTakeFirstOrThrow();
  // the check below can find them: they are there before the erasure
  expect(await tablesHolding(user.phone_hash)).toEqual(['login_attempts', 'users', 'volunteers']);
  expect(await tablesHolding(volunteer.id_enc)).toEqual(['volunteers']);
  return [p.phone, p.idNumber, user.phone_enc, user.phone_hash, volunteer.id_enc, volunteer.id_hash, volunteer.phone_enc,
    wish.beneficiary_name_enc, wish.beneficiary_phone_enc!, order.contact_phone_enc!];
}

/** Every row of every table whose text holds the value: where it still lives. */
async function tablesHolding(value: string) {
  const tables = await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`.execute(server.ctx.db);
  const found: string[] = [];
  for (const { name } of tables.rows) {
    const hit = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(name)} t WHERE strpos(t::text, ${value}) > 0`.execute(server.ctx.db);
    if (hit.rows[0]!.n > 0) found.push(name);
  }
  return found;
}

/** The person's own rows, every column, as text. */
async function rowsOf(p: Person) {
  const rows = await sql<{ row: string }>`
    SELECT t::text AS row FROM users t WHERE id = ${p.userId}
    UNION ALL SELECT t::text FROM volunteers t WHERE id = ${p.volunteerId}
    UNION ALL SELECT t::text FROM wishes t WHERE posted_by = ${p.userId}
    UNION ALL SELECT t::text FROM orders t WHERE resident_id = ${p.userId}
    UNION ALL SELECT t::text FROM certificates t WHERE volunteer_id = ${p.volunteerId}
    UNION ALL SELECT t::text FROM login_attempts t WHERE user_id = ${p.userId}`.execute(server.ctx.db);
  return rows.rows.map((r) => r.row);
}

const counters = async () => {
  await foldStatsEvents(server.ctx);
  const rows = await sql<{ prefix: string; metric: string; key: string; day: string; value: string }>`
    SELECT prefix, metric, key, day::text, value::text FROM stats_counters ORDER BY 1, 2, 3, 4`.execute(server.ctx.db);
  return rows.rows;
};

const organizationMinutes = async () => Number((await sql<{ m: string }>`
  SELECT coalesce(sum(minutes), 0)::text AS m FROM service_hours WHERE organization_id = ${organizationId}`.execute(server.ctx.db)).rows[0]!.m);

async function expectErased(p: Person, secrets: string[]) {
  for (const secret of secrets) expect({ secret, tables: await tablesHolding(secret) }).toEqual({ secret, tables: [] });
  for (const row of await rowsOf(p)) expect(row).not.toContain('赵敏敏');
  const login = await server.client().post('/api/v1/auth/login', { phone: p.phone, password: p.password });
  expect(login.status).toBe(401);
  expect((await p.client.get('/api/v1/auth/me')).status).toBe(401);
  const user = await server.ctx.db.selectFrom('users').select(['name', 'status']).where('id', '=', p.userId).executeTakeFirstOrThrow();
  expect(user).toEqual({ name: `已注销用户#${p.userId}`, status: 'disabled' });
  expect(await server.ctx.db.selectFrom('grants').select('id').where('user_id', '=', p.userId).execute()).toEqual([]);
  const verified = await server.client().get(`/api/v1/public/certificates/${p.certificate}`);
  expect(verified.body).toMatchObject({ genuine: true, revoked: true, revokeReason: '持证人已注销账号', hours: 1.5 });
}

describe('a copy of my data', () => {
  it('holds my records, my own numbers in full, and is audited', async () => {
    const p = await person();
    expect((await server.client().get('/api/v1/me/data-export')).status).toBe(401);
    const exported = await p.client.get('/api/v1/me/data-export');
    expect(exported.status).toBe(200);
    const body = exported.body;
    expect(body.account).toMatchObject({ id: p.userId, name: '赵敏敏', phone: p.phone, roles: [{ role: 'volunteer' }] });
    expect(body.volunteer).toMatchObject({ id: p.volunteerId, name: '赵敏敏', idNumber: p.idNumber, phone: p.phone, status: 'active' });
    expect(body.hours).toMatchObject({ minutes: 90, hours: 1.5, records: 1, entries: [{ kind: 'service', minutes: 90 }] });
    expect(body.wishes).toMatchObject([{ title: '想要一副老花镜', beneficiaryName: '赵敏敏', beneficiaryPhone: p.phone }]);
    expect(body.orders).toMatchObject([{ title: '上门理发', contactPhone: p.phone, address: '台安县八角台街道幸福小区3号楼' }]);
    expect(body.certificates).toMatchObject([{ code: p.certificate, minutes: 90, revokedAt: null }]);
    expect(JSON.stringify(body)).not.toMatch(/scrypt|password/i);
    const audit = await server.ctx.db.selectFrom('audit_log').select(['actor_id', 'action', 'region_code'])
      .where('subject', '=', `user:${p.userId}`).where('action', '<>', 'sign_in').execute();
    expect(audit).toEqual([{ actor_id: p.userId, action: 'export', region_code: STATION_CODE }]);
  });
});

describe('erasure', () => {
  it('by the person: identity gone everywhere, hours and statistics kept, the numbers free again', async () => {
    const p = await person();
    const secrets = await secretsOf(p);
    const before = await counters();
    const minutesBefore = await organizationMinutes();

    const wrong = await p.client.post('/api/v1/me/erase', { currentPassword: 'Wrong-pass1', confirm: true });
    expect(wrong.body.error.code).toBe('WRONG_PASSWORD');
    expect((await p.client.post('/api/v1/me/erase', { currentPassword: p.password, confirm: false })).status).toBe(400);
    const erased = await p.client.post('/api/v1/me/erase', { currentPassword: p.password, confirm: true });
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ userId: p.userId, pseudonym: `已注销用户#${p.userId}`, volunteerId: p.volunteerId, keptMinutes: 90, keptEntries: 1 });
    await expectErased(p, secrets);

    // the ledger and every total built on it are untouched; only the head count loses them
    expect(await organizationMinutes()).toBe(minutesBefore);
    expect(await server.ctx.db.selectFrom('volunteer_hours').select(['minutes', 'entries']).where('volunteer_id', '=', p.volunteerId).executeTakeFirst())
      .toEqual({ minutes: 90, entries: 1 });
    const after = await counters();
    const headCount = (rows: typeof before) => rows.filter((r) => r.metric === 'volunteers' || r.metric === 'registrations');
    const rest = (rows: typeof before) => rows.filter((r) => !headCount([r]).length);
    expect(rest(after)).toEqual(rest(before));
    const total = (rows: typeof before, metric: string) => rows.filter((r) => r.prefix === '21' && r.metric === metric).reduce((s, r) => s + Number(r.value), 0);
    expect(total(after, 'volunteers')).toBe(total(before, 'volunteers') - 1);
    expect(total(after, 'service_minutes')).toBe(total(before, 'service_minutes'));
    expect(await verifyStats(server.ctx)).toEqual([]);
    await rebuildStats(server.ctx);
    expect(await counters()).toEqual(after);

    // the phone number and the ID number can register again, as a new person
    const again = await server.client().post('/api/v1/volunteers/register', {
      name: '赵敏敏', idNumber: p.idNumber, phone: p.phone, siteId: station, skills: ['书法'], availability: ['weekend'], consent: true, password: TEST_PASSWORD,
    });
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(p.volunteerId);
  });

  it('by staff: center admins of the area only, with a reason that does not name the person', async () => {
    const p = await person();
    const secrets = await secretsOf(p);
    // a seat in an activity still to come goes back to the waiting list's first
    const project = await buildProject(server.ctx, centerActor, { organizationId });
    const later = new Date(Date.now() + 48 * 3600_000);
    const activity = await buildActivity(server.ctx, centerActor, {
      projectId: project.id, siteId: station, quota: 1, startsAt: later.toISOString(), endsAt: new Date(later.getTime() + 7200_000).toISOString(),
    });
    const waiting = await person();
    const team = await buildOrganization(server.ctx, centerActor, { siteId: station, contactName: '赵敏敏', contactPhone: p.phone });
    await server.ctx.db.updateTable('organizations').set({ leader_volunteer_id: p.volunteerId }).where('id', '=', team.id).execute();
    const teamRow = () => server.ctx.db.selectFrom('organizations').select(['leader_volunteer_id', 'contact_name', 'contact_phone_enc']).where('id', '=', team.id).executeTakeFirstOrThrow();
    secrets.push((await teamRow()).contact_phone_enc!);
    expect((await p.client.post(`/api/v1/activities/${activity.id}/signup`)).body.status).toBe('confirmed');
    expect((await waiting.client.post(`/api/v1/activities/${activity.id}/signup`)).body.status).toBe('waitlisted');
    const url = `/api/v1/privacy/erase/${p.userId}`;
    const stationAdmin = await server.signIn('13800000003', DEMO_PASSWORD);
    expect((await stationAdmin.post(url, { reason: '本人书面申请注销' })).status).toBe(403);
    const elsewhere = await buildUser(server.ctx, { siteId: await siteId('210323000000', 'center'), role: 'center_admin' });
    const otherCounty = await server.signIn(elsewhere.phone, elsewhere.password);
    expect((await otherCounty.post(url, { reason: '本人书面申请注销' })).status).toBe(404);
    expect((await p.client.post(url, { reason: '本人书面申请注销' })).status).toBe(403);
    const named = await centerAdmin.post(url, { reason: `赵敏敏（${p.phone}）书面申请` });
    expect(named.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'reason' });

    const erased = await centerAdmin.post(url, { reason: '本人书面申请注销，编号2026-017' });
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ volunteerId: p.volunteerId, keptMinutes: 90 });
    await expectErased(p, secrets);
    expect(await teamRow()).toEqual({ leader_volunteer_id: null, contact_name: null, contact_phone_enc: null });
    const seats = await server.ctx.db.selectFrom('signups').select(['volunteer_id', 'status']).where('activity_id', '=', activity.id).orderBy('volunteer_id').execute();
    expect(seats).toEqual([{ volunteer_id: p.volunteerId, status: 'cancelled' }, { volunteer_id: waiting.volunteerId, status: 'confirmed' }]);
    const me = (await centerAdmin.get('/api/v1/auth/me')).body.user.id;
    const audit = await server.ctx.db.selectFrom('audit_log').select(['actor_id', 'action', 'reason'])
      .where('subject', '=', `user:${p.userId}`).where('action', '<>', 'sign_in').execute();
    expect(audit).toEqual([{ actor_id: me, action: 'erase', reason: '本人书面申请注销，编号2026-017' }]);
    expect((await centerAdmin.post(url, { reason: '本人书面申请注销' })).status).toBe(404);
  });

  it('deletes the texts to their numbers, sent or waiting for a retry, and nobody else’s', async () => {
    const db = server.ctx.db;
    /** The person's numbers as stored: the account's, the volunteer record's, their own wish's. */
    const numbersOf = async (p: Person) => [
      (await db.selectFrom('users').select('phone_enc').where('id', '=', p.userId).executeTakeFirstOrThrow()).phone_enc,
      (await db.selectFrom('volunteers').select('phone_enc').where('id', '=', p.volunteerId).executeTakeFirstOrThrow()).phone_enc,
      (await db.selectFrom('wishes').select('beneficiary_phone_enc').where('posted_by', '=', p.userId).executeTakeFirstOrThrow()).beneficiary_phone_enc!,
    ];
    const outbox = (numbers: string[]) => db.selectFrom('sms_outbox').select(['text', 'sent_at']).where('phone_enc', 'in', numbers).orderBy('id').execute();
    const p = await person();
    const other = await person();
    const [account, volunteer, wish] = await numbersOf(p);
    const others = await numbersOf(other);

    await textPeople(server.ctx, [p.userId, other.userId], '【连心桥】您报名的活动时间有变');
    await textNumber(server.ctx, volunteer!, '应急动员：请与所在志愿服务站联系报到。');
    await textNumber(server.ctx, wish!, '您的微心愿已被认领。');
    await deliverPendingSms(server.ctx);
    // one the provider refused, waiting for its retry
    await db.insertInto('sms_outbox').values({ phone_enc: account!, text: '【连心桥】稍后重试', attempts: 1, last_error: 'provider down', next_attempt_at: new Date(Date.now() + 3600_000) }).execute();
    const queued = await outbox([account!, volunteer!, wish!]);
    expect(queued).toHaveLength(4);
    expect(queued.filter((row) => row.sent_at === null)).toHaveLength(1);
    expect(await outbox(others)).toHaveLength(1);

    expect((await p.client.post('/api/v1/me/erase', { currentPassword: p.password, confirm: true })).status).toBe(200);
    expect(await outbox([account!, volunteer!, wish!])).toEqual([]);
    expect(await outbox(others)).toEqual([{ text: '【连心桥】您报名的活动时间有变', sent_at: expect.any(Date) }]);
  });
});
