// Micro-wishes end to end in Chromium against a real server and the seeded demo county:
// the resident posts a wish on the phone, the station approves it in the console (and the
// campaign counts it), a volunteer claims it from the wall (where the beneficiary is
// masked) and fulfils it with a photo, the resident confirms, and the campaign counts it
// fulfilled. Also: a claim lost to someone faster, merging a duplicate in review, starting
// a campaign in the console, a unit's claim given back there, a unit's claim fulfilled
// there with the volunteers who served, and a team leader's claim for their team given
// back on the phone.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { choose, dropdown, phoneAs, PNG_1PX, row, signedIn, useBrowserRun, type BrowserRun } from './browser.ts';

const STATION_ADMIN = '13800000003';
const CENTER_ADMIN = '13800000001';
const VOLUNTEER = '13800000005';
const LEADER = '13800000004'; // 刘队长, who leads a team
const RESIDENT = '13800000006';
const CAMPAIGN = '百万志愿者圆百万微心愿';
const TITLE = '想要一副老花镜';
const BENEFICIARY = '孙桂芝';

const browserRun = useBrowserRun();
let run: BrowserRun;
beforeAll(() => {
  run = browserRun();
});

const phone = (path: string, who: string) => phoneAs(run, path, who);

/** A wish the resident posts for the station and the county approves: on the wall, unclaimed. */
async function publishedWish(title: string) {
  const resident = await run.server.signIn(RESIDENT);
  const center = await run.server.signIn(CENTER_ADMIN);
  const siteId = (await resident.get('/api/v1/wishes/mine')).body.items[0].site.id as number;
  const posted = await resident.post('/api/v1/wishes', {
    title, story: '家里困难，想请大家帮帮忙。', category: 'daily', beneficiaryGroup: 'family_in_difficulty', beneficiaryName: '郑大姐', siteId,
  });
  expect(posted.status).toBe(201);
  expect((await center.post(`/api/v1/wishes/${posted.body.id}/review`, { decision: 'approve' })).status).toBe(200);
  return posted.body.id as number;
}

const wishRow = (id: number) => run.server.ctx.db.selectFrom('wishes')
  .select(['status', 'claimer_unit', 'claimer_organization_id', 'claimer_volunteer_id', 'claim_deadline', 'claimed_at']).where('id', '=', id).executeTakeFirstOrThrow();

/** The campaign's collected and fulfilled counts as the console's campaigns page shows them. */
async function shownCounts(page: Page) {
  const line = row(page, CAMPAIGN);
  const number = async (which: string) => Number((await line.locator(`[data-count="${which}"]`).textContent())!.replace(/,/g, ''));
  return { collected: await number('collected'), fulfilled: await number('fulfilled') };
}

describe('micro-wishes', () => {
  it('go from the resident’s phone through the console’s review to a volunteer and back, counted by the campaign', async () => {
    // The console's campaign page, before anything happens.
    const consoleTab = await signedIn(run, '/campaigns', STATION_ADMIN);
    const admin = consoleTab.page;
    await row(admin, CAMPAIGN).waitFor();
    const before = await shownCounts(admin);

    // The resident finds 微心愿 on the home page and makes a wish.
    const resident = await phone('', RESIDENT);
    await resident.page.getByRole('link', { name: '看心愿墙' }).click();
    await resident.page.waitForURL('**/m/wishes');
    await resident.page.getByRole('link', { name: '我要许愿' }).click();
    await resident.page.waitForURL('**/m/wishes/new');
    const form = resident.page;
    // Sent empty: each field says what it needs, in plain Chinese.
    await form.getByRole('button', { name: '提交心愿' }).click();
    await form.getByText('请写下您的心愿').waitFor();
    await form.getByText('请说说情况').waitFor();
    await form.getByText('请选择心愿类别').waitFor();
    await form.getByText('请选择受助人情况').waitFor();
    await form.getByText('请填写受助人姓名').waitFor();
    await form.getByLabel('心愿', { exact: true }).fill(TITLE);
    await form.getByLabel('说说情况').fill('眼睛花了，看不清药盒上的字，想要一副老花镜。');
    await form.getByText('健康关爱', { exact: true }).click();
    await form.getByText('空巢老人', { exact: true }).click();
    await form.getByLabel('受助人姓名').fill(BENEFICIARY);
    await form.getByLabel('受助人电话（可不填）').fill('1391234');
    await form.getByLabel('大约价值多少元（可不填）').fill('800');
    // The home station is already chosen; the campaign open to the county too.
    await form.getByText('庆南社区新时代文明实践站').first().waitFor();
    await form.getByRole('button', { name: '提交心愿' }).click();
    await form.getByText('请填写 11 位手机号').waitFor();
    await form.getByText(`“${CAMPAIGN}”每个心愿不超过 500 元`).waitFor();
    await form.getByLabel('受助人电话（可不填）').fill('13912345678');
    await form.getByLabel('大约价值多少元（可不填）').fill('80');
    await form.getByRole('button', { name: '提交心愿' }).click();
    await resident.page.waitForURL(/\/m\/wishes\/\d+$/);
    const wishId = Number(resident.page.url().split('/').pop());
    await resident.page.getByRole('status').filter({ hasText: '心愿已提交！' }).waitFor();
    await resident.page.getByText('待审核').first().waitFor();
    await resident.page.getByText(BENEFICIARY).waitFor(); // the poster sees the full name
    const keyed = await run.server.ctx.db.selectFrom('idempotency_keys').select('route').execute();
    expect(keyed.map((k) => k.route)).toContain('POST /api/v1/wishes');
    const stored = await run.server.ctx.db.selectFrom('wishes').select(['status', 'campaign_id', 'estimated_value_yuan']).where('id', '=', wishId).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ status: 'submitted', estimated_value_yuan: 80 });
    expect(stored.campaign_id).not.toBeNull();

    // The station admin approves it from the review tab.
    await admin.getByRole('menuitem', { name: '微心愿' }).click();
    await admin.getByRole('tab', { name: /待审核/ }).click();
    const pending = row(admin, TITLE);
    await pending.getByText(BENEFICIARY).waitFor(); // staff see the name
    await pending.getByRole('button', { name: '通过' }).click();
    await admin.getByText(`已通过 ${TITLE}`).waitFor();
    await row(admin, TITLE).getByText('待认领').waitFor();
    // The campaign counts it as collected (the page refreshes by itself).
    await admin.getByRole('menuitem', { name: '心愿活动' }).click();
    await expect.poll(() => shownCounts(admin), { timeout: 25_000, interval: 1000 }).toEqual({ collected: before.collected + 1, fulfilled: before.fulfilled });

    // A volunteer sees it on the wall with the beneficiary masked, and claims it for 3 days.
    const volunteer = await phone('/wishes', VOLUNTEER);
    const card = volunteer.page.getByRole('link', { name: new RegExp(TITLE) });
    await card.getByText('受助人：孙**').waitFor();
    expect(await volunteer.page.getByText(BENEFICIARY).count()).toBe(0);
    // The category filter keeps it and drops the others.
    await volunteer.page.getByRole('group', { name: '按心愿类别筛选' }).getByRole('option', { name: '健康关爱' }).click();
    await expect.poll(() => volunteer.page.getByRole('link', { name: /想要一个新书包/ }).count()).toBe(0);
    await card.waitFor();
    await card.click();
    await volunteer.page.waitForURL(`**/m/wishes/${wishId}`);
    await volunteer.page.getByRole('heading', { name: TITLE }).waitFor();
    const claim = volunteer.page.getByRole('region', { name: '认领这个心愿' });
    await claim.getByText('3 天', { exact: true }).click();
    await claim.getByRole('button', { name: '我来认领' }).click();
    await volunteer.page.getByRole('button', { name: '确定认领' }).click();
    await volunteer.page.getByRole('status').filter({ hasText: /认领成功！请在 .+ 前完成/ }).waitFor();
    await volunteer.page.getByText(/（还剩 3 天）/).waitFor();
    await volunteer.page.getByText(BENEFICIARY).waitFor(); // the claimer serves the beneficiary

    // It is fulfilled with a note, the minutes and a photo.
    const fulfil = volunteer.page.getByRole('region', { name: '完成心愿' });
    await fulfil.getByRole('button', { name: '提交，心愿已完成' }).click();
    await fulfil.getByText('请写下是怎么完成的').waitFor();
    await fulfil.getByLabel('怎么完成的').fill('老花镜已配好送到家，试戴合适。');
    await fulfil.getByLabel('服务用了多少分钟（可不填）').fill('45');
    await fulfil.locator('input[type="file"]').setInputFiles({ name: 'glasses.png', mimeType: 'image/png', buffer: PNG_1PX });
    await expect.poll(() => fulfil.locator('.adm-image-uploader-cell:not(.adm-image-uploader-upload-button) img').count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => fulfil.locator('.adm-image-uploader-cell-loading').count()).toBe(0);
    await fulfil.getByRole('button', { name: '提交，心愿已完成' }).click();
    await volunteer.page.getByRole('status').filter({ hasText: '已提交，等待居民确认。' }).waitFor();
    await volunteer.page.getByText('已圆梦待确认').first().waitFor();
    const fulfilled = await run.server.ctx.db.selectFrom('wishes').select(['status', 'fulfil_photos']).where('id', '=', wishId).executeTakeFirstOrThrow();
    expect(fulfilled.status).toBe('fulfilled');
    expect(fulfilled.fulfil_photos).toHaveLength(1);
    const hours = await run.server.ctx.db.selectFrom('service_hours').select('minutes').where('source', '=', 'wish').where('source_id', '=', wishId).execute();
    expect(hours).toEqual([{ minutes: 45 }]);

    // The resident confirms it from 我的心愿.
    await resident.page.goto(`${run.baseUrl}/m/wishes?view=mine`);
    const posted = resident.page.getByRole('region', { name: '我许的愿' });
    await posted.getByRole('link', { name: new RegExp(TITLE) }).getByText('已圆梦待确认').waitFor();
    await posted.getByRole('link', { name: new RegExp(TITLE) }).click();
    const record = resident.page.getByRole('region', { name: '圆梦记录' });
    await record.getByText('老花镜已配好送到家，试戴合适。').waitFor();
    await record.getByRole('img', { name: '圆梦照片 1' }).waitFor();
    await resident.page.getByRole('button', { name: '心愿已实现，确认' }).click();
    await resident.page.getByRole('status').filter({ hasText: '谢谢您的确认！' }).waitFor();
    await resident.page.getByText('已确认圆梦').first().waitFor();

    // Counted as fulfilled; the volunteer sees it under 我认领的.
    await expect.poll(() => shownCounts(admin), { timeout: 25_000, interval: 1000 }).toEqual({ collected: before.collected + 1, fulfilled: before.fulfilled + 1 });
    await volunteer.page.goto(`${run.baseUrl}/m/wishes?view=mine`);
    await volunteer.page.getByRole('region', { name: '我认领的' }).getByRole('link', { name: new RegExp(TITLE) }).getByText('已确认圆梦').waitFor();

    // The public wall (no sign-in) shows the beneficiary masked, never the name or phone.
    const wall = await run.server.client().get('/api/v1/wishes/wall?under=210321&limit=100');
    const shown = wall.body.items.find((w: { id: number }) => w.id === wishId);
    expect(shown).toMatchObject({ status: 'confirmed', beneficiaryName: '孙**', beneficiaryPhone: '139****5678' });
    expect(JSON.stringify(wall.body)).not.toContain(BENEFICIARY);

    for (const opened of [consoleTab, resident, volunteer]) expect(opened.problems).toEqual([]);
  });

  it('tell a volunteer plainly when someone else claimed the wish first', async () => {
    const { page, problems } = await phone('/wishes', VOLUNTEER);
    await page.getByRole('link', { name: /想要一个新书包/ }).click();
    await page.getByRole('heading', { name: '想要一个新书包' }).waitFor();
    // Meanwhile the county claims it for a unit.
    const center = await run.server.signIn(CENTER_ADMIN);
    const id = Number(page.url().split('/').pop());
    expect((await center.post(`/api/v1/wishes/${id}/claim`, { as: 'unit', unitName: '台安县供电公司' })).status).toBe(200);
    await page.getByRole('region', { name: '认领这个心愿' }).getByRole('button', { name: '我来认领' }).click();
    await page.getByRole('button', { name: '确定认领' }).click();
    await page.getByRole('alert').filter({ hasText: '这个心愿刚刚被别人认领了，请看看其他心愿' }).waitFor();
    // The page now shows who has it, and no claim button.
    await page.getByText('单位：台安县供电公司').waitFor();
    expect(await page.getByRole('button', { name: '我来认领' }).count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('merge a duplicate in review into the wish the server points out', async () => {
    const resident = await run.server.signIn(RESIDENT);
    const station = (await resident.get('/api/v1/wishes/mine')).body.items[0].site.id as number;
    const again = await resident.post('/api/v1/wishes', {
      title: '想请人陪我去医院复查', story: '腿脚不便，儿女在外地，想请志愿者陪我去县医院复查。', category: 'company', beneficiaryGroup: 'elderly_alone',
      beneficiaryName: '王大爷', siteId: station,
    });
    expect(again.status).toBe(201);
    const { page, problems } = await signedIn(run, '/wishes?tab=pending', STATION_ADMIN);
    const line = row(page, '想请人陪我去医院复查').filter({ hasText: '待审核' });
    await line.getByRole('button', { name: '合并重复' }).click();
    const dialog = page.getByRole('dialog', { name: /合并重复心愿/ });
    const original = row(page, '想请人陪我去医院复查').filter({ hasText: '同一受助人' });
    await original.getByText(/内容相似 \d+%/).waitFor();
    await dialog.getByRole('button', { name: '合并到此' }).first().click();
    await page.getByText(/已合并到心愿 #\d+/).waitFor();
    const merged = await run.server.ctx.db.selectFrom('wishes').select(['status', 'merged_into_id']).where('id', '=', again.body.id).executeTakeFirstOrThrow();
    expect(merged.status).toBe('merged');
    expect(merged.merged_into_id).not.toBeNull();
    expect(problems).toEqual([]);
  });
  it('are posted for a resident, rejected with a reason and confirmed for the beneficiary in the console', async () => {
    const { page, problems } = await signedIn(run, '/wishes', STATION_ADMIN);
    await page.getByRole('button', { name: '代居民发布' }).click();
    const form = page.getByRole('dialog', { name: '代居民发布心愿' });
    await form.getByLabel('心愿', { exact: true }).fill('想要一台收音机');
    await form.getByLabel('说说情况').fill('老人眼睛不好，想听听广播和戏曲。');
    await choose(page, form.getByLabel('心愿类别'), '生活用品');
    await choose(page, form.getByLabel('受助人情况'), '空巢老人');
    await form.getByLabel('受助人姓名').fill('周奶奶');
    await choose(page, form.getByLabel('所在社区/村'), '庆南社区新时代文明实践站', { typed: '庆南', exact: true });
    await expect.poll(() => dropdown(page).count()).toBe(0); // the list has closed, so the click reaches the button
    await form.getByRole('button', { name: '提交心愿' }).click();
    await form.waitFor({ state: 'hidden' });
    await page.getByText('已登记心愿「想要一台收音机」，等待审核').waitFor();
    const line = row(page, '想要一台收音机');
    await line.getByText('待审核').waitFor();
    await line.getByText('周奶奶').waitFor();

    // Rejected with a reason the resident will read.
    await line.getByRole('button', { name: '驳回' }).click();
    const reject = page.getByRole('dialog', { name: '驳回「想要一台收音机」？' });
    await reject.getByLabel('驳回原因（申请人会看到）').fill('已由民政部门解决');
    await reject.getByRole('button', { name: '驳回' }).click();
    await line.getByText('未通过').waitFor();
    const rejected = await run.server.ctx.db.selectFrom('wishes').select(['status', 'reject_reason', 'on_behalf']).where('title', '=', '想要一台收音机').executeTakeFirstOrThrow();
    expect(rejected).toEqual({ status: 'rejected', reject_reason: '已由民政部门解决', on_behalf: true });

    // A wish a unit fulfilled waits for the beneficiary, who has no phone: the station confirms for them.
    const center = await run.server.signIn(CENTER_ADMIN);
    const resident = await run.server.signIn(RESIDENT);
    const siteId = (await resident.get('/api/v1/wishes/mine')).body.items[0].site.id as number;
    const wish = await resident.post('/api/v1/wishes', {
      title: '想要一个热水袋', story: '冬天手脚冰凉，想要一个热水袋。', category: 'daily', beneficiaryGroup: 'elderly_alone', beneficiaryName: '吴大爷', siteId,
    });
    const id = wish.body.id as number;
    expect((await center.post(`/api/v1/wishes/${id}/review`, { decision: 'approve' })).status).toBe(200);
    expect((await center.post(`/api/v1/wishes/${id}/claim`, { as: 'unit', unitName: '台安县妇联' })).status).toBe(200);
    expect((await center.post(`/api/v1/wishes/${id}/fulfil`, { note: '热水袋已送到' })).body.status).toBe('fulfilled');
    await choose(page, page.getByRole('combobox', { name: '状态' }), '已圆梦待确认');
    const fulfilled = row(page, '想要一个热水袋');
    await fulfilled.getByText('台安县妇联').waitFor();
    expect(await row(page, '想要一台收音机').count()).toBe(0); // the filter drops other states
    await fulfilled.getByRole('button', { name: '代为确认' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '代为确认' }).click();
    await page.getByText('已确认「想要一个热水袋」圆梦').waitFor();
    await fulfilled.getByText('已确认圆梦').waitFor();
    const confirmed = await run.server.ctx.db.selectFrom('wishes').select('status').where('id', '=', id).executeTakeFirstOrThrow();
    expect(confirmed.status).toBe('confirmed');

    // The drawer shows the whole story and its steps.
    await fulfilled.getByRole('button', { name: '详情' }).click();
    const drawer = page.getByRole('dialog', { name: '心愿：想要一个热水袋' });
    await drawer.getByText('热水袋已送到').first().waitFor();
    await drawer.getByRole('region', { name: '进展' }).getByText(/已确认圆梦/).waitFor();
    expect(problems).toEqual([]);
  });

  it('are started by the station as a campaign in the console and listed there', async () => {
    const { page, problems } = await signedIn(run, '/campaigns', STATION_ADMIN);
    await row(page, CAMPAIGN).waitFor();
    await page.getByRole('button', { name: '新建心愿活动' }).click();
    const form = page.getByRole('dialog', { name: '新建心愿活动' });
    // Sent empty: the name and the period are asked for; the area is the station's own.
    await form.getByRole('button', { name: '创建活动' }).click();
    await expect.poll(() => form.getByText('请填写此项').count()).toBeGreaterThanOrEqual(2);
    await form.getByText('庆南社区新时代文明实践站').waitFor();
    await form.getByLabel('活动名称').fill('庆南暖冬微心愿');
    await form.getByLabel('活动说明').fill('为社区困难家庭征集冬季微心愿。');
    await form.getByPlaceholder('开始日期').click();
    await form.getByPlaceholder('开始日期').fill('2026-12-01');
    await form.getByPlaceholder('开始日期').press('Enter');
    await form.getByPlaceholder('结束日期').fill('2027-01-31');
    await form.getByPlaceholder('结束日期').press('Enter');
    await form.getByLabel('每个心愿价值上限（元，可不填）').fill('200');
    await form.getByRole('switch', { name: '每户只能有一个未完成的心愿' }).click();
    await form.getByRole('button', { name: '创建活动' }).click();
    await form.waitFor({ state: 'hidden' });
    await page.getByText('已创建心愿活动「庆南暖冬微心愿」').waitFor();
    const line = row(page, '庆南暖冬微心愿');
    await line.getByText('2026-12-01 – 2027-01-31').waitFor();
    await line.getByText('200 元').waitFor();
    await line.getByText('每户限一个').waitFor();
    expect(await line.locator('[data-count="collected"]').textContent()).toBe('0');
    const stored = await run.server.ctx.db.selectFrom('campaigns').selectAll().where('name', '=', '庆南暖冬微心愿').executeTakeFirstOrThrow();
    const station = await run.server.ctx.db.selectFrom('sites').select('region_code').where('name', '=', '庆南社区新时代文明实践站').executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ region_code: station.region_code, value_cap_yuan: 200, one_open_per_family: true, description: '为社区困难家庭征集冬季微心愿。' });
    expect(problems).toEqual([]);
  });

  it('are claimed for a unit by the staff in the console, with a deadline, and given back', async () => {
    const id = await publishedWish('想要一床厚棉被');
    const { page, problems } = await signedIn(run, '/wishes', STATION_ADMIN);
    const line = row(page, '想要一床厚棉被');
    await line.getByText('待认领').waitFor();
    await line.getByRole('button', { name: '单位认领' }).click();
    const form = page.getByRole('dialog', { name: '以单位名义认领：想要一床厚棉被' });
    expect(await form.getByLabel('认领单位').inputValue()).toBe('庆南社区新时代文明实践站'); // their own site by default
    await form.getByLabel('认领单位').fill('庆南社区党支部');
    await form.getByLabel('完成期限（天）').fill('5');
    const before = Date.now();
    await form.getByRole('button', { name: '确定认领' }).click();
    await form.waitFor({ state: 'hidden' });
    await page.getByText('已由「庆南社区党支部」认领「想要一床厚棉被」').waitFor();
    await line.getByText('已认领').waitFor();
    const claimed = await wishRow(id);
    expect(claimed).toMatchObject({ status: 'claimed', claimer_unit: '庆南社区党支部', claimer_volunteer_id: null, claimer_organization_id: null });
    const days = (new Date(claimed.claim_deadline!).getTime() - before) / (24 * 3600_000);
    expect(days).toBeGreaterThan(4.9);
    expect(days).toBeLessThan(5.1);

    // Given back, after a confirmation: on the wall again.
    await line.getByRole('button', { name: '放弃认领' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '放弃认领' }).click();
    await page.getByText('已放弃认领「想要一床厚棉被」').waitFor();
    await line.getByText('待认领').waitFor();
    expect(await wishRow(id)).toMatchObject({ status: 'published', claimer_unit: null, claim_deadline: null });
    expect(problems).toEqual([]);
  });

  it('claimed for a unit are fulfilled by the staff in the console, the volunteers’ time going to the ledger', async () => {
    const id = await publishedWish('想要一台收音机');
    const { page, problems } = await signedIn(run, '/wishes', STATION_ADMIN);
    const line = row(page, '想要一台收音机');
    await line.getByRole('button', { name: '单位认领' }).click();
    const claim = page.getByRole('dialog', { name: '以单位名义认领：想要一台收音机' });
    await claim.getByLabel('认领单位').fill('庆南社区党支部');
    await claim.getByRole('button', { name: '确定认领' }).click();
    await claim.waitFor({ state: 'hidden' });
    await line.getByText('已认领').waitFor();

    await line.getByRole('button', { name: '登记实现' }).click();
    const fulfil = page.getByRole('dialog', { name: '登记心愿实现：想要一台收音机' });
    await fulfil.getByLabel('圆梦记录').fill('党支部的志愿者买好收音机送到家，教老人调台。');
    await fulfil.locator('input[type="file"]').setInputFiles({ name: 'radio.png', mimeType: 'image/png', buffer: PNG_1PX });
    await fulfil.getByRole('img', { name: '圆梦照片 1' }).waitFor();
    await choose(page, fulfil.getByLabel('选择第 1 位志愿者'), /^陈志愿/, { typed: '陈志愿' });
    await fulfil.getByLabel('第 1 位志愿者的服务时长（分钟）').fill('60');
    await fulfil.getByRole('button', { name: '登记实现' }).click();
    await fulfil.waitFor({ state: 'hidden' });
    await page.getByText('已登记「想要一台收音机」实现，等待受助人确认').waitFor();
    await line.getByText('已圆梦待确认').waitFor();

    const wish = await run.server.ctx.db.selectFrom('wishes').select(['status', 'fulfil_note', 'fulfil_photos']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(wish).toMatchObject({ status: 'fulfilled', fulfil_note: '党支部的志愿者买好收音机送到家，教老人调台。' });
    expect(wish.fulfil_photos).toHaveLength(1);
    const hours = await run.server.ctx.db.selectFrom('service_hours').innerJoin('volunteers', 'volunteers.id', 'service_hours.volunteer_id')
      .select(['volunteers.name', 'service_hours.minutes', 'service_hours.organization_id']).where('service_hours.source', '=', 'wish').where('service_hours.source_id', '=', id).execute();
    expect(hours).toEqual([{ name: '陈志愿', minutes: 60, organization_id: null }]);
    expect(problems).toEqual([]);
  });

  it('are claimed by a team leader for their team on the phone and given back after a confirmation', async () => {
    const id = await publishedWish('想有人帮忙修修院门');
    const leader = await run.server.signIn(LEADER);
    const team = (await leader.get('/api/v1/orders/team')).body.teams[0] as { id: number; name: string };
    const { page, problems } = await phone(`/wishes/${id}`, LEADER);
    await page.getByRole('heading', { name: '想有人帮忙修修院门' }).waitFor();
    const claim = page.getByRole('region', { name: '认领这个心愿' });
    const forWhom = claim.getByRole('group', { name: '以谁的名义认领' });
    await forWhom.getByText('我自己', { exact: true }).waitFor();
    await forWhom.getByText(team.name, { exact: true }).click();
    await claim.getByRole('button', { name: '我来认领' }).click();
    await page.getByText(new RegExp(`确定为“${team.name}”认领“想有人帮忙修修院门”吗`)).waitFor();
    await page.getByRole('button', { name: '确定认领' }).click();
    await page.getByRole('status').filter({ hasText: /认领成功！/ }).waitFor();
    await page.getByText(`志愿服务队：${team.name}`).waitFor();
    expect(await wishRow(id)).toMatchObject({ status: 'claimed', claimer_organization_id: team.id, claimer_volunteer_id: null });

    // The claimer gives it back; cancelling the question first changes nothing.
    await page.getByRole('button', { name: '放弃认领' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '再想想' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    expect((await wishRow(id)).status).toBe('claimed');
    await page.getByRole('button', { name: '放弃认领' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '放弃认领' }).click();
    await page.getByRole('status').filter({ hasText: '已放弃认领，心愿已回到心愿墙。' }).waitFor();
    await claim.getByRole('button', { name: '我来认领' }).waitFor();
    expect(await wishRow(id)).toMatchObject({ status: 'published', claimer_organization_id: null, claimed_at: null });
    expect(problems).toEqual([]);
  });
});
