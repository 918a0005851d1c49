import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../../test/env.ts';
import { createTestServer, type TestClient, type TestServer } from '../../../../test/harness.ts';
import { buildUser, buildVolunteer } from '../../seed/factories.ts';
import { recordServiceHours, starRating, type ServiceHourEntry } from './service.ts';

let server: TestServer;
let station: number;
let centerAdmin: TestClient;
let sourceCounter = 1000;

beforeAll(async () => {
  server = await createTestServer();
  station = (await server.ctx.db.selectFrom('sites').select('id').where('region_code', '=', '210321001021').where('kind', '=', 'station').executeTakeFirstOrThrow()).id;
  centerAdmin = await server.signIn('13800000001', DEMO_PASSWORD);
});
afterAll(() => server?.close());

async function volunteerWithAccount() {
  const account = await buildUser(server.ctx, { siteId: station, role: 'volunteer' });
  const made = await buildVolunteer(server.ctx, { siteId: station, userId: account.userId, phone: account.phone });
  return { id: made.id, client: await server.signIn(account.phone, account.password) };
}

const entry = (volunteerId: number, minutes: number, sourceId = (sourceCounter += 1)): ServiceHourEntry => ({
  volunteerId, source: 'order', sourceId, siteId: station, regionCode: '210321001021',
  startedAt: new Date('2026-05-01T01:00:00Z'), endedAt: new Date('2026-05-01T03:00:00Z'), minutes, recordedBy: null,
});

const totals = async (volunteerId: number) =>
  server.ctx.db.selectFrom('volunteer_hours').select(['minutes', 'entries']).where('volunteer_id', '=', volunteerId).executeTakeFirst();

describe('the service-hour ledger', () => {
  it('records one service once, even when two confirmations race', async () => {
    const v = await volunteerWithAccount();
    const results = await Promise.allSettled([recordServiceHours(server.ctx, entry(v.id, 120, 1)), recordServiceHours(server.ctx, entry(v.id, 120, 1))]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'ALREADY_RECORDED' } });
    expect(await totals(v.id)).toEqual({ minutes: 120, entries: 1 });
  });

  it('is append-only: rows cannot be updated or deleted', async () => {
    const v = await volunteerWithAccount();
    const row = await recordServiceHours(server.ctx, entry(v.id, 60));
    await expect(sql`UPDATE service_hours SET minutes = 600 WHERE id = ${row.id}`.execute(server.ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM service_hours WHERE id = ${row.id}`.execute(server.ctx.db)).rejects.toThrow(/append-only/);
    const kept = await server.ctx.db.selectFrom('service_hours').select('minutes').where('id', '=', row.id).executeTakeFirstOrThrow();
    expect(kept.minutes).toBe(60);
  });

  it('corrects by a reversing entry plus the right one, keeping both and the reason', async () => {
    const v = await volunteerWithAccount();
    const wrong = await recordServiceHours(server.ctx, entry(v.id, 300));
    const corrected = await centerAdmin.post(`/api/v1/hours/${wrong.id}/correct`, { minutes: 120, reason: '签退时间录错' });
    expect(corrected.status).toBe(200);
    const rows = await server.ctx.db.selectFrom('service_hours').select(['id', 'kind', 'minutes', 'reverses_id', 'reason', 'attempt'])
      .where('volunteer_id', '=', v.id).orderBy('id').execute();
    expect(rows).toEqual([
      { id: wrong.id, kind: 'service', minutes: 300, reverses_id: null, reason: null, attempt: 1 },
      { id: corrected.body.reversal.id, kind: 'reversal', minutes: -300, reverses_id: wrong.id, reason: '签退时间录错', attempt: 1 },
      { id: corrected.body.replacement.id, kind: 'service', minutes: 120, reverses_id: null, reason: null, attempt: 2 },
    ]);
    expect(await totals(v.id)).toEqual({ minutes: 120, entries: 1 });
    const again = await centerAdmin.post(`/api/v1/hours/${wrong.id}/reverse`, { reason: '再冲一次' });
    expect(again.body.error.code).toBe('ALREADY_REVERSED');
    const mine = await v.client.get('/api/v1/hours/mine');
    expect(mine.body).toMatchObject({ minutes: 120, hours: 2, records: 1 });
    expect(mine.body.items.map((i: { kind: string; reversed: boolean }) => [i.kind, i.reversed])).toEqual([['service', false], ['reversal', false], ['service', true]]);
  });

  it('lets the volunteer dispute and the staff correct', async () => {
    const v = await volunteerWithAccount();
    const recorded = await recordServiceHours(server.ctx, entry(v.id, 60));
    const dispute = await v.client.post(`/api/v1/hours/${recorded.id}/dispute`, { claim: '实际服务了两小时', claimedMinutes: 120 });
    expect(dispute.status).toBe(201);
    expect((await v.client.post(`/api/v1/hours/${recorded.id}/dispute`, { claim: '再申诉' })).status).toBe(409);
    const open = await centerAdmin.get('/api/v1/hour-disputes');
    expect(open.body.items.map((d: { id: number }) => d.id)).toContain(dispute.body.id);
    const resolved = await centerAdmin.post(`/api/v1/hour-disputes/${dispute.body.id}/resolve`, { decision: 'correct', minutes: 120, resolution: '核实签到记录' });
    expect(resolved.body.status).toBe('corrected');
    expect(await totals(v.id)).toEqual({ minutes: 120, entries: 1 });
    const other = await volunteerWithAccount();
    expect((await other.client.post(`/api/v1/hours/${recorded.id}/dispute`, { claim: '不是我的' })).status).toBe(404);
  });

  it('keeps totals equal to the sum of the entries under concurrent corrections', async () => {
    const v = await volunteerWithAccount();
    const rows = await Promise.all([30, 45, 60, 75].map((minutes) => recordServiceHours(server.ctx, entry(v.id, minutes))));
    await Promise.allSettled(rows.flatMap((row) => [
      centerAdmin.post(`/api/v1/hours/${row.id}/correct`, { minutes: 10, reason: '并发更正' }),
      centerAdmin.post(`/api/v1/hours/${row.id}/reverse`, { reason: '并发冲正' }),
    ]));
    const sum = await server.ctx.db.selectFrom('service_hours').select((eb) => eb.fn.sum<number>('minutes').as('m')).where('volunteer_id', '=', v.id).executeTakeFirstOrThrow();
    expect((await totals(v.id))!.minutes).toBe(Number(sum.m));
  });

  it('rates stars by the configured thresholds', () => {
    const thresholds = [100, 300, 600, 1000, 1500];
    expect(starRating(99 * 60 + 59, thresholds)).toBe(0);
    expect(starRating(100 * 60, thresholds)).toBe(1);
    expect(starRating(1499 * 60, thresholds)).toBe(4);
    expect(starRating(2000 * 60, thresholds)).toBe(5);
    expect(starRating(500 * 60, [100, 200, 500, 800, 1000])).toBe(3);
  });

  it('shows staff only the ledger of their area', async () => {
    const v = await volunteerWithAccount();
    const recorded = await recordServiceHours(server.ctx, entry(v.id, 60));
    const neighbour = await buildUser(server.ctx, {
      siteId: (await server.ctx.db.selectFrom('sites').select('id').where('region_code', '=', '210323000000').where('kind', '=', 'center').executeTakeFirstOrThrow()).id,
      role: 'center_admin',
    });
    const outsider = await server.signIn(neighbour.phone, neighbour.password);
    expect((await outsider.get('/api/v1/hours?limit=200')).body.items.map((e: { id: number }) => e.id)).not.toContain(recorded.id);
    expect((await outsider.post(`/api/v1/hours/${recorded.id}/reverse`, { reason: '越权冲正' })).status).toBe(404);
    expect((await centerAdmin.get(`/api/v1/hours?volunteerId=${v.id}`)).body.items.map((e: { id: number }) => e.id)).toEqual([recorded.id]);
  });
});
