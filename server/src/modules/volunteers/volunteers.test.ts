import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../../test/env.ts';
import { createTestServer, type TestClient, type TestServer } from '../../../../test/harness.ts';
import { checkCharacter } from '../../lib/id-number.ts';
import { buildUser, buildVolunteer, nextIdNumber, nextPhone } from '../../seed/factories.ts';
import { verifyAuditChain } from '../audit/service.ts';

let server: TestServer;
let station: number; // 庆南社区 station (demo station admin 13800000003)
let otherStation: number; // 西郊社区, same institute
let stationAdmin: TestClient;
let centerAdmin: TestClient;

const site = async (regionCode: string, kind: string) =>
  (await server.ctx.db.selectFrom('sites').select('id').where('region_code', '=', regionCode).where('kind', '=', kind).executeTakeFirstOrThrow()).id;

const registration = (overrides: Record<string, unknown> = {}) => ({
  name: '张晓明', idNumber: nextIdNumber(), phone: nextPhone(), password: 'Volunteer2026', siteId: station,
  categories: ['education', 'medical_fitness'], skills: ['急救', '书法'], availability: ['weekend'],
  partyMember: true, emergencyReserve: true, consent: true, ...overrides,
});

beforeAll(async () => {
  server = await createTestServer();
  station = await site('210321001021', 'station');
  otherStation = await site('210321001022', 'station');
  stationAdmin = await server.signIn('13800000003', DEMO_PASSWORD);
  centerAdmin = await server.signIn('13800000001', DEMO_PASSWORD);
});
afterAll(() => server?.close());

describe('registration on the phone', () => {
  it('creates the account, signs in, and shows the ID and phone only masked', async () => {
    const client = server.client();
    const body = registration();
    const response = await client.post('/api/v1/volunteers/register', body);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      name: '张晓明', status: 'pending', source: 'self', partyMember: true, emergencyReserve: true,
      idMasked: `${body.idNumber.slice(0, 4)}**********${body.idNumber.slice(14)}`,
      phoneMasked: `${body.phone.slice(0, 3)}****${body.phone.slice(7)}`,
      site: { id: station },
    });
    expect(response.body.volunteerNo).toMatch(/^21\d{9}$/);
    const text = JSON.stringify(response.body);
    expect(text).not.toContain(body.idNumber);
    expect(text).not.toContain(body.phone);
    expect((await client.get('/api/v1/volunteers/me')).body.id).toBe(response.body.id);
    const me = await client.get('/api/v1/auth/me');
    expect(me.body.grants.map((g: { role: string }) => g.role)).toEqual(['volunteer']);
    // Registering signs the person in: audited as any sign-in is.
    const signIns = await server.ctx.db.selectFrom('audit_log').select('action').where('subject', '=', `user:${me.body.user.id}`).execute();
    expect(signIns).toEqual([{ action: 'sign_in' }]);
    const row = await server.ctx.db.selectFrom('volunteers').selectAll().where('id', '=', response.body.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(body.idNumber);
    expect(server.ctx.pii.decrypt(row.id_enc)).toBe(body.idNumber);
  });

  it('derives birth date and sex from the ID number', async () => {
    const first17 = '21032119900615002';
    const response = await server.client().post('/api/v1/volunteers/register', registration({ idNumber: `${first17}${checkCharacter(first17)}` }));
    expect(response.body.sex).toBe('F');
    const row = await server.ctx.db.selectFrom('volunteers').select('birth_date').where('id', '=', response.body.id).executeTakeFirstOrThrow();
    expect(row.birth_date).toBe('1990-06-15');
  });

  it('refuses a wrong check character with a message a person can act on', async () => {
    const response = await server.client().post('/api/v1/volunteers/register', registration({ idNumber: '530102192005080119' }));
    expect(response.status).toBe(400);
    expect(response.body.error).toEqual({ code: 'VALIDATION_FAILED', field: 'idNumber', message: '身份证号校验位不正确，请核对' });
  });

  it('refuses a second volunteer with the same ID number, province-wide', async () => {
    const idNumber = nextIdNumber();
    expect((await server.client().post('/api/v1/volunteers/register', registration({ idNumber }))).status).toBe(201);
    const again = await server.client().post('/api/v1/volunteers/register', registration({ idNumber: idNumber.toLowerCase(), siteId: otherStation }));
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('VOLUNTEER_EXISTS');
    expect(again.body.error.message).not.toContain('庆南');
    // Staff are told where the first registration lives, masked.
    const byStaff = await centerAdmin.post('/api/v1/volunteers', { ...registration({ idNumber, siteId: otherStation }), password: undefined });
    expect(byStaff.status).toBe(409);
    expect(byStaff.body.error.message).toMatch(/^该身份证号已登记为志愿者 21\d{9}（张\*\*，庆南社区新时代文明实践站）$/);
    const count = await server.ctx.db.selectFrom('volunteers').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('id_hash', '=', server.ctx.pii.lookupHash('id', idNumber)).executeTakeFirstOrThrow();
    expect(count.n).toBe(1);
  });

  it('asks for a guardian under 18', async () => {
    const minor = nextIdNumber({ birthYear: new Date().getFullYear() - 12 });
    const refused = await server.client().post('/api/v1/volunteers/register', registration({ idNumber: minor }));
    expect(refused.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'guardian' });
    const accepted = await server.client().post('/api/v1/volunteers/register', registration({
      idNumber: minor, guardian: { name: '张父', phone: nextPhone(), consent: true }, emergencyReserve: false,
    }));
    expect(accepted.status).toBe(201);
    expect(accepted.body.guardian).toMatchObject({ name: '张父', phoneMasked: expect.stringMatching(/^199\*\*\*\*\d{4}$/) });
  });

  it('never registers twice for one idempotency key', async () => {
    const body = registration();
    const headers = { 'idempotency-key': `reg-${body.idNumber}` };
    const [first, second] = await Promise.all([
      server.client().post('/api/v1/volunteers/register', body, headers),
      server.client().post('/api/v1/volunteers/register', body, headers),
    ]);
    const statuses = [first.status, second.status].sort();
    expect(statuses[0]).toBe(201);
    expect([201, 409]).toContain(statuses[1]);
    const retry = await server.client().post('/api/v1/volunteers/register', body, headers);
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body.id).toBe(first.status === 201 ? first.body.id : second.body.id);
    const count = await server.ctx.db.selectFrom('volunteers').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('id_hash', '=', server.ctx.pii.lookupHash('id', body.idNumber)).executeTakeFirstOrThrow();
    expect(count.n).toBe(1);
  });

  it('lets a signed-in resident become a volunteer with the account’s phone', async () => {
    const resident = await server.signIn('13800000006', DEMO_PASSWORD);
    const { password: _password, phone: _phone, ...body } = registration({ name: '王大爷' });
    const response = await resident.post('/api/v1/volunteers/me', body);
    expect(response.status).toBe(201);
    expect(response.body.phoneMasked).toBe('138****0006');
    expect((await resident.post('/api/v1/volunteers/me', body)).body.error.code).toBe('ALREADY_VOLUNTEER');
  });
});

describe('skills and available time, required at registration (DOMAIN.md)', () => {
  /** The registration with the list left out, or sent empty. */
  const lacking = (field: 'skills' | 'availability', empty: boolean) => {
    const { [field]: _, ...body } = registration();
    return empty ? { ...body, [field]: [] } : body;
  };
  const bySelf = (body: Record<string, unknown>) => server.client().post('/api/v1/volunteers/register', body);
  const byStaff = (body: Record<string, unknown>) => stationAdmin.post('/api/v1/volunteers', { ...body, password: undefined });

  it('refuses a registration on the phone or by staff without skills or without availability, naming the field; nothing is stored', async () => {
    const refused: string[] = [];
    for (const field of ['skills', 'availability'] as const) {
      for (const send of [bySelf, byStaff]) {
        for (const empty of [false, true]) {
          const body = lacking(field, empty);
          const response = await send(body);
          expect(response.status).toBe(400);
          expect(response.body.error).toEqual({
            code: 'VALIDATION_FAILED', field, message: empty ? `${field} 至少需要 1 项` : `缺少必填项 ${field}`,
          });
          refused.push(server.ctx.pii.lookupHash('id', body.idNumber as string));
        }
      }
    }
    expect(await server.ctx.db.selectFrom('volunteers').select('id').where('id_hash', 'in', refused).execute()).toEqual([]);
  });

  it('refuses a signed-in resident’s registration without them too', async () => {
    const resident = await buildUser(server.ctx, { siteId: station, role: 'resident' });
    const client = await server.signIn(resident.phone, resident.password);
    for (const field of ['skills', 'availability'] as const) {
      const { password: _password, phone: _phone, ...body } = lacking(field, false);
      expect((await client.post('/api/v1/volunteers/me', body)).body.error).toMatchObject({ code: 'VALIDATION_FAILED', field });
    }
  });
});

describe('registering on the phone when staff entered or imported the person first', () => {
  /** A volunteer entered by staff at the other station, in a team, with no account. */
  async function enteredByStaff(phone = nextPhone()) {
    const idNumber = nextIdNumber();
    const made = await buildVolunteer(server.ctx, { siteId: otherStation, idNumber, phone, name: '赵录入', skills: ['书法'], source: 'staff' });
    const team = await server.ctx.db.selectFrom('organizations').select('id').where('region_code', 'like', '210321%')
      .where('status', '=', 'approved').executeTakeFirstOrThrow();
    await server.ctx.db.insertInto('memberships').values({ organization_id: team.id, volunteer_id: made.id, status: 'active' }).execute();
    return { ...made, idNumber, phone, teamId: team.id };
  }
  const record = (id: number) => server.ctx.db.selectFrom('volunteers').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const residentClient = async (phone?: string) => {
    const account = await buildUser(server.ctx, { siteId: station, role: 'resident', ...(phone && { phone }) });
    return { client: await server.signIn(account.phone, account.password), ...account };
  };

  it('links the record to the new account when the phone matches, keeping number, status, profile and teams; audited', async () => {
    const entered = await enteredByStaff();
    const client = server.client();
    const response = await client.post('/api/v1/volunteers/register', registration({ idNumber: entered.idNumber, phone: entered.phone, name: '赵改名', skills: ['舞蹈'] }));
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      id: entered.id, volunteerNo: entered.volunteer_no, name: '赵录入', skills: ['书法'], status: 'active', source: 'staff', site: { id: otherStation },
    });
    expect(response.body.organizations.map((o: { id: number }) => o.id)).toEqual([entered.teamId]);
    const me = await client.get('/api/v1/auth/me');
    expect((await record(entered.id)).user_id).toBe(me.body.user.id);
    expect(me.body.grants).toMatchObject([{ role: 'volunteer', site: { id: otherStation } }]);
    expect((await client.get('/api/v1/volunteers/me')).body.id).toBe(entered.id);
    const audit = await server.ctx.db.selectFrom('audit_log').selectAll().where('subject', '=', `volunteer:${entered.id}`).execute();
    expect(audit).toMatchObject([{ actor_id: me.body.user.id, action: 'volunteer_link', region_code: '210321001022' }]);
    expect(audit[0]!.details).toEqual({ linkedUserId: me.body.user.id, via: 'self_registration' });
  });

  it('links for a signed-in resident whose account phone is the record’s', async () => {
    const resident = await residentClient();
    const entered = await enteredByStaff(resident.phone);
    const { password: _password, phone: _phone, ...body } = registration({ idNumber: entered.idNumber });
    const response = await resident.client.post('/api/v1/volunteers/me', body);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ id: entered.id, volunteerNo: entered.volunteer_no });
    expect((await record(entered.id)).user_id).toBe(resident.userId);
  });

  it('refuses another phone number, sending the person to their station without showing the record', async () => {
    const entered = await enteredByStaff();
    const body = registration({ idNumber: entered.idNumber });
    const response = await server.client().post('/api/v1/volunteers/register', body);
    expect(response.status).toBe(409);
    expect(response.body.error).toMatchObject({ code: 'VOLUNTEER_EXISTS', field: 'phone' });
    expect(response.body.error.message).toContain('请联系所在实践站');
    for (const secret of [entered.volunteer_no, '赵', '西郊', entered.phone.slice(-4)]) expect(response.body.error.message).not.toContain(secret);
    expect((await record(entered.id)).user_id).toBeNull();
    // Nothing of the registration stays: the account went with the refused transaction.
    expect(await server.ctx.db.selectFrom('users').select('id').where('phone_hash', '=', server.ctx.pii.lookupHash('phone', body.phone)).executeTakeFirst()).toBeUndefined();
    const resident = await residentClient();
    const { password: _password, phone: _phone, ...mine } = body;
    expect((await resident.client.post('/api/v1/volunteers/me', mine)).body.error).toMatchObject({ code: 'VOLUNTEER_EXISTS', field: 'phone' });
  });

  it('links the record to one of two people registering it at once', async () => {
    const entered = await enteredByStaff();
    const [first, second] = await Promise.all([residentClient(), residentClient()]);
    const { password: _password, ...body } = registration({ idNumber: entered.idNumber, phone: entered.phone });
    const answers = await Promise.all([first.client.post('/api/v1/volunteers/me', body), second.client.post('/api/v1/volunteers/me', body)]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    const winner = answers[0]!.status === 201 ? first : second;
    expect((await record(entered.id)).user_id).toBe(winner.userId);
    expect(answers.find((answer) => answer.status === 409)!.body.error.code).toBe('VOLUNTEER_EXISTS');
    const links = await server.ctx.db.selectFrom('audit_log').select('id').where('subject', '=', `volunteer:${entered.id}`).execute();
    expect(links).toHaveLength(1);
  });
});

describe('staff finding and approving volunteers', () => {
  it('a station admin sees only their village’s volunteers', async () => {
    const outside = await buildVolunteer(server.ctx, { siteId: otherStation, name: '邻居' });
    const inside = await buildVolunteer(server.ctx, { siteId: station, name: '本社区' });
    const list = await stationAdmin.get('/api/v1/volunteers?limit=200');
    expect(list.status).toBe(200);
    const ids = list.body.items.map((v: { id: number }) => v.id);
    expect(ids).toContain(inside.id);
    expect(ids).not.toContain(outside.id);
    expect(list.body.items.every((v: { site: { regionCode: string } }) => v.site.regionCode === '210321001021')).toBe(true);
    expect((await stationAdmin.get(`/api/v1/volunteers/${outside.id}`)).status).toBe(404);
    expect((await centerAdmin.get(`/api/v1/volunteers/${outside.id}`)).status).toBe(200);
  });

  it('approves a pending registration once, telling the volunteer; a rejection needs a reason', async () => {
    const registrant = server.client();
    const pending = await registrant.post('/api/v1/volunteers/register', registration());
    const noReason = await stationAdmin.post(`/api/v1/volunteers/${pending.body.id}/review`, { decision: 'reject' });
    expect(noReason.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'reason' });
    const approved = await stationAdmin.post(`/api/v1/volunteers/${pending.body.id}/review`, { decision: 'approve' });
    expect(approved.body.status).toBe('active');
    expect((await registrant.get('/api/v1/inbox')).body.items[0]).toMatchObject({ kind: 'volunteer_approved', read: false });
    expect((await stationAdmin.post(`/api/v1/volunteers/${pending.body.id}/review`, { decision: 'approve' })).body.error.code).toBe('ALREADY_DECIDED');
  });

  it('finds people by name, pinyin initials, phone suffix, category and flags', async () => {
    const phone = nextPhone();
    const made = await buildVolunteer(server.ctx, { siteId: station, name: '欧阳修文', phone, categories: ['legal'], skills: ['法律咨询'], partyMember: true });
    const find = async (query: string) => (await stationAdmin.get(`/api/v1/volunteers?${query}`)).body.items.map((v: { id: number }) => v.id);
    expect(await find(`q=${encodeURIComponent('欧阳')}`)).toContain(made.id);
    expect(await find('q=OYXW')).toContain(made.id);
    expect(await find(`phoneSuffix=${phone.slice(-4)}`)).toEqual([made.id]);
    expect(await find('category=legal')).toContain(made.id);
    expect(await find(`skill=${encodeURIComponent('法律咨询')}&partyMember=true`)).toEqual([made.id]);
    expect(await find('category=science')).not.toContain(made.id);
    expect(await find('activity=never')).toContain(made.id);
    expect(await find('activity=active')).not.toContain(made.id);
  });

  it('pages a county by cursor, each volunteer exactly once', async () => {
    for (let i = 0; i < 12; i += 1) await buildVolunteer(server.ctx, { siteId: i % 2 ? station : otherStation });
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: number }[]; nextCursor: string | null } } =
        await centerAdmin.get(`/api/v1/volunteers?limit=5${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.body.items.map((v) => v.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    const all = await server.ctx.db.selectFrom('volunteers').select('id').where('region_code', 'like', '210321%').execute();
    expect(seen.sort((a, b) => a - b)).toEqual(all.map((row) => row.id).sort((a, b) => a - b));
  });
});

describe('revealing personal data', () => {
  it('shows the full phone to the station admin with a reason, and audits it', async () => {
    const phone = nextPhone();
    const made = await buildVolunteer(server.ctx, { siteId: station, phone });
    const noReason = await stationAdmin.post(`/api/v1/volunteers/${made.id}/reveal`, { fields: ['phone'] });
    expect(noReason.status).toBe(400);
    const revealed = await stationAdmin.post(`/api/v1/volunteers/${made.id}/reveal`, { fields: ['phone'], reason: '通知活动变更' });
    expect(revealed.body).toEqual({ phone });
    const audit = await server.ctx.db.selectFrom('audit_log').selectAll().where('subject', '=', `volunteer:${made.id}`).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'reveal', reason: '通知活动变更', region_code: '210321001021' });
    expect(audit[0]!.details).toEqual({ fields: ['phone'] });
  });

  it('keeps the ID number for center admins and above', async () => {
    const idNumber = nextIdNumber();
    const made = await buildVolunteer(server.ctx, { siteId: station, idNumber });
    expect((await stationAdmin.post(`/api/v1/volunteers/${made.id}/reveal`, { fields: ['idNumber'], reason: '核对身份' })).status).toBe(403);
    const revealed = await centerAdmin.post(`/api/v1/volunteers/${made.id}/reveal`, { fields: ['idNumber'], reason: '核对身份' });
    expect(revealed.body).toEqual({ idNumber });
  });

  it('chains the audit log so that an edited entry shows', async () => {
    expect(await verifyAuditChain(server.ctx)).toBeNull();
    const first = await server.ctx.db.selectFrom('audit_log').select('id').orderBy('id').executeTakeFirstOrThrow();
    await server.ctx.db.updateTable('audit_log').set({ reason: '改过的原因' }).where('id', '=', first.id).execute();
    expect(await verifyAuditChain(server.ctx)).toBe(first.id);
  });
});

describe('children under 14 and minors', () => {
  const thisYear = new Date().getFullYear();
  const guardian = () => ({ name: '李母', phone: nextPhone(), consent: true as const });
  /** A child's record (10 years old) at the station, with the guardian's consent. */
  const child = (overrides: Record<string, unknown> = {}) =>
    buildVolunteer(server.ctx, { siteId: station, name: '李小雨', idNumber: nextIdNumber({ birthYear: thisYear - 10 }), guardian: guardian(), ...overrides });
  const readsOf = (id: number) => server.ctx.db.selectFrom('audit_log').selectAll()
    .where('subject', '=', `volunteer:${id}`).where('action', '=', 'read_child').orderBy('id').execute();
  const userIdOf = async (client: TestClient) => (await client.get('/api/v1/auth/me')).body.user.id as number;

  it('audits every staff read of a child’s record (detail, review, edit, reveal), not of an older volunteer’s', async () => {
    const made = await child();
    const adminId = await userIdOf(stationAdmin);
    const detail = await stationAdmin.get(`/api/v1/volunteers/${made.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ name: '李小雨', age: expect.any(Number) });
    expect(detail.body.age).toBeLessThan(14);
    expect(await readsOf(made.id)).toMatchObject([{ actor_id: adminId, region_code: '210321001021', reason: null, details: { via: 'detail' } }]);

    expect((await stationAdmin.patch(`/api/v1/volunteers/${made.id}`, { skills: ['绘画'] })).status).toBe(200);
    const revealed = await stationAdmin.post(`/api/v1/volunteers/${made.id}/reveal`, { fields: ['phone'], reason: '联系监护人' });
    expect(revealed.status).toBe(200);
    const reads = await readsOf(made.id);
    expect(reads.map((entry) => entry.details)).toEqual([{ via: 'detail' }, { via: 'detail' }, { via: 'reveal', fields: ['phone'] }]);
    expect(reads[2]).toMatchObject({ actor_id: adminId, reason: '联系监护人' });
    expect(reads.every((entry) => entry.at instanceof Date)).toBe(true);

    // Fourteen or fifteen today (China's calendar) is no longer a child: not audited.
    const teen = await buildVolunteer(server.ctx, { siteId: station, idNumber: nextIdNumber({ birthYear: thisYear - 15 }), guardian: guardian() });
    expect((await stationAdmin.get(`/api/v1/volunteers/${teen.id}`)).status).toBe(200);
    expect(await readsOf(teen.id)).toEqual([]);
  });

  it('does not audit the child reading their own record; a registration reviewed by staff is', async () => {
    const client = server.client();
    const registered = await client.post('/api/v1/volunteers/register', registration({
      idNumber: nextIdNumber({ birthYear: thisYear - 9 }), guardian: guardian(), emergencyReserve: false,
    }));
    expect(registered.status).toBe(201);
    expect((await client.get('/api/v1/volunteers/me')).body.id).toBe(registered.body.id);
    expect(await readsOf(registered.body.id)).toEqual([]);
    expect((await stationAdmin.post(`/api/v1/volunteers/${registered.body.id}/review`, { decision: 'approve' })).body.status).toBe('active');
    expect(await readsOf(registered.body.id)).toMatchObject([{ actor_id: await userIdOf(stationAdmin), details: { via: 'detail' } }]);
  });

  it('lets only admins over the child’s home site read it; others are refused and nothing is logged for them', async () => {
    const made = await child();
    const neighbour = await buildUser(server.ctx, { siteId: otherStation, role: 'station_admin' });
    const neighbourAdmin = await server.signIn(neighbour.phone, neighbour.password);
    const teamLeader = await server.signIn('13800000004', DEMO_PASSWORD);
    const volunteer = await server.signIn('13800000005', DEMO_PASSWORD);
    // Another station's admin: the module's 404 for records outside one's area.
    expect((await neighbourAdmin.get(`/api/v1/volunteers/${made.id}`)).status).toBe(404);
    expect((await neighbourAdmin.post(`/api/v1/volunteers/${made.id}/reveal`, { fields: ['phone'], reason: '联系监护人' })).status).toBe(404);
    // Team leaders and volunteers are not staff: refused before any record is looked up.
    for (const outsider of [teamLeader, volunteer]) expect((await outsider.get(`/api/v1/volunteers/${made.id}`)).status).toBe(403);
    expect(await readsOf(made.id)).toEqual([]);
    expect((await centerAdmin.get(`/api/v1/volunteers/${made.id}`)).status).toBe(200);
    expect(await readsOf(made.id)).toHaveLength(1);
  });

  it('does not tell staff where a child lives when they enter the child’s ID number again', async () => {
    const idNumber = nextIdNumber({ birthYear: thisYear - 11 });
    await child({ idNumber });
    const neighbour = await buildUser(server.ctx, { siteId: otherStation, role: 'station_admin' });
    const again = await (await server.signIn(neighbour.phone, neighbour.password)).post('/api/v1/volunteers', {
      ...registration({ idNumber, siteId: otherStation, guardian: guardian(), emergencyReserve: false }), password: undefined,
    });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'VOLUNTEER_EXISTS', field: 'idNumber' });
    for (const secret of ['李', '庆南', '21']) expect(again.body.error.message).not.toContain(secret);
  });

  it('records a guardian’s consent before taking an under-14, whoever enters the child', async () => {
    const idNumber = nextIdNumber({ birthYear: thisYear - 8 });
    const bySelf = await server.client().post('/api/v1/volunteers/register', registration({ idNumber, emergencyReserve: false }));
    expect(bySelf.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'guardian' });
    const byStaff = await stationAdmin.post('/api/v1/volunteers', { ...registration({ idNumber, emergencyReserve: false }), password: undefined });
    expect(byStaff.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'guardian' });
    const notAgreed = await stationAdmin.post('/api/v1/volunteers', { ...registration({ idNumber, emergencyReserve: false, guardian: { ...guardian(), consent: false } }), password: undefined });
    expect(notAgreed.status).toBe(400);
    expect(await server.ctx.db.selectFrom('volunteers').select('id').where('id_hash', '=', server.ctx.pii.lookupHash('id', idNumber)).executeTakeFirst()).toBeUndefined();
    const entered = await stationAdmin.post('/api/v1/volunteers', { ...registration({ idNumber, emergencyReserve: false, guardian: guardian() }), password: undefined });
    expect(entered.status).toBe(201);
    const row = await server.ctx.db.selectFrom('volunteers').select(['guardian_consent_at', 'consent_at']).where('id', '=', entered.body.id).executeTakeFirstOrThrow();
    expect(row.guardian_consent_at).toBeInstanceOf(Date);
    // The database holds the rule too: a minor's row without the guardian's consent is refused.
    await expect(server.ctx.db.updateTable('volunteers').set({ guardian_consent_at: null }).where('id', '=', entered.body.id).execute()).rejects.toThrow();
  });

  it('keeps minors out of the emergency reserve, at registration and on an edit', async () => {
    const minor = nextIdNumber({ birthYear: thisYear - 16 });
    const bySelf = await server.client().post('/api/v1/volunteers/register', registration({ idNumber: minor, guardian: guardian() }));
    expect(bySelf.status).toBe(400);
    expect(bySelf.body.error).toEqual({ code: 'VALIDATION_FAILED', field: 'emergencyReserve', message: '未满18周岁不能加入应急志愿者储备' });
    const byStaff = await stationAdmin.post('/api/v1/volunteers', { ...registration({ idNumber: minor, guardian: guardian() }), password: undefined });
    expect(byStaff.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'emergencyReserve' });
    const made = await stationAdmin.post('/api/v1/volunteers', { ...registration({ idNumber: minor, guardian: guardian(), emergencyReserve: false }), password: undefined });
    expect(made.status).toBe(201);
    const edit = await stationAdmin.patch(`/api/v1/volunteers/${made.body.id}`, { emergencyReserve: true });
    expect(edit.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'emergencyReserve' });
    expect((await stationAdmin.get(`/api/v1/volunteers/${made.body.id}`)).body.emergencyReserve).toBe(false);
    // An adult may join, on registration or later.
    const adult = await buildVolunteer(server.ctx, { siteId: station });
    expect((await stationAdmin.patch(`/api/v1/volunteers/${adult.id}`, { emergencyReserve: true })).body.emergencyReserve).toBe(true);
  });
});
