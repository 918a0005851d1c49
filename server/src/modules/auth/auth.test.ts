import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, ADMIN_PHONE } from '../../../../test/env.ts';
import { createTestServer, type TestServer } from '../../../../test/harness.ts';
import { buildUser } from '../../seed/factories.ts';

let server: TestServer;
let stationId: number;
beforeAll(async () => {
  server = await createTestServer();
  stationId = (await server.ctx.db.selectFrom('sites').select('id').where('region_code', '=', '210321001021').where('kind', '=', 'station').executeTakeFirstOrThrow()).id;
});
afterAll(() => server?.close());

describe('sign-in', () => {
  it('sets an HttpOnly SameSite session cookie and answers who I am', async () => {
    const client = server.client();
    const response = await client.post('/api/v1/auth/login', { phone: ADMIN_PHONE, password: ADMIN_PASSWORD });
    expect(response.status).toBe(200);
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(/lianxin_sid=[\w-]{40,}/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(response.body.user).toMatchObject({ name: '省级管理员', phoneMasked: '138****0000' });
    expect(response.body.grants[0]).toMatchObject({ role: 'province_admin', site: { kind: 'province', regionCode: '210000000000' } });
    const me = await client.get('/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.name).toBe('省级管理员');
  });

  it('stores only a hash of the session token and of the phone number', async () => {
    const client = await server.admin();
    const token = client.cookie!.split('=')[1]!;
    const plain = await server.ctx.db.selectFrom('sessions').select('token_hash').where('token_hash', '=', token).execute();
    expect(plain).toEqual([]);
    const users = await server.ctx.db.selectFrom('users').select(['phone_hash', 'phone_enc']).execute();
    expect(users.some((u) => u.phone_hash.includes(ADMIN_PHONE) || u.phone_enc.includes(ADMIN_PHONE))).toBe(false);
  });

  it('rotates the session on sign-in: the old cookie stops working', async () => {
    const client = await server.admin();
    const old = client.cookie;
    await client.post('/api/v1/auth/login', { phone: ADMIN_PHONE, password: ADMIN_PASSWORD });
    expect(client.cookie).not.toBe(old);
    const stale = server.client();
    stale.cookie = old;
    expect((await stale.get('/api/v1/auth/me')).status).toBe(401);
    expect((await client.get('/api/v1/auth/me')).status).toBe(200);
  });

  it('refuses a wrong password or unknown phone with the same message', async () => {
    const wrong = await server.client().post('/api/v1/auth/login', { phone: ADMIN_PHONE, password: 'nope-1234' });
    const unknown = await server.client().post('/api/v1/auth/login', { phone: '13912345678', password: 'nope-1234' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual({ error: { code: 'BAD_CREDENTIALS', message: '手机号或密码不正确' } });
    expect(unknown.body).toEqual(wrong.body);
    const english = await server.client().post('/api/v1/auth/login', { phone: ADMIN_PHONE, password: 'nope-1234' }, { 'accept-language': 'en-US,en;q=0.9' });
    expect(english.body.error.message).toBe('Wrong phone number or password');
  });

  it('locks a phone number after five failures in a row', async () => {
    const { phone } = await buildUser(server.ctx, { siteId: stationId, role: 'volunteer' });
    for (let i = 0; i < 5; i += 1) {
      expect((await server.client().post('/api/v1/auth/login', { phone, password: 'wrong-pass1' })).status).toBe(401);
    }
    const locked = await server.client().post('/api/v1/auth/login', { phone, password: 'Lianxin2026' });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('TOO_MANY_ATTEMPTS');
    expect(locked.body.error.message).toContain('15 分钟');
  });

  it('logs out: the cookie no longer opens anything', async () => {
    const client = await server.admin();
    const cookie = client.cookie;
    expect((await client.post('/api/v1/auth/logout')).status).toBe(200);
    const replay = server.client();
    replay.cookie = cookie;
    expect((await replay.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('changes the password, ending the other sessions', async () => {
    const { phone, password } = await buildUser(server.ctx, { siteId: stationId, role: 'volunteer' });
    const phoneA = await server.signIn(phone, password);
    const phoneB = await server.signIn(phone, password);
    const weak = await phoneA.post('/api/v1/auth/password', { currentPassword: password, newPassword: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.error).toMatchObject({ code: 'WEAK_PASSWORD', field: 'newPassword' });
    const wrong = await phoneA.post('/api/v1/auth/password', { currentPassword: 'not-it-123', newPassword: 'NewPass2026' });
    expect(wrong.body.error.code).toBe('WRONG_PASSWORD');
    const changed = await phoneA.post('/api/v1/auth/password', { currentPassword: password, newPassword: 'NewPass2026' });
    expect(changed.status).toBe(200);
    expect((await phoneA.get('/api/v1/auth/me')).status).toBe(200);
    expect((await phoneB.get('/api/v1/auth/me')).status).toBe(401);
    expect((await server.client().post('/api/v1/auth/login', { phone, password })).status).toBe(401);
    expect((await server.client().post('/api/v1/auth/login', { phone, password: 'NewPass2026' })).status).toBe(200);
  });

  it('refuses a state-changing request from a foreign origin (CSRF)', async () => {
    const client = await server.admin();
    const response = await client.post('/api/v1/auth/logout', {}, { origin: 'https://evil.example' });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('CSRF_REJECTED');
    expect((await client.get('/api/v1/auth/me')).status).toBe(200);
  });

  it('asks anonymous callers to sign in', async () => {
    const response = await server.client().get('/api/v1/auth/me');
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('UNAUTHENTICATED');
  });
});
