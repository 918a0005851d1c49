// Correction on request: a volunteer corrects their own phone and service profile on 我的;
// staff correct a volunteer's phone. The number is re-encrypted, rehashed and re-masked,
// belongs to one volunteer only, and name and ID number stay with the station.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../../test/env.ts';
import { createTestServer, type TestClient, type TestServer } from '../../../../test/harness.ts';
import { buildUser, buildVolunteer, nextIdNumber, nextPhone } from '../../seed/factories.ts';

let server: TestServer;
let station: number; // 庆南社区 station (demo station admin 13800000003)
let otherStation: number; // 西郊社区, same institute
let stationAdmin: TestClient;

const site = async (regionCode: string) =>
  (await server.ctx.db.selectFrom('sites').select('id').where('region_code', '=', regionCode).where('kind', '=', 'station').executeTakeFirstOrThrow()).id;
const record = (id: number) => server.ctx.db.selectFrom('volunteers').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const masked = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(7)}`;
/** The ids the station admin finds by the last four digits of a phone number. */
const foundBySuffix = async (phone: string) =>
  (await stationAdmin.get(`/api/v1/volunteers?phoneSuffix=${phone.slice(-4)}`)).body.items.map((v: { id: number }) => v.id);

beforeAll(async () => {
  server = await createTestServer();
  station = await site('210321001021');
  otherStation = await site('210321001022');
  stationAdmin = await server.signIn('13800000003', DEMO_PASSWORD);
});
afterAll(() => server?.close());

/** A person registered on the phone at 庆南社区, signed in. */
async function registered() {
  const client = server.client();
  const phone = nextPhone();
  const response = await client.post('/api/v1/volunteers/register', {
    name: '刘更正', idNumber: nextIdNumber(), phone, password: 'Volunteer2026', siteId: station,
    categories: ['education'], skills: ['书法'], availability: ['weekend'], partyMember: false, emergencyReserve: false, consent: true,
  });
  expect(response.status).toBe(201);
  return { client, phone, id: response.body.id as number, volunteer: response.body };
}

describe('a volunteer correcting their own profile (PATCH /volunteers/me)', () => {
  it('corrects the phone and service profile: stored anew, masked, found by the new number and no longer by the old', async () => {
    const { client, phone: oldPhone, id } = await registered();
    const newPhone = nextPhone();
    const body = { phone: newPhone, skills: [' 理发 ', '急救'], availability: ['weekday_evening', 'holiday'], emergencyReserve: true };
    const headers = { 'idempotency-key': `fix-${newPhone}` };
    const response = await client.patch('/api/v1/volunteers/me', body, headers);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id, name: '刘更正', phoneMasked: masked(newPhone), skills: ['理发', '急救'], availability: ['weekday_evening', 'holiday'],
      emergencyReserve: true, categories: ['education'], partyMember: false,
    });
    expect(JSON.stringify(response.body)).not.toContain(newPhone);
    expect((await client.get('/api/v1/volunteers/me')).body.phoneMasked).toBe(masked(newPhone));

    const row = await record(id);
    expect(row.phone_hash).toBe(server.ctx.pii.lookupHash('phone', newPhone));
    expect(server.ctx.pii.decrypt(row.phone_enc)).toBe(newPhone);
    expect([row.phone_masked, row.phone_tail]).toEqual([masked(newPhone), newPhone.slice(-4)]);
    expect(JSON.stringify(row)).not.toContain(newPhone);
    expect(await foundBySuffix(newPhone)).toContain(id);
    expect(await foundBySuffix(oldPhone)).not.toContain(id);

    // A retry with the same key replays the answer; the record is written once.
    const retry = await client.patch('/api/v1/volunteers/me', body, headers);
    expect([retry.status, retry.headers['idempotent-replayed']]).toEqual([200, 'true']);
    // The sign-in number is the account's, not the volunteer record's contact phone.
    await server.signIn(oldPhone, 'Volunteer2026');
  });

  it('leaves the fields it was not sent as they were', async () => {
    const { client, volunteer } = await registered();
    const response = await client.patch('/api/v1/volunteers/me', { partyMember: true });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      partyMember: true, phoneMasked: volunteer.phoneMasked, categories: volunteer.categories, skills: volunteer.skills, availability: volunteer.availability,
    });
  });

  it('refuses a phone number another volunteer uses, and changes nothing', async () => {
    const first = await registered();
    const second = await registered();
    const before = await record(second.id);
    const response = await second.client.patch('/api/v1/volunteers/me', { phone: first.phone, skills: ['理发'] });
    expect(response.status).toBe(409);
    expect(response.body.error).toEqual({
      code: 'PHONE_TAKEN', field: 'phone', message: '该手机号已被其他志愿者使用，请核对；如确为您本人的号码，请联系所在实践站',
    });
    const after = await record(second.id);
    expect([after.phone_hash, after.skills]).toEqual([before.phone_hash, before.skills]);
    // Their own number again is no change, not a conflict.
    expect((await second.client.patch('/api/v1/volunteers/me', { phone: second.phone })).status).toBe(200);
  });

  it('lets only one of two volunteers taking the same new number at once have it', async () => {
    const [a, b] = await Promise.all([registered(), registered()]);
    const phone = nextPhone();
    const answers = await Promise.all([a, b].map(({ client }) => client.patch('/api/v1/volunteers/me', { phone })));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const holders = await server.ctx.db.selectFrom('volunteers').select('id').where('phone_hash', '=', server.ctx.pii.lookupHash('phone', phone)).execute();
    expect(holders).toHaveLength(1);
  });

  it('does not change name or ID number: those go through the station', async () => {
    const { client, id } = await registered();
    const before = await record(id);
    for (const body of [{ name: '刘改名' }, { idNumber: nextIdNumber() }, { phone: nextPhone(), name: '刘改名' }]) {
      const response = await client.patch('/api/v1/volunteers/me', body);
      expect(response.status).toBe(400);
      expect(response.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: Object.keys(body).at(-1) });
    }
    expect((await client.patch('/api/v1/volunteers/me', { phone: '2345' })).body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'phone' });
    expect((await client.patch('/api/v1/volunteers/me', {})).status).toBe(400);
    const after = await record(id);
    expect([after.name, after.id_hash, after.phone_hash, after.updated_at]).toEqual([before.name, before.id_hash, before.phone_hash, before.updated_at]);
  });

  it('answers 404 to an account that is not a volunteer', async () => {
    const resident = await buildUser(server.ctx, { siteId: station });
    const client = await server.signIn(resident.phone, resident.password);
    const response = await client.patch('/api/v1/volunteers/me', { phone: nextPhone() });
    expect(response.status).toBe(404);
  });
});

describe('staff correcting a volunteer’s phone (PATCH /volunteers/:id)', () => {
  it('stores the new number; the person can then register with it and gets the record their station entered', async () => {
    const idNumber = nextIdNumber();
    const oldPhone = nextPhone();
    const entered = await buildVolunteer(server.ctx, { siteId: station, idNumber, phone: oldPhone, name: '马录入', skills: ['护理'], categories: ['assistance'] });
    const newPhone = nextPhone();
    const response = await stationAdmin.patch(`/api/v1/volunteers/${entered.id}`, { phone: newPhone });
    expect(response.status).toBe(200);
    // Only the phone changed: the rest of the profile is not reset to the registration's defaults.
    expect(response.body).toMatchObject({ phoneMasked: masked(newPhone), skills: ['护理'], categories: ['assistance'], name: '马录入' });
    const row = await record(entered.id);
    expect([row.phone_hash, server.ctx.pii.decrypt(row.phone_enc)]).toEqual([server.ctx.pii.lookupHash('phone', newPhone), newPhone]);
    expect(await foundBySuffix(newPhone)).toContain(entered.id);
    expect(await foundBySuffix(oldPhone)).not.toContain(entered.id);

    const registration = {
      name: '马录入', idNumber, password: 'Volunteer2026', siteId: station, categories: [], skills: ['护理'], availability: ['weekend'],
      partyMember: false, emergencyReserve: false, consent: true,
    };
    const withOld = await server.client().post('/api/v1/volunteers/register', { ...registration, phone: oldPhone });
    expect(withOld.body.error.code).toBe('VOLUNTEER_EXISTS');
    const withNew = await server.client().post('/api/v1/volunteers/register', { ...registration, phone: newPhone });
    expect(withNew.status).toBe(201);
    expect(withNew.body.id).toBe(entered.id);
  });

  it('corrects the phone together with the rest of an edit, or neither', async () => {
    const entered = await buildVolunteer(server.ctx, { siteId: station, name: '钱录入', skills: ['书法'] });
    const other = await buildVolunteer(server.ctx, { siteId: otherStation, name: '孙其他', phone: nextPhone() });
    const otherPhone = server.ctx.pii.decrypt((await record(other.id)).phone_enc);

    const refused = await stationAdmin.patch(`/api/v1/volunteers/${entered.id}`, { phone: otherPhone, skills: ['理发'] });
    expect(refused.status).toBe(409);
    // Staff are told who holds the number, masked, to sort it out.
    expect(refused.body.error).toEqual({ code: 'PHONE_TAKEN', field: 'phone', message: `该手机号已登记给志愿者 ${other.volunteer_no}（孙**）` });
    expect((await record(entered.id)).skills).toEqual(['书法']);

    const phone = nextPhone();
    const saved = await stationAdmin.patch(`/api/v1/volunteers/${entered.id}`, { phone, skills: ['理发'], name: '钱更正' });
    expect(saved.body).toMatchObject({ phoneMasked: masked(phone), skills: ['理发'], name: '钱更正' });
  });

  it('answers 404 for a volunteer outside the admin’s area, and changes nothing', async () => {
    const elsewhere = await buildVolunteer(server.ctx, { siteId: otherStation });
    const before = await record(elsewhere.id);
    const response = await stationAdmin.patch(`/api/v1/volunteers/${elsewhere.id}`, { phone: nextPhone() });
    expect(response.status).toBe(404);
    expect((await record(elsewhere.id)).phone_hash).toBe(before.phone_hash);
  });
});
