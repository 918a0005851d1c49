// Service orders end to end in Chromium against a real server and the seeded demo county:
// the resident orders from the menu on the phone, the station dispatches to a suggested team
// in the console, the team leader accepts and delivers with a photo on the phone, the
// resident rates it, and the console shows it delivered with the rating. Also: the escalated
// demo order flagged on 八角台街道's board, a grab lost to someone faster, a delivered order
// rated by the station for a resident it called back, and the public portal of the station.
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { choose, openPage, phoneAs, PNG_1PX, row, signedIn, useBrowserRun, type BrowserRun } from './browser.ts';

const STATION_ADMIN = '13800000003';
const INSTITUTE_ADMIN = '13800000002';
const LEADER = '13800000004';
const RESIDENT = '13800000006';
const TEAM = '庆南社区邻里守望志愿服务队';
const ITEM = '测血压·健康咨询';
const ESCALATED = '楼道灯坏了想请人修';

const browserRun = useBrowserRun();
let run: BrowserRun;
beforeAll(() => {
  run = browserRun();
});

const phone = (path: string, who: string) => phoneAs(run, path, who);

/** A column of the dispatch board, by its state's name. */
const column = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const tile = (scope: Page | Locator, title: string) => scope.getByRole('button', { name: `打开点单：${title}` });

async function stationId() {
  const site = await run.server.ctx.db.selectFrom('sites').select('id').where('region_code', '=', '210321001021').where('kind', '=', 'station').executeTakeFirstOrThrow();
  return site.id;
}

describe('service orders', () => {
  it('go from the resident’s phone through the console’s dispatch to the team and back, rated', async () => {
    // The resident finds 点单 on the home page and the menu of their community.
    const resident = await phone('', RESIDENT);
    const r = resident.page;
    await r.getByRole('link', { name: '去点单' }).click();
    await r.waitForURL('**/m/orders');
    const item = r.getByRole('article', { name: ITEM });
    await item.getByText(TEAM).waitFor();
    await item.getByText('每周六上午').waitFor();
    await item.getByText('庆南社区党群服务中心').waitFor();
    await r.getByRole('article', { name: '上门理发' }).getByText('到家服务').waitFor();
    await item.getByRole('link', { name: `点单：${ITEM}` }).click();
    await r.waitForURL(/\/m\/orders\/new\?item=\d+&site=\d+$/);
    await r.getByRole('region', { name: '您选的服务' }).getByText(ITEM).waitFor();
    // A wrong phone number is caught before sending.
    await r.getByLabel('联系电话（可不填）').fill('12345');
    await r.getByRole('button', { name: '提交点单' }).click();
    await r.getByText('请输入 11 位手机号').waitFor();
    await r.getByLabel('联系电话（可不填）').fill('13900001111');
    await r.getByLabel('补充说明（可不填）').fill('最近总头晕，想量量血压');
    await r.getByLabel('服务地址（可不填）').fill('庆南社区5号楼1单元');
    await r.getByRole('button', { name: '提交点单' }).click();
    await r.waitForURL(/\/m\/orders\/\d+$/);
    const orderId = Number(r.url().split('/').pop());
    await r.getByRole('status').filter({ hasText: '点单成功！' }).waitFor();
    await r.getByText('已收到您的点单，工作人员正在安排。').waitFor();
    await r.getByRole('heading', { name: ITEM }).waitFor();
    const keyed = await run.server.ctx.db.selectFrom('idempotency_keys').select('route').execute();
    expect(keyed.map((row) => row.route)).toContain('POST /api/v1/orders');
    const stored = await run.server.ctx.db.selectFrom('orders').select(['status', 'address', 'details']).where('id', '=', orderId).executeTakeFirstOrThrow();
    expect(stored).toEqual({ status: 'ordered', address: '庆南社区5号楼1单元', details: '最近总头晕，想量量血压' });

    // The station's console: the bell counts the new order's message, which opens the order on the board.
    const adminTab = await signedIn(run, '/', STATION_ADMIN);
    const admin = adminTab.page;
    const bell = admin.getByRole('button', { name: /^消息，\d+ 条未读$/ });
    const unread = Number(/\d+/.exec((await bell.getAttribute('aria-label'))!)![0]);
    await bell.click();
    await admin.waitForURL('**/inbox');
    await admin.getByRole('button', { name: `新的点单：${ITEM}` }).first().click();
    await admin.waitForURL(`**/orders?order=${orderId}`);
    const drawer = admin.getByRole('dialog', { name: ITEM });
    await drawer.getByText('13900001111').waitFor();
    await admin.getByRole('button', { name: unread === 1 ? '消息' : `消息，${unread - 1} 条未读`, exact: true }).waitFor();
    await drawer.getByRole('button', { name: 'Close' }).or(drawer.getByRole('button', { name: '关闭' })).first().click();

    // The dispatch board: the new order waits to be taken in, with its clock.
    await admin.getByRole('menuitem', { name: '派单调度' }).click();
    await admin.waitForURL('**/orders');
    const waiting = tile(column(admin, '待分拣'), ITEM);
    await waiting.getByText(/^还剩 23 小时 \d+ 分$/).waitFor();
    await waiting.click();
    await drawer.getByText('13900001111').waitFor();
    await drawer.getByRole('button', { name: '受理分拣' }).click();
    await admin.getByText('已受理，请派单').waitFor();
    await drawer.getByRole('button', { name: '派单' }).click();
    const dispatch = admin.getByRole('dialog', { name: `派单：${ITEM}` });
    // The matching suggestions, each with why.
    const suggestion = dispatch.getByRole('listitem').filter({ hasText: TEAM });
    await suggestion.getByText('同一社区（村）').waitFor();
    await dispatch.getByRole('radio', { name: TEAM }).check();
    await dispatch.getByLabel('接单时限').fill('12');
    await dispatch.getByRole('button', { name: '派单' }).click();
    await admin.getByText('已派单', { exact: true }).first().waitFor();
    await drawer.getByText(/^还剩 (11 小时 \d+|12 小时 0) 分$/).waitFor();
    await drawer.getByRole('button', { name: 'Close' }).or(drawer.getByRole('button', { name: '关闭' })).first().click();
    await tile(column(admin, '已派单'), ITEM).getByText(TEAM).waitFor();
    const dispatched = await run.server.ctx.db.selectFrom('orders').innerJoin('organizations', 'organizations.id', 'orders.organization_id')
      .select(['orders.status', 'organizations.name']).where('orders.id', '=', orderId).executeTakeFirstOrThrow();
    expect(dispatched).toEqual({ status: 'dispatched', name: TEAM });

    // The team leader sees it waiting under 队伍接单, accepts it and delivers with a photo.
    const leaderPhone = await phone('/orders', LEADER);
    const leader = leaderPhone.page;
    await leader.getByRole('tab', { name: '队伍接单' }).click();
    await leader.getByRole('region', { name: '待接单' }).getByRole('link', { name: new RegExp(ITEM) }).click();
    await leader.waitForURL(`**/m/orders/${orderId}`);
    await leader.getByText('庆南社区5号楼1单元').waitFor();
    await leader.getByRole('button', { name: '接单', exact: true }).click();
    await leader.getByRole('status').filter({ hasText: '已接单，请尽快联系居民。' }).waitFor();
    const deliver = leader.getByRole('region', { name: '送单：填写服务情况' });
    await deliver.getByRole('button', { name: '提交，服务完成' }).click();
    await deliver.getByText('请写几句服务情况（至少 2 个字）。').waitFor();
    await deliver.getByLabel('服务情况').fill('上门量了血压 135/85，建议低盐饮食，下周再来复测。');
    const served = deliver.getByRole('group', { name: '参加服务的队员（可不选）' });
    await served.getByText('刘队长', { exact: true }).click();
    await deliver.getByLabel('每人服务了多少分钟').fill('0');
    await deliver.getByRole('button', { name: '提交，服务完成' }).click();
    await deliver.getByText('请填 1 到 1,440 之间的分钟数').waitFor();
    await deliver.getByLabel('每人服务了多少分钟').fill('90');
    await deliver.locator('input[type="file"]').setInputFiles({ name: 'visit.png', mimeType: 'image/png', buffer: PNG_1PX });
    await expect.poll(() => deliver.locator('.adm-image-uploader-cell:not(.adm-image-uploader-upload-button) img').count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => deliver.locator('.adm-image-uploader-cell-loading').count()).toBe(0);
    await deliver.getByRole('button', { name: '提交，服务完成' }).click();
    await leader.getByRole('status').filter({ hasText: '已提交，居民会收到评价提醒。' }).waitFor();
    await leader.getByRole('img', { name: '服务照片 1' }).waitFor();
    // The leader's 90 minutes went into the ledger.
    const hours = await run.server.ctx.db.selectFrom('service_hours').innerJoin('volunteers', 'volunteers.id', 'service_hours.volunteer_id')
      .select(['volunteers.name', 'service_hours.minutes']).where('service_hours.source', '=', 'order').where('service_hours.source_id', '=', orderId).execute();
    expect(hours).toEqual([{ name: '刘队长', minutes: 90 }]);

    // The resident rates it on the phone.
    await r.reload();
    await r.getByText('服务已完成，请为这次服务评价。').waitFor();
    await r.getByRole('region', { name: '服务情况' }).getByText('上门量了血压 135/85，建议低盐饮食，下周再来复测。').waitFor();
    const rating = r.getByRole('region', { name: '评价这次服务' });
    await rating.getByRole('button', { name: '提交评价' }).click();
    await rating.getByText('请先点星星打分').waitFor();
    await rating.getByRole('radio', { name: '5 星' }).click();
    await rating.getByLabel('说几句（可不填）').fill('血压量得仔细，还教了我注意什么');
    await rating.getByRole('button', { name: '提交评价' }).click();
    await r.getByRole('status').filter({ hasText: '谢谢您的评价！' }).waitFor();
    await r.getByRole('region', { name: '居民评价' }).getByRole('img', { name: /5/ }).waitFor();
    const rated = await run.server.ctx.db.selectFrom('orders').select(['status', 'rating', 'rating_comment', 'delivery_photos']).where('id', '=', orderId).executeTakeFirstOrThrow();
    expect(rated).toMatchObject({ status: 'rated', rating: 5, rating_comment: '血压量得仔细，还教了我注意什么' });
    expect(rated.delivery_photos).toHaveLength(1);
    // 我的点单 lists it rated.
    await r.goto(`${run.baseUrl}/m/orders?view=mine`);
    await r.getByRole('link', { name: new RegExp(ITEM) }).getByText('已评价').waitFor();

    // The console's board shows it delivered and rated, with the team's report.
    await admin.getByRole('button', { name: '刷新' }).click();
    const done = tile(column(admin, '已评价'), ITEM);
    await done.getByText('评价 5 星').waitFor();
    await done.click();
    const finished = admin.getByRole('dialog', { name: ITEM });
    await finished.getByRole('row', { name: /服务情况/ }).getByText('上门量了血压 135/85，建议低盐饮食，下周再来复测。').waitFor();
    await finished.getByRole('img', { name: '评价 5 星' }).waitFor();
    await finished.getByText('血压量得仔细，还教了我注意什么').waitFor();
    expect([...resident.problems, ...leaderPhone.problems, ...adminTab.problems]).toEqual([]);
  });

  it('flag the order left too long on 八角台街道’s board, first in its column', async () => {
    const { page, problems } = await signedIn(run, '/orders', INSTITUTE_ADMIN);
    const waiting = column(page, '待分拣');
    const escalated = tile(waiting, ESCALATED);
    await escalated.getByText('超时升级 ×1').waitFor();
    expect(await escalated.getAttribute('class')).toContain('order-tile-flagged');
    expect(await waiting.getByRole('button').first().getAttribute('aria-label')).toBe(`打开点单：${ESCALATED}`);
    await page.getByText(/单超时待督办$/).waitFor();
    await escalated.click();
    const drawer = page.getByRole('dialog', { name: ESCALATED });
    await drawer.getByText(/下级超时未处理，已升级 1 次，现由.*八角台街道.*督办。/).waitFor();
    // Not on the station's board any more: it moved up.
    const station = (await signedIn(run, '/orders', STATION_ADMIN)).page;
    await column(station, '待分拣').waitFor();
    await station.getByRole('button', { name: /^打开点单：/ }).first().waitFor();
    expect(await tile(station, ESCALATED).count()).toBe(0);

    // The institute takes it in and passes it back down to the station, with 8 hours to act.
    await drawer.getByRole('button', { name: '受理分拣' }).click();
    await drawer.getByRole('button', { name: '派单' }).click();
    const dispatch = page.getByRole('dialog', { name: `派单：${ESCALATED}` });
    await dispatch.getByText('转上级/下级').click();
    await choose(page, dispatch.getByLabel('转交给'), '下一级：庆南社区新时代文明实践站');
    await dispatch.getByLabel('处理时限').fill('8');
    await dispatch.getByRole('button', { name: '派单' }).click();
    // The form closes once the server has answered (已派单 may be on the board already).
    await dispatch.waitFor({ state: 'hidden' });
    const order = await run.server.ctx.db.selectFrom('orders').select(['handler_site_id', 'status', 'deadline', 'overdue']).where('title', '=', ESCALATED).executeTakeFirstOrThrow();
    expect(order).toMatchObject({ handler_site_id: await stationId(), status: 'triaged', overdue: false });
    expect(order.deadline!.getTime() - Date.now()).toBeGreaterThan(7.9 * 3600_000);
    await station.getByRole('button', { name: '刷新' }).click();
    await tile(column(station, '待派单'), ESCALATED).waitFor();
    expect(problems).toEqual([]);
  });

  it('tell a team leader plainly when another team grabbed the order first', async () => {
    const site = await stationId();
    const residentApi = await run.server.signIn(RESIDENT);
    const placed = await residentApi.post('/api/v1/orders', { title: '帮忙搬一下旧家具', category: 'assistance', siteId: site });
    expect(placed.status).toBe(201);
    const stationApi = await run.server.signIn(STATION_ADMIN);
    await stationApi.post(`/api/v1/orders/${placed.body.id}/triage`);
    expect((await stationApi.post(`/api/v1/orders/${placed.body.id}/dispatch`, { openForGrab: true })).status).toBe(200);

    const { page } = await phone('/orders', LEADER);
    await page.getByRole('tab', { name: '队伍接单' }).click();
    await page.getByRole('region', { name: '可抢单' }).getByRole('link', { name: /帮忙搬一下旧家具/ }).click();
    await page.getByRole('button', { name: '立即抢单' }).waitFor();
    // Someone faster (here through the API) takes it while the page is open.
    const leaderApi = await run.server.signIn(LEADER);
    const team = await run.server.ctx.db.selectFrom('organizations').select('id').where('name', '=', TEAM).executeTakeFirstOrThrow();
    expect((await leaderApi.post(`/api/v1/orders/${placed.body.id}/grab`, { organizationId: team.id })).status).toBe(200);
    await page.getByRole('button', { name: '立即抢单' }).click();
    await page.getByRole('alert').filter({ hasText: '手慢了，这个点单已被其他队伍抢走或已收回' }).waitFor();
  });

  it('go back to the board with the reason when the team declines', async () => {
    const site = await stationId();
    const placed = await (await run.server.signIn(RESIDENT)).post('/api/v1/orders', { title: '教我用手机挂号', category: 'assistance', siteId: site });
    const stationApi = await run.server.signIn(STATION_ADMIN);
    await stationApi.post(`/api/v1/orders/${placed.body.id}/triage`);
    const team = await run.server.ctx.db.selectFrom('organizations').select('id').where('name', '=', TEAM).executeTakeFirstOrThrow();
    expect((await stationApi.post(`/api/v1/orders/${placed.body.id}/dispatch`, { organizationId: team.id })).status).toBe(200);

    const { page, problems } = await phone(`/orders/${placed.body.id}`, LEADER);
    await page.getByRole('button', { name: '无法接单' }).click();
    await page.getByRole('button', { name: '确认拒单' }).click();
    await page.getByText('请写明原因（至少 2 个字），工作人员会重新派单。').waitFor();
    await page.getByLabel('无法接单的原因').fill('本周队员都外出培训');
    await page.getByRole('button', { name: '确认拒单' }).click();
    await page.getByRole('status').filter({ hasText: '已拒单，点单已退回工作人员重新派单。' }).waitFor();
    await page.getByRole('link', { name: '返回队伍接单' }).click();
    await page.waitForURL('**/m/orders?view=team');
    expect(await page.getByRole('link', { name: /教我用手机挂号/ }).count()).toBe(0);

    const admin = (await signedIn(run, '/orders', STATION_ADMIN)).page;
    const back = tile(column(admin, '待派单'), '教我用手机挂号');
    await back.getByText('被拒单').waitFor();
    await back.click();
    await admin.getByRole('dialog', { name: '教我用手机挂号' }).getByText('服务队伍拒单：本周队员都外出培训。请重新派单。').waitFor();
    expect(problems).toEqual([]);
  });

  it('let the station rate a delivered order for a resident it called back (回访代评)', async () => {
    const site = await stationId();
    const placed = await (await run.server.signIn(RESIDENT)).post('/api/v1/orders', { title: '上门量血糖', category: 'medical_fitness', siteId: site });
    const id = placed.body.id as number;
    const stationApi = await run.server.signIn(STATION_ADMIN);
    const leaderApi = await run.server.signIn(LEADER);
    const team = await run.server.ctx.db.selectFrom('organizations').select(['id', 'leader_volunteer_id']).where('name', '=', TEAM).executeTakeFirstOrThrow();
    await stationApi.post(`/api/v1/orders/${id}/triage`);
    await stationApi.post(`/api/v1/orders/${id}/dispatch`, { organizationId: team.id });
    await leaderApi.post(`/api/v1/orders/${id}/accept`);
    const delivered = await leaderApi.post(`/api/v1/orders/${id}/deliver`, { report: '血糖正常', participants: [{ volunteerId: team.leader_volunteer_id, minutes: 20 }] });
    expect(delivered.body.status).toBe('delivered');

    const { page, problems } = await signedIn(run, `/orders?order=${id}`, STATION_ADMIN);
    const drawer = page.getByRole('dialog', { name: '上门量血糖' });
    await drawer.getByRole('button', { name: '回访代评' }).click();
    const form = page.getByRole('dialog', { name: '回访代评：上门量血糖' });
    await form.getByRole('radio').nth(3).click();
    await form.getByLabel('居民意见').fill('电话回访，老人很满意');
    await form.getByRole('button', { name: '回访代评' }).click();
    await page.getByText('已代为评价').waitFor();
    await drawer.getByText('回访代评', { exact: true }).waitFor(); // the timeline's note
    const row = await run.server.ctx.db.selectFrom('orders').select(['status', 'rating', 'rating_comment', 'deadline']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'rated', rating: 4, rating_comment: '电话回访，老人很满意', deadline: null });
    expect(problems).toEqual([]);
  });

  it('publish a service on the station’s menu, reviewed by the institute above', async () => {
    const station = (await signedIn(run, '/menu', STATION_ADMIN)).page;
    await row(station, '上门理发').getByText('已上架').waitFor();
    await station.getByRole('button', { name: '发布服务' }).click();
    const form = station.getByRole('dialog', { name: '发布服务' });
    await choose(station, form.getByLabel('提供阵地'), '庆南社区新时代文明实践站', { typed: '庆南', exact: true });
    await choose(station, form.getByLabel('服务队伍'), TEAM, { typed: '庆南社区', exact: true });
    await form.getByLabel('服务名称').fill('代买代办');
    await choose(station, form.getByLabel('服务类别'), '扶危帮困', { exact: true });
    await form.getByLabel('服务地点').fill('到家服务');
    await form.getByLabel('服务时间').fill('每周一、四下午');
    await form.getByLabel('可服务人次').fill('20');
    await form.getByRole('button', { name: '发布' }).click();
    const mine = row(station, '代买代办');
    await mine.getByText('待审核').waitFor();
    expect(await form.count()).toBe(0);
    // Its own level cannot approve it.
    expect(await mine.getByRole('button', { name: /通过/ }).count()).toBe(0);

    const institute = (await signedIn(run, '/menu?tab=pending', INSTITUTE_ADMIN)).page;
    await row(institute, '代买代办').getByRole('button', { name: /通过/ }).click();
    await institute.getByText(/代买代办/).first().waitFor();
    await expect.poll(() => row(institute, '代买代办').count()).toBe(0);
    const site = await stationId();
    const menu = await (await run.server.signIn(RESIDENT)).get(`/api/v1/menu?siteId=${site}`);
    expect(menu.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ title: '代买代办', schedule: '每周一、四下午', capacity: 20, status: 'approved' })]));
  });

  it('show a station’s public portal without signing in', async () => {
    const site = await stationId();
    const { page, problems } = await openPage(run, `/p/${site}`, { mobile: true });
    await page.waitForURL(`**/m/portal/${site}`);
    await page.getByRole('heading', { name: /庆南社区/ }).first().waitFor();
    const numbers = page.getByRole('definition');
    expect(await numbers.count()).toBe(6);
    const menu = page.getByRole('region', { name: '服务菜单' });
    await menu.getByText('上门理发').waitFor();
    await page.getByRole('region', { name: '志愿服务队伍' }).getByText(TEAM).waitFor();
    await page.getByRole('region', { name: '分享本页' }).getByText(`${run.baseUrl}/p/${site}`).waitFor();
    // Ordering from the portal asks for a sign-in first.
    await menu.getByRole('link', { name: '点单：上门理发' }).click();
    await page.waitForURL('**/m/login');
    expect(problems).toEqual([]);
  });
});
