// Idempotency-Key when the database went away between a write and its stored answer: the
// write's own commit stamps the key, so a retry never doubles the write, and a retry of an
// attempt that died before committing runs once the reservation has lapsed.
import { setTimeout } from 'node:timers/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestClient, type TestServer } from '../../../test/harness.ts';

let server: TestServer;
let resident: TestClient;
let station: number;

beforeAll(async () => {
  server = await createTestServer();
  resident = await server.signIn('13800000006');
  station = (await server.ctx.db.selectFrom('sites').select('id').where('region_code', '=', '210321001021').where('kind', '=', 'station').executeTakeFirstOrThrow()).id;
});
afterAll(() => server?.close());

const wish = (title: string) => ({
  title, story: '家里的灯坏了，想请志愿者帮忙换一个灯泡。', category: 'repair', beneficiaryGroup: 'elderly_alone',
  beneficiaryName: '赵大爷', beneficiaryPhone: '13912345678', siteId: station,
});
const postWish = (title: string, key: string) => resident.post('/api/v1/wishes', wish(title), { 'idempotency-key': key });
const wishesTitled = async (title: string) => (await server.ctx.db.selectFrom('wishes').select('id').where('title', '=', title).execute()).length;
const keyRow = (key: string) => server.ctx.db.selectFrom('idempotency_keys').selectAll().where('key', '=', key).executeTakeFirstOrThrow();

/** What the database holds when it went away after the write committed, before its answer was stored. */
const forgetAnswer = (key: string) => server.ctx.db.updateTable('idempotency_keys').set({ status: null, response: null }).where('key', '=', key).execute();

describe('a retried request', () => {
  it('finds its key stamped by the write’s own commit, and the answer replayed', async () => {
    const first = await postWish('换灯泡（一）', 'idem-stamp-0001');
    expect(first.status).toBe(201);
    expect((await keyRow('idem-stamp-0001')).committed_at).not.toBeNull();
    const again = await postWish('换灯泡（一）', 'idem-stamp-0001');
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await wishesTitled('换灯泡（一）')).toBe(1);
  });

  it('is told the write was done when its answer was lost, and does not write again', async () => {
    expect((await postWish('换灯泡（二）', 'idem-lost-0002')).status).toBe(201);
    await forgetAnswer('idem-lost-0002');
    const again = await postWish('换灯泡（二）', 'idem-lost-0002');
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('IDEMPOTENCY_DONE');
    expect(await wishesTitled('换灯泡（二）')).toBe(1);
  });

  it('waits for the answer of a write that has committed, and replays it once stored', async () => {
    const first = await postWish('换灯泡（四）', 'idem-late-0004');
    const answer = await keyRow('idem-late-0004');
    await forgetAnswer('idem-late-0004');
    // The first attempt stores its answer a moment after the retry arrives.
    const stored = setTimeout(250).then(() => server.ctx.db.updateTable('idempotency_keys')
      .set({ status: answer.status, response: JSON.stringify(answer.response) }).where('key', '=', 'idem-late-0004').execute());
    const again = await postWish('换灯泡（四）', 'idem-late-0004');
    await stored;
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await wishesTitled('换灯泡（四）')).toBe(1);
  });

  it('waits while the first attempt may still be running, and runs once its reservation has lapsed without a commit', async () => {
    const userKey = (await keyRow('idem-stamp-0001')).user_key;
    const reserve = (age: string) => server.ctx.db.insertInto('idempotency_keys')
      .values({ user_key: userKey, key: 'idem-died-0003', route: 'POST /api/v1/wishes', created_at: sql<Date>`now() - ${age}::interval` }).execute();
    await reserve('5 seconds');
    const early = await postWish('换灯泡（三）', 'idem-died-0003');
    expect(early.body.error.code).toBe('IDEMPOTENCY_IN_PROGRESS');
    await server.ctx.db.deleteFrom('idempotency_keys').where('key', '=', 'idem-died-0003').execute();
    await reserve('1 minute');
    const [one, two] = await Promise.all([postWish('换灯泡（三）', 'idem-died-0003'), postWish('换灯泡（三）', 'idem-died-0003')]);
    // One runs; the other is told it is in progress, or (run after it) gets its answer replayed.
    const ran = [one, two].filter((response) => response.status === 201 && !response.headers['idempotent-replayed']);
    expect(ran).toHaveLength(1);
    for (const other of [one, two].filter((response) => response !== ran[0])) {
      expect(other.status === 409 ? other.body.error.code : other.body).toEqual(other.status === 409 ? 'IDEMPOTENCY_IN_PROGRESS' : ran[0]!.body);
    }
    expect(await wishesTitled('换灯泡（三）')).toBe(1);
    expect((await keyRow('idem-died-0003')).status).toBe(201);
  });
});
