import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../../test/env.ts';
import { createTestServer, type TestClient, type TestServer } from '../../../../test/harness.ts';
import { chinaDayFrom, chinaToday } from '../../lib/id-number.ts';
import { buildUser, buildVolunteer } from '../../seed/factories.ts';
import { sealPlainFollowUps } from './service.ts';

let server: TestServer;
let station: number;
let stationAdmin: TestClient;

/** China's date n days from today (the coverage report counts in Asia/Shanghai days). */
const days = chinaDayFrom;

async function member() {
  const account = await buildUser(server.ctx, { siteId: station, role: 'volunteer' });
  const made = await buildVolunteer(server.ctx, { siteId: station, userId: account.userId, phone: account.phone, partyMember: true });
  return { id: made.id, client: await server.signIn(account.phone, account.password) };
}

/** A group of two members caring for one recipient visited every 7 days. */
async function setUp() {
  const [a, b] = [await member(), await member()];
  const group = await stationAdmin.post('/api/v1/care-groups', { name: `帮扶小组${a.id}`, siteId: station, memberIds: [a.id, b.id] });
  const recipient = await stationAdmin.post('/api/v1/care-recipients', {
    groupId: group.body.id, kind: 'elderly_alone', name: '张桂芝', phone: '13912345670', needs: '高血压，独居，腿脚不便', visitEveryDays: 7, caretakerId: a.id, consent: true,
  });
  expect(recipient.status).toBe(201);
  return { a, b, groupId: group.body.id as number, recipientId: recipient.body.id as number };
}

/** Every page of a coverage list, following the cursor. */
async function everyPage(list: 'overdue' | 'withoutCaretaker', query: string) {
  const items: { id: number; nextDue: string; lateDays: number }[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const response: { status: number; body: any } = await stationAdmin.get(`/api/v1/care/coverage/recipients?list=${list}&${query}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(response.status).toBe(200);
    items.push(...response.body.items);
    cursor = response.body.nextCursor;
    pages += 1;
  } while (cursor);
  return { items, pages };
}

let png: Buffer;

beforeAll(async () => {
  png = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#2e7d32' } }).png().toBuffer();
  server = await createTestServer();
  station = (await server.ctx.db.selectFrom('sites').select('id').where('region_code', '=', '210321001021').where('kind', '=', 'station').executeTakeFirstOrThrow()).id;
  stationAdmin = await server.signIn('13800000003', DEMO_PASSWORD);
});
afterAll(() => server?.close());

describe('pairing and assistance', () => {
  it('pairs a unit with a community, with masked contacts', async () => {
    const pair = await stationAdmin.post('/api/v1/unit-pairs', {
      unitName: '台安县民政局', unitType: 'party_government', siteId: station, unitContactName: '刘科长', unitContactPhone: '13900001111',
      communityContactName: '赵站长', startedOn: '2026-03-01',
    });
    expect(pair.body).toMatchObject({ unitName: '台安县民政局', unitContact: { name: '刘科长', phoneMasked: '139****1111' } });
  });

  it('shows a recipient only to the group and the staff, audits every read, and masks lists', async () => {
    const { a, recipientId } = await setUp();
    const mine = await a.client.get('/api/v1/care-recipients/mine');
    expect(mine.body.items).toEqual([expect.objectContaining({ id: recipientId, name: '张**', mine: true })]);
    const detail = await a.client.get(`/api/v1/care-recipients/${recipientId}?reason=${encodeURIComponent('上门走访前查看')}`);
    expect(detail.body).toMatchObject({ name: '张桂芝', phone: '13912345670', needs: '高血压，独居，腿脚不便' });
    const audit = await server.ctx.db.selectFrom('audit_log').selectAll().where('subject', '=', `care_recipient:${recipientId}`).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'read_recipient', reason: '上门走访前查看' });

    const outsider = await member();
    expect((await outsider.client.get(`/api/v1/care-recipients/${recipientId}`)).status).toBe(404);
    expect((await outsider.client.get('/api/v1/care-recipients/mine')).body.items).toEqual([]);
    expect(JSON.stringify((await outsider.client.get(`/api/v1/care-recipients/${recipientId}`)).body)).not.toContain('张桂芝');
    const rows = await server.ctx.db.selectFrom('care_recipients').selectAll().where('id', '=', recipientId).executeTakeFirstOrThrow();
    expect(JSON.stringify(rows)).not.toMatch(/张桂芝|高血压|13912345670/);
  });

  it('logs a visit once, however often the phone resends it', async () => {
    const { a, recipientId } = await setUp();
    const visit = { clientId: 'offline-visit-0001', visitedOn: chinaToday(), kind: 'home', summary: '量血压 130/85，帮忙买了药' };
    const [first, resend] = [await a.client.post(`/api/v1/care-recipients/${recipientId}/visits`, visit), await a.client.post(`/api/v1/care-recipients/${recipientId}/visits`, visit)];
    expect(first.status).toBe(201);
    expect(resend.body.id).toBe(first.body.id);
    const count = await server.ctx.db.selectFrom('care_visits').select((eb) => eb.fn.countAll<number>().as('n')).where('recipient_id', '=', recipientId).executeTakeFirstOrThrow();
    expect(count.n).toBe(1);
    const outsider = await member();
    expect((await outsider.client.post(`/api/v1/care-recipients/${recipientId}/visits`, { ...visit, clientId: 'intruder-0001' })).status).toBe(404);
  });

  it('reports coverage on any day: the plan falls due, a visit covers it again', async () => {
    const { a, recipientId } = await setUp();
    const coverage = async (asOf: string) => (await everyPage('overdue', `asOf=${asOf}`)).items;
    expect((await coverage(days(6))).map((r) => r.id)).not.toContain(recipientId);
    const late = (await coverage(days(10))).find((r) => r.id === recipientId);
    expect(late).toMatchObject({ lateDays: 3, name: '张**' });
    await a.client.post(`/api/v1/care-recipients/${recipientId}/visits`, { clientId: `visit-${recipientId}-now`, visitedOn: chinaToday(), kind: 'phone', summary: '电话问候' });
    expect((await coverage(days(6))).map((r) => r.id)).not.toContain(recipientId);
    expect((await coverage(days(9))).find((r) => r.id === recipientId)?.lateDays).toBe(2);
  });

  it('pages the overdue list past a page boundary, each recipient once, with totals counted alike', async () => {
    const made = [await setUp(), await setUp(), await setUp()].map((s) => s.recipientId);
    const asOf = days(30);
    const { items, pages } = await everyPage('overdue', `asOf=${asOf}&limit=2`);
    expect(pages).toBeGreaterThan(1);
    const ids = items.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(made));
    // longest overdue first, ties by id
    const keys = items.map((r) => `${r.nextDue}:${String(r.id).padStart(9, '0')}`);
    expect(keys).toEqual([...keys].sort());
    const totals = (await stationAdmin.get(`/api/v1/care/coverage?asOf=${asOf}`)).body;
    expect(totals.overdue).toBe(ids.length);
    expect(totals.covered).toBe(totals.recipients - totals.overdue);
    expect((await stationAdmin.get('/api/v1/care/coverage/recipients?list=overdue&cursor=bm9wZQ')).body.error.field).toBe('cursor');
  });

  it('keeps visit photos for those who may read the recipient only, and takes only the member’s own uploads', async () => {
    const { a, b, recipientId } = await setUp();
    const photo = (await a.client.upload('/api/v1/files', {}, { filename: 'visit.png', content: png, type: 'image/png' })).body.id as string;
    const others = (await stationAdmin.upload('/api/v1/files', {}, { filename: 'other.png', content: png, type: 'image/png' })).body.id as string;
    const visit = { clientId: `photo-visit-${recipientId}`, visitedOn: chinaToday(), kind: 'home', summary: '送去米面油', followUp: '下周陪同去医院复查' };
    const refused = await a.client.post(`/api/v1/care-recipients/${recipientId}/visits`, { ...visit, photos: [others] });
    expect(refused.status).toBe(400);
    expect(refused.body.error.field).toBe('photos');
    expect((await a.client.post(`/api/v1/care-recipients/${recipientId}/visits`, { ...visit, photos: [photo] })).status).toBe(201);

    const record = (await b.client.get(`/api/v1/care-recipients/${recipientId}`)).body;
    expect(record.visits[0]).toMatchObject({ followUp: '下周陪同去医院复查', photos: [{ id: photo }] });
    const url = record.visits[0].photos[0].thumbUrl as string;
    const seen = await b.client.get(url);
    expect(seen.status).toBe(200);
    expect(seen.headers['content-type']).toBe('image/jpeg');
    expect((await stationAdmin.get(record.visits[0].photos[0].url)).status).toBe(200);
    const outsider = await member();
    expect((await outsider.client.get(url)).status).toBe(404);
    expect((await server.client().get(url)).status).toBe(401);
    // another recipient's path does not open this photo
    const other = await setUp();
    expect((await other.a.client.get(`/api/v1/care-recipients/${other.recipientId}/photos/${photo}`)).status).toBe(404);

    const stored = await server.ctx.db.selectFrom('care_visits').selectAll().where('recipient_id', '=', recipientId).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toMatch(/米面油|复查/);
  });

  it('seals a follow-up stored in plain text before follow-ups were encrypted', async () => {
    const { a, recipientId } = await setUp();
    const sent = await a.client.post(`/api/v1/care-recipients/${recipientId}/visits`, { clientId: `legacy-${recipientId}`, visitedOn: chinaToday(), kind: 'phone', summary: '电话问候' });
    await server.ctx.db.updateTable('care_visits').set({ follow_up: '旧的随访记录' }).where('id', '=', sent.body.id).execute();
    expect((await a.client.get(`/api/v1/care-recipients/${recipientId}`)).body.visits[0].followUp).toBe('旧的随访记录');
    const row = await server.ctx.db.selectFrom('care_visits').select(['follow_up', 'follow_up_enc']).where('id', '=', sent.body.id).executeTakeFirstOrThrow();
    expect(row.follow_up).toBeNull();
    expect(row.follow_up_enc).toMatch(/^v1:/);
    expect((await a.client.get(`/api/v1/care-recipients/${recipientId}`)).body.visits[0].followUp).toBe('旧的随访记录');
    // One nobody opens is sealed by the background task.
    await server.ctx.db.updateTable('care_visits').set({ follow_up: '另一条旧记录', follow_up_enc: null }).where('id', '=', sent.body.id).execute();
    while ((await sealPlainFollowUps(server.ctx, 10)) > 0);
    expect(await server.ctx.db.selectFrom('care_visits').select('id').where('follow_up', 'is not', null).execute()).toEqual([]);
    expect((await a.client.get(`/api/v1/care-recipients/${recipientId}`)).body.visits[0].followUp).toBe('另一条旧记录');
  });

  it('flags a group that lost a member and hands the recipient over', async () => {
    const { a, b, groupId, recipientId } = await setUp();
    await stationAdmin.delete(`/api/v1/care-groups/${groupId}/members/${a.id}`);
    const report = (await stationAdmin.get('/api/v1/care/coverage')).body;
    expect(report.leavers).toEqual(expect.arrayContaining([expect.objectContaining({ groupId, volunteerId: a.id, recipients: 1 })]));
    const orphans = (await everyPage('withoutCaretaker', '')).items.map((r) => r.id);
    expect(orphans).toContain(recipientId);
    expect(report.withoutCaretaker).toBe(orphans.length);
    expect((await a.client.get(`/api/v1/care-recipients/${recipientId}`)).status).toBe(404);
    const handed = await stationAdmin.post(`/api/v1/care-recipients/${recipientId}/hand-over`, { toVolunteerId: b.id });
    expect(handed.body.caretaker).toMatchObject({ volunteerId: b.id, active: true });
    const audit = await server.ctx.db.selectFrom('audit_log').selectAll().where('subject', '=', `care_recipient:${recipientId}`).where('action', '=', 'care_hand_over').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ fromVolunteerId: a.id, toVolunteerId: b.id });
    expect((await everyPage('withoutCaretaker', '')).items.map((r) => r.id)).not.toContain(recipientId);
    expect((await stationAdmin.post(`/api/v1/care-recipients/${recipientId}/hand-over`, { toVolunteerId: a.id })).body.error.field).toBe('toVolunteerId');
  });
});
