import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../../test/env.ts';
import { createTestServer, type TestClient, type TestServer } from '../../../../test/harness.ts';
import { actorFor, buildOrganization, buildUser } from '../../seed/factories.ts';

let server: TestServer;
let station: number;
let teamId: number;
let stationAdmin: TestClient;
let instituteAdmin: TestClient;
let resident: TestClient;

const site = async (regionCode: string, kind: string) =>
  (await server.ctx.db.selectFrom('sites').select('id').where('region_code', '=', regionCode).where('kind', '=', kind).executeTakeFirstOrThrow()).id;

/** An approved item of the station's menu (published by the institute, so approved at once). */
async function publish(title: string, capacity: number | null = null) {
  const item = await instituteAdmin.post('/api/v1/menu/items', { siteId: station, organizationId: teamId, title, category: 'assistance', capacity });
  expect(item.body.status).toBe('approved');
  return item.body.id as number;
}
const order = (client: TestClient, menuItemId: number) => client.post('/api/v1/orders', { menuItemId, siteId: station });
const onMenu = async (id: number) => (await server.client().get(`/api/v1/menu?siteId=${station}`)).body.items.find((i: { id: number }) => i.id === id);
/** Another resident of the station (each may hold any number of orders; separate people read truer). */
const newResident = async () => {
  const account = await buildUser(server.ctx, { siteId: station });
  return server.signIn(account.phone, account.password);
};

beforeAll(async () => {
  server = await createTestServer();
  station = await site('210321001021', 'station');
  stationAdmin = await server.signIn('13800000003', DEMO_PASSWORD);
  instituteAdmin = await server.signIn('13800000002', DEMO_PASSWORD);
  resident = await server.signIn('13800000006', DEMO_PASSWORD);
  const centerActor = await actorFor(server.ctx, (await (await server.signIn('13800000001', DEMO_PASSWORD)).get('/api/v1/auth/me')).body.user.id);
  teamId = (await buildOrganization(server.ctx, centerActor, { siteId: station, name: '菜单测试服务队' })).id;
});
afterAll(() => server?.close());

describe('retiring a menu item (下架)', () => {
  it('by the publishing level: off the menu, no new orders, and the orders already placed go on', async () => {
    const pending = await stationAdmin.post('/api/v1/menu/items', { siteId: station, organizationId: teamId, title: '上门量血压', category: 'medical_fitness' });
    await instituteAdmin.post(`/api/v1/menu/items/${pending.body.id}/review`, { decision: 'approve' });
    const id = pending.body.id as number;
    const before = await order(resident, id);
    expect(before.status).toBe(201);

    expect((await resident.post(`/api/v1/menu/items/${id}/retire`)).status).toBe(403);
    const retired = await stationAdmin.post(`/api/v1/menu/items/${id}/retire`);
    expect(retired.body).toMatchObject({ id, status: 'retired', used: 1 });
    expect(await onMenu(id)).toBeUndefined();
    expect((await stationAdmin.get('/api/v1/menu/items?status=retired')).body.items.map((i: { id: number }) => i.id)).toContain(id);

    const after = await order(resident, id);
    expect(after.status).toBe(409);
    expect(after.body.error).toMatchObject({ code: 'MENU_ITEM_RETIRED', field: 'menuItemId' });
    expect((await stationAdmin.post(`/api/v1/orders/${before.body.id}/triage`)).body.status).toBe('triaged');
    expect((await stationAdmin.post(`/api/v1/menu/items/${id}/retire`)).body.error.code).toBe('INVALID_TRANSITION');
  });

  it('is in the audit log: who retired which item, once (a refused retirement leaves no entry)', async () => {
    const id = await publish('上门修鞋');
    await order(resident, id);
    expect((await instituteAdmin.post(`/api/v1/menu/items/${id}/retire`)).body.status).toBe('retired');
    expect((await instituteAdmin.post(`/api/v1/menu/items/${id}/retire`)).status).toBe(409);
    const me = (await instituteAdmin.get('/api/v1/auth/me')).body.user.id;
    const entries = await server.ctx.db.selectFrom('audit_log').selectAll().where('subject', '=', `menu_item:${id}`).execute();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'menu_item_retire', actor_id: me, region_code: '210321001021' });
    expect(entries[0]!.details).toMatchObject({ siteId: station, title: '上门修鞋', ordersInProgress: 1 });
    const listed = await (await server.signIn('13800000001', DEMO_PASSWORD)).get(`/api/v1/audit?subject=menu_item:${id}`);
    expect(listed.body.items.map((e: { action: string }) => e.action)).toEqual(['menu_item_retire']);
  });

  it('not by a level below the publisher, nor by staff of another area (who do not learn it exists)', async () => {
    const id = await publish('法律咨询');
    const elsewhere = await server.ctx.db.selectFrom('sites').select('id').where('kind', '=', 'station').where('region_code', 'not like', '210321%').orderBy('id').executeTakeFirstOrThrow();
    const outsider = await buildUser(server.ctx, { siteId: elsewhere.id, role: 'station_admin' });
    expect((await (await server.signIn(outsider.phone, outsider.password)).post(`/api/v1/menu/items/${id}/retire`)).status).toBe(404);
    // An institute-level item is the institute's to retire, not its stations'.
    const institute = await site('210321001000', 'institute');
    const upper = await instituteAdmin.post('/api/v1/menu/items', { siteId: institute, organizationId: teamId, title: '健康讲座', category: 'medical_fitness' });
    await (await server.signIn('13800000001', DEMO_PASSWORD)).post(`/api/v1/menu/items/${upper.body.id}/review`, { decision: 'approve' });
    expect((await stationAdmin.post(`/api/v1/menu/items/${upper.body.id}/retire`)).status).toBe(404);
    expect((await instituteAdmin.post(`/api/v1/menu/items/${upper.body.id}/retire`)).body.status).toBe('retired');
    expect((await instituteAdmin.post(`/api/v1/menu/items/${id}/retire`)).body.status).toBe('retired');
  });
});

describe('the capacity of a menu item', () => {
  it('counts orders in progress; when full the order is refused with MENU_ITEM_FULL; a finished or cancelled order frees its place', async () => {
    const id = await publish('上门理发', 2);
    const first = await order(resident, id);
    const second = await order(await newResident(), id);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(await onMenu(id)).toMatchObject({ capacity: 2, used: 2 });

    const third = await newResident();
    const refused = await order(third, id);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'MENU_ITEM_FULL', field: 'menuItemId' });
    expect(refused.body.error.message).toContain('2 个名额');
    expect(await server.ctx.db.selectFrom('orders').select('id').where('menu_item_id', '=', id).execute()).toHaveLength(2);

    expect((await resident.post(`/api/v1/orders/${first.body.id}/cancel`)).body.status).toBe('cancelled');
    expect(await onMenu(id)).toMatchObject({ used: 1 });
    expect((await order(third, id)).status).toBe(201);
    expect((await order(await newResident(), id)).status).toBe(409);

    // Delivered (and rated) orders are finished: they hold no place either.
    await server.ctx.db.updateTable('orders').set({ status: 'delivered', delivered_at: new Date() }).where('id', '=', second.body.id).execute();
    expect(await onMenu(id)).toMatchObject({ used: 1 });
    expect((await order(await newResident(), id)).status).toBe(201);
  });

  it('an item without a capacity takes any number', async () => {
    const id = await publish('陪同散步');
    for (let i = 0; i < 3; i++) expect((await order(resident, id)).status).toBe(201);
    expect(await onMenu(id)).toMatchObject({ capacity: null, used: 3 });
  });

  it('holds when staff reopen an order: a finished or cancelled one takes a place again, refused when full', async () => {
    const id = await publish('上门助浴', 1);
    const first = await order(resident, id);
    expect((await resident.post(`/api/v1/orders/${first.body.id}/cancel`)).body.status).toBe('cancelled');
    const second = await order(await newResident(), id);
    expect(second.status).toBe(201);

    const refused = await stationAdmin.post(`/api/v1/orders/${first.body.id}/reopen`, { note: '居民改变主意' });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'MENU_ITEM_FULL', field: 'menuItemId' });
    expect((await stationAdmin.get(`/api/v1/orders/${first.body.id}`)).body.status).toBe('cancelled');
    expect(await onMenu(id)).toMatchObject({ capacity: 1, used: 1 });

    // An order in progress already holds its place: taking a dispatch back is not refused when full.
    await stationAdmin.post(`/api/v1/orders/${second.body.id}/triage`);
    expect((await stationAdmin.post(`/api/v1/orders/${second.body.id}/dispatch`, { organizationId: teamId })).body.status).toBe('dispatched');
    expect((await stationAdmin.post(`/api/v1/orders/${second.body.id}/reopen`, { note: '改派' })).body.status).toBe('triaged');
    expect(await onMenu(id)).toMatchObject({ used: 1 });

    // Once the place is free again, the reopen goes through and takes it.
    await server.ctx.db.updateTable('orders').set({ status: 'delivered', delivered_at: new Date() }).where('id', '=', second.body.id).execute();
    expect((await stationAdmin.post(`/api/v1/orders/${first.body.id}/reopen`, { note: '居民改变主意' })).body.status).toBe('triaged');
    expect(await onMenu(id)).toMatchObject({ used: 1 });
    expect((await order(await newResident(), id)).body.error.code).toBe('MENU_ITEM_FULL');
  });

  it('holds when a reopen and a new order race for the last place: exactly one gets it', async () => {
    const id = await publish('上门清洗油烟机', 1);
    // Three orders cancelled one after another, each freeing the one place for the next.
    const cancelled: number[] = [];
    for (let i = 0; i < 3; i++) {
      const placed = await order(await newResident(), id);
      expect(placed.status).toBe(201);
      await server.ctx.db.updateTable('orders').set({ status: 'cancelled' }).where('id', '=', placed.body.id).execute();
      cancelled.push(placed.body.id);
    }
    const people = await Promise.all(Array.from({ length: 3 }, newResident));
    const answers = await Promise.all([
      ...cancelled.map((orderId) => stationAdmin.post(`/api/v1/orders/${orderId}/reopen`, { note: '重新安排' })),
      ...people.map((person) => order(person, id)),
    ]);
    expect(answers.map((a) => a.status).filter((status) => status < 300)).toHaveLength(1);
    expect(answers.filter((a) => a.status >= 300).map((a) => a.body.error.code)).toEqual(Array(5).fill('MENU_ITEM_FULL'));
    const held = await server.ctx.db.selectFrom('orders').select('id').where('menu_item_id', '=', id).where('status', 'in', ['ordered', 'triaged']).execute();
    expect(held).toHaveLength(1);
  });

  it('holds under concurrent orders: the item row is locked, so exactly the places there are are taken', async () => {
    const id = await publish('家电维修', 2);
    const people = await Promise.all(Array.from({ length: 6 }, newResident));
    const answers = await Promise.all(people.map((person) => order(person, id)));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 201, 409, 409, 409, 409]);
    const held = await server.ctx.db.selectFrom('orders').select('id').where('menu_item_id', '=', id).where('status', '=', 'ordered').execute();
    expect(held).toHaveLength(2);
  });
});
