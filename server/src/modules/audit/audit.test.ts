import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../../test/env.ts';
import { createTestServer, type TestClient, type TestServer } from '../../../../test/harness.ts';
import { chinaToday } from '../../lib/id-number.ts';
import { actorFor, buildPoint, buildUser, buildVolunteer, nextPhone } from '../../seed/factories.ts';
import { recordServiceHours } from '../hours/service.ts';

let server: TestServer;
let province: TestClient;
let center: TestClient; // 台安县 (210321) center admin
let centerId: number;
const TAIAN = '210321';
const STATION = '210321001021';

const siteId = async (regionCode: string, kind: string) =>
  (await server.ctx.db.selectFrom('sites').select('id').where('region_code', '=', regionCode).where('kind', '=', kind).executeTakeFirstOrThrow()).id;

interface Entry { id: number; action: string; subject: string; regionCode: string | null; reason: string | null; actor: { id: number; name: string } | null; details: Record<string, unknown>; hash: string }

/** Every entry the client may read with this query, all pages. */
async function entries(client: TestClient, query = ''): Promise<Entry[]> {
  const all: Entry[] = [];
  let cursor: string | null = null;
  do {
    const response = await client.get(`/api/v1/audit?limit=200${query}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(response.status).toBe(200);
    all.push(...(response.body.items as Entry[]));
    cursor = response.body.nextCursor as string | null;
  } while (cursor);
  return all;
}

beforeAll(async () => {
  server = await createTestServer();
  province = await server.signIn('13800000000', DEMO_PASSWORD);
  center = await server.signIn('13800000001', DEMO_PASSWORD);
  centerId = (await center.get('/api/v1/auth/me')).body.user.id as number;
});
afterAll(() => server?.close());

describe('the audit log', () => {
  it('records a sign-in with the address, under the person’s region', async () => {
    const [signIn] = await entries(center, `&action=sign_in&subject=user:${centerId}`);
    expect(signIn).toMatchObject({ action: 'sign_in', subject: `user:${centerId}`, actor: { id: centerId }, reason: null });
    expect(signIn!.regionCode).toMatch(new RegExp(`^${TAIAN}`));
    expect(signIn!.details).toMatchObject({ ip: expect.any(String) });
    expect(signIn!.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('records a lockout once, under the masked number, for province admins only', async () => {
    const phone = '13912345678';
    const client = server.client();
    for (let attempt = 0; attempt < 6; attempt += 1) await client.post('/api/v1/auth/login', { phone, password: 'wrong-password-1' });
    const locked = await entries(province, '&action=sign_in_locked');
    expect(locked.filter((entry) => entry.subject === 'phone:139****5678')).toHaveLength(1);
    expect(await entries(center, '&action=sign_in_locked')).toEqual([]);
  });

  it('records staff creation and grant changes with the actor and the site’s region', async () => {
    const created = await center.post('/api/v1/staff', { name: '审计站长', phone: nextPhone(), role: 'station_admin', siteId: await siteId(STATION, 'station') });
    expect(created.status).toBe(201);
    const userId = created.body.staff.id as number;
    const granted = await center.post(`/api/v1/staff/${userId}/grants`, { role: 'team_leader', siteId: await siteId('210321001022', 'station') });
    expect(granted.status).toBe(201);
    const grantId = (granted.body.grants as { id: number; role: string }[]).find((grant) => grant.role === 'team_leader')!.id;
    expect((await center.delete(`/api/v1/staff/${userId}/grants/${grantId}`)).status).toBe(200);

    const log = await entries(center, `&subject=user:${userId}&actorId=${centerId}`);
    expect(log.map((entry) => entry.action)).toEqual(['grant_revoke', 'grant_add', 'staff_create']);
    expect(log.every((entry) => entry.actor?.id === centerId)).toBe(true);
    expect(log.map((entry) => entry.regionCode)).toEqual(['210321001022', '210321001022', STATION]);
    expect(log[0]!.details).toMatchObject({ role: 'team_leader', grantId });
  });

  it('records a ledger correction with its reason', async () => {
    const account = await buildUser(server.ctx, { siteId: await siteId(STATION, 'station'), role: 'volunteer' });
    const volunteer = await buildVolunteer(server.ctx, { siteId: await siteId(STATION, 'station'), userId: account.userId, phone: account.phone });
    const wrong = await recordServiceHours(server.ctx, {
      volunteerId: volunteer.id, source: 'order', sourceId: 9001, siteId: await siteId(STATION, 'station'), regionCode: STATION,
      startedAt: new Date('2026-05-01T01:00:00Z'), endedAt: new Date('2026-05-01T03:00:00Z'), minutes: 300, recordedBy: null,
    });
    expect((await center.post(`/api/v1/hours/${wrong.id}/correct`, { minutes: 120, reason: '签退时间录错' })).status).toBe(200);
    const [correction] = await entries(center, `&action=hours_correct&subject=service_hours:${wrong.id}`);
    expect(correction).toMatchObject({
      actor: { id: centerId }, regionCode: STATION, reason: '签退时间录错', details: { minutes: 300, newMinutes: 120, volunteerId: volunteer.id },
    });
  });

  it('records the deletion of a point', async () => {
    const point = await buildPoint(server.ctx, await actorFor(server.ctx, centerId), { parentId: await siteId(STATION, 'station'), name: '待删除的点' });
    expect((await center.delete(`/api/v1/sites/${point.id}`)).status).toBe(204);
    const [deletion] = await entries(center, `&action=site_delete&subject=site:${point.id}`);
    expect(deletion).toMatchObject({ actor: { id: centerId }, details: { name: '待删除的点', kind: 'point' } });
    expect(deletion!.regionCode).toMatch(new RegExp(`^${STATION}`));
  });

  it('filters by day and pages newest first', async () => {
    const today = chinaToday();
    const all = await entries(center, `&from=${today}&to=${today}`);
    expect(all.length).toBeGreaterThan(3);
    expect(all.map((entry) => entry.id)).toEqual([...all.map((entry) => entry.id)].sort((a, b) => b - a));
    expect(await entries(center, '&from=2099-01-01')).toEqual([]);
    const first = await center.get('/api/v1/audit?limit=2');
    const second = await center.get(`/api/v1/audit?limit=2&cursor=${first.body.nextCursor}`);
    expect([...first.body.items, ...second.body.items].map((entry: Entry) => entry.id)).toEqual(all.slice(0, 4).map((entry) => entry.id));
  });

  it('is for center admins and above, each seeing only their own area', async () => {
    for (const phone of ['13800000002', '13800000003']) {
      const below = await server.signIn(phone, DEMO_PASSWORD);
      expect((await below.get('/api/v1/audit')).status).toBe(403);
    }
    const neighbour = await buildUser(server.ctx, { siteId: await siteId('210323000000', 'center'), role: 'center_admin' });
    const other = await server.signIn(neighbour.phone, neighbour.password);
    const seen = await entries(other);
    expect(seen.some((entry) => entry.subject === `user:${neighbour.userId}` && entry.action === 'sign_in')).toBe(true);
    expect(seen.every((entry) => entry.regionCode?.startsWith('210323'))).toBe(true);
    expect((await entries(center)).every((entry) => entry.regionCode?.startsWith(TAIAN))).toBe(true);
    expect((await entries(province)).some((entry) => entry.regionCode?.startsWith('210323'))).toBe(true);
  });

  it('never holds a plain phone or ID number', async () => {
    const rows = await server.ctx.db.selectFrom('audit_log').select(['actor_id', 'action', 'subject', 'region_code', 'reason', 'details']).execute();
    expect(rows.length).toBeGreaterThan(5);
    const text = JSON.stringify(rows);
    expect(text).not.toMatch(/(?<!\d)1\d{10}(?!\d)/);
    expect(text).not.toMatch(/(?<!\d)\d{17}[\dX](?!\d)/);
  });

  it('shows an edited entry when the province admin verifies the chain', async () => {
    expect((await center.get('/api/v1/audit/verify')).status).toBe(403);
    const intact = await province.get('/api/v1/audit/verify');
    expect(intact.body).toMatchObject({ ok: true, firstBrokenId: null });
    expect(intact.body.entries).toBeGreaterThan(5);
    const [victim] = await entries(center, '&action=hours_correct');
    await sql`UPDATE audit_log SET reason = '无' WHERE id = ${victim!.id}`.execute(server.ctx.db);
    const broken = await province.get('/api/v1/audit/verify');
    expect(broken.body).toEqual({ ok: false, entries: expect.any(Number), firstBrokenId: victim!.id });
  });
});
