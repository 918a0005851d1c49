// Pairing & assistance, training and call-ups in Chromium against the seeded demo county:
// a visit logged on the phone with no connection, with a photo, reaches the server once
// (the photo uploaded once before it) when the phone is back online, and clears the recipient from the console's coverage report; an activity
// published in the console requires a qualification, which a quiz passed on the phone
// grants before the sign-up goes through; a call-up accepted on the phone shows on the
// console's live board under its post.
import type { BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { chinaDayFrom as beijingDate } from '../server/src/lib/id-number.ts';
import { choose, dropdown, phoneAs, row, signedIn, useBrowserRun, type BrowserRun } from './browser.ts';

const VOLUNTEER = '13800000005';
const CENTER_ADMIN = '13800000001';
const STATION_ADMIN = '13800000003';
/** The demo recipient six days past her visit plan (孙秀英, masked). */
const OVERDUE = '孙**';
/** Where the phone keeps visits not sent yet (web/src/mobile/pages/care/visitQueue.ts). */
const QUEUE_KEY = 'lianxin.care.visits';

const browserRun = useBrowserRun();
let run: BrowserRun;
beforeAll(() => {
  run = browserRun();
});

/** The volunteer's phone at `path`, signed in. */
async function phone(path: string): Promise<{ page: Page; context: BrowserContext; problems: string[] }> {
  const opened = await phoneAs(run, path.replace(/^\/m/, ''), VOLUNTEER);
  return { ...opened, context: opened.page.context() };
}

async function recipientId(maskedName: string) {
  const row = await run.server.ctx.db.selectFrom('care_recipients').select('id').where('name_masked', '=', maskedName).executeTakeFirstOrThrow();
  return row.id;
}

const siteName = async (regionCode: string, kind: 'center' | 'institute' | 'station') =>
  (await run.server.ctx.db.selectFrom('sites').select('name').where('region_code', '=', regionCode).where('kind', '=', kind).executeTakeFirstOrThrow()).name;

const visitsOf = (id: number) => run.server.ctx.db.selectFrom('care_visits').select(['client_id', 'kind', 'visited_on', 'photos']).where('recipient_id', '=', id).execute();

describe('pairing and assistance', () => {
  it('keeps a visit typed offline on the phone, sends it once back online, and the coverage report drops the recipient', async () => {
    const id = await recipientId(OVERDUE);
    expect(await visitsOf(id)).toHaveLength(1);

    // The station's coverage report lists her as overdue.
    const console = await signedIn(run, '/care', STATION_ADMIN);
    const overdue = console.page.getByRole('region', { name: '超期未走访' });
    await overdue.getByRole('row').filter({ hasText: OVERDUE }).getByText('超期 6 天').waitFor();

    const { page, context, problems } = await phone('/m/care');
    const card = page.getByRole('article', { name: OVERDUE });
    await card.getByText('已超期 6 天').waitFor();
    await card.getByText('空巢独居老人').waitFor();

    // The signal drops; the visit is typed anyway.
    await context.setOffline(true);
    await card.getByRole('button', { name: '记录走访' }).click();
    await page.getByRole('heading', { name: `记录走访：${OVERDUE}` }).waitFor();
    await page.getByText('电话问候').click();
    await page.getByRole('button', { name: '保存走访记录' }).click();
    await page.getByText('请写几句走访情况').waitFor();
    await page.getByLabel('走访情况').fill('电话问候，血压平稳，下周上门送药。');
    // A photo taken on the spot: downscaled and kept on the phone with the visit.
    const photo = await sharp({ create: { width: 2400, height: 1800, channels: 3, background: '#c8102e' } }).jpeg().toBuffer();
    await page.locator('input[type=file]').setInputFiles({ name: 'visit.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.locator('.adm-image-uploader-cell').first().waitFor();
    await page.getByRole('button', { name: '保存走访记录' }).click();
    await page.getByRole('status').filter({ hasText: '已保存在手机上。现在连不上网络' }).waitFor();
    await page.getByRole('button', { name: '完成' }).click();
    const queue = page.getByRole('region', { name: '等待发送的走访记录' });
    await queue.getByText('1 条走访记录等待发送').waitFor();
    await queue.getByText('联网后自动发送').waitFor();
    // Kept on the phone, not on the server yet; 立即发送 says it is still offline.
    const kept = JSON.parse((await page.evaluate<string | null>(`localStorage.getItem('${QUEUE_KEY}')`))!) as { visit: { clientId: string }; photos: { dataUrl: string }[] }[];
    expect(kept).toHaveLength(1);
    expect(kept[0]!.photos).toHaveLength(1);
    expect(kept[0]!.photos[0]!.dataUrl).toMatch(/^data:image\/jpeg;base64,/);
    expect(kept[0]!.photos[0]!.dataUrl.length).toBeLessThan(400_000); // downscaled, not the camera's original
    const uploads = () => run.server.ctx.db.selectFrom('files').innerJoin('volunteers', 'volunteers.user_id', 'files.owner_id')
      .select('files.id').where('volunteers.name', '=', '陈志愿').execute();
    const uploadedBefore = (await uploads()).length;
    await queue.getByRole('button', { name: '立即发送' }).click();
    await queue.getByText('还是连不上网络，恢复后会自动发送。').waitFor();
    expect(await visitsOf(id)).toHaveLength(1);

    // Back online: it goes by itself, once.
    await context.setOffline(false);
    await page.getByRole('status').filter({ hasText: '保存在手机上的走访记录已发送' }).waitFor();
    await expect.poll(() => page.getByRole('region', { name: '等待发送的走访记录' }).count()).toBe(0);
    await card.getByText('已超期 6 天').waitFor({ state: 'detached' });
    const visits = await visitsOf(id);
    expect(visits).toHaveLength(2);
    const sent = visits.filter((visit) => visit.client_id.endsWith(`:${kept[0]!.visit.clientId}`));
    expect(sent).toEqual([expect.objectContaining({ kind: 'phone' })]);
    // The photo went up once, before the visit, which names it.
    const uploaded = await uploads();
    expect(uploaded).toHaveLength(uploadedBefore + 1);
    expect(sent[0]!.photos).toEqual([uploaded.at(-1)!.id]);
    expect(await page.evaluate<string | null>(`localStorage.getItem('${QUEUE_KEY}')`)).toBe('[]');
    // Another online event, a reload: nothing more is sent.
    await page.evaluate("window.dispatchEvent(new Event('online'))");
    await page.reload();
    await page.getByRole('article', { name: OVERDUE }).getByText(/^下次走访：/).waitFor();
    expect(await visitsOf(id)).toHaveLength(2);

    // The full record opens on a tap (and the read is logged): the visit typed offline is in it.
    await page.getByRole('article', { name: OVERDUE }).getByRole('button', { name: '查看联系方式与情况' }).click();
    await page.getByRole('heading', { name: '孙秀英' }).waitFor();
    await page.getByRole('link', { name: '13900005501' }).waitFor();
    await page.getByText('电话问候，血压平稳，下周上门送药。').waitFor();
    const shown = page.getByRole('img', { name: '走访照片 1' });
    await expect.poll(() => shown.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
    expect(await visitsOf(id)).toHaveLength(2);
    expect((await uploads()).length).toBe(uploadedBefore + 1);
    const reads = await run.server.ctx.db.selectFrom('audit_log').select(['action', 'reason']).where('subject', '=', `care_recipient:${id}`).execute();
    expect(reads).toEqual([{ action: 'read_recipient', reason: '志愿者走访前查看' }]);
    await page.getByRole('button', { name: '关闭' }).click();

    // The console's coverage report no longer lists her.
    await console.page.reload();
    await console.page.getByRole('region', { name: '超期未走访' }).getByText('没有超期未走访的帮扶对象').waitFor();
    expect(await row(console.page, OVERDUE).count()).toBe(0);
    expect(problems).toEqual([]);
    expect(console.problems).toEqual([]);
  });
});

describe('training', () => {
  it('requires the qualification in the console’s activity form; the phone says so and links the course, whose quiz then lets the volunteer sign up', async () => {
    // The center publishes an activity that needs 应急救护, chosen among the qualifications courses grant.
    const station = await siteName('210321001021', 'station');
    const console = await signedIn(run, '/projects', CENTER_ADMIN);
    await row(console.page, '庆南社区邻里守望行动').getByRole('button', { name: '发布活动' }).click();
    const form = console.page.getByRole('dialog', { name: '发布活动' });
    await form.getByLabel('活动名称').fill('心肺复苏急救值守');
    const day = beijingDate(5);
    await form.getByPlaceholder('开始日期').first().click();
    await form.getByPlaceholder('开始日期').first().fill(`${day} 09:00`);
    await form.getByPlaceholder('开始日期').first().press('Enter');
    await form.getByPlaceholder('结束日期').first().fill(`${day} 11:00`);
    await form.getByPlaceholder('结束日期').first().press('Enter');
    await choose(console.page, form.getByLabel('活动阵地'), station, { typed: '庆南' });
    await choose(console.page, form.getByLabel('需完成培训'), '应急救护');
    await form.getByRole('button', { name: '发布', exact: true }).click();
    await console.page.getByText('已发布「心肺复苏急救值守」共 1 场').waitFor();
    const activity = await run.server.ctx.db.selectFrom('activities').select(['id', 'required_qualification']).where('title', '=', '心肺复苏急救值守').executeTakeFirstOrThrow();
    expect(activity.required_qualification).toBe('应急救护');
    await console.page.goto(`${run.baseUrl}/activities/${activity.id}`);
    await console.page.getByText('需完成培训：应急救护').waitFor();

    // The phone shows the requirement, that the volunteer lacks it, and refuses the sign-up.
    const { page, problems } = await phone(`/m/activities/${activity.id}`);
    await page.getByRole('heading', { name: '心肺复苏急救值守' }).waitFor();
    await page.getByText('需完成培训：应急救护').waitFor();
    await page.getByText('您还没有取得该资质，完成培训后才能报名。').waitFor();
    await page.getByRole('button', { name: '我要报名' }).click();
    await page.getByRole('alert').filter({ hasText: '本活动需要先取得“应急救护”培训资质' }).waitFor();

    // The activity links the course that grants it.
    await page.getByRole('link', { name: '去学习：应急救护基础知识' }).click();
    await page.waitForURL('**/m/training/*');
    await page.getByRole('heading', { name: '应急救护基础知识' }).waitFor();
    await page.getByText('通过后取得“应急救护”资质').waitFor();

    // A wrong answer fails; the quiz is scored on the server.
    await page.getByRole('button', { name: '交卷' }).click();
    await page.getByText('还有 3 道题没有作答').waitFor();
    const answer = (question: string, option: string) => page.getByRole('group', { name: question }).getByText(option, { exact: true }).click();
    await answer('发现有人倒地，第一步应该做什么？', '马上喂水');
    await answer('成人心肺复苏按压与通气的比例是？', '15:1');
    await answer('急救电话是多少？', '120');
    await page.getByRole('button', { name: '交卷' }).click();
    await page.getByText('得分 33 分（答对 1 / 3 题）').waitFor();
    await page.getByText('没有通过（及格线 60 分），复习一下再试一次。').waitFor();
    await page.getByRole('button', { name: '再答一次' }).click();
    await answer('发现有人倒地，第一步应该做什么？', '确认环境安全并判断意识');
    await answer('成人心肺复苏按压与通气的比例是？', '30:2');
    await answer('急救电话是多少？', '120');
    await page.getByRole('button', { name: '交卷' }).click();
    await page.getByText('得分 100 分（答对 3 / 3 题）').waitFor();
    await page.getByRole('status').filter({ hasText: '恭喜，测验通过！' }).waitFor();
    await page.getByText('您已取得“应急救护”资质。').waitFor();
    const earned = await run.server.ctx.db.selectFrom('volunteer_qualifications').innerJoin('volunteers', 'volunteers.id', 'volunteer_qualifications.volunteer_id')
      .select('qualification').where('volunteers.name', '=', '陈志愿').execute();
    expect(earned).toEqual([{ qualification: '应急救护' }]);

    // 我的 → 我的培训 lists it.
    await page.goto(`${run.baseUrl}/m/me`);
    await page.getByText('我的培训').click();
    await page.waitForURL('**/m/training');
    await page.getByRole('list', { name: '我的资质' }).getByText('应急救护').waitFor();
    await page.getByRole('link', { name: /应急救护基础知识/ }).getByText('已完成 · 100 分').waitFor();

    // Now the phone says it is held, and the sign-up goes through.
    await page.goto(`${run.baseUrl}/m/activities/${activity.id}`);
    await page.getByText('您已取得该资质，可以报名。').waitFor();
    expect(await page.getByRole('link', { name: /^去学习/ }).count()).toBe(0);
    await page.getByRole('button', { name: '我要报名' }).click();
    await page.getByRole('status').filter({ hasText: '报名成功' }).waitFor();
    const signups = await run.server.ctx.db.selectFrom('signups').innerJoin('volunteers', 'volunteers.id', 'signups.volunteer_id')
      .select('signups.status').where('signups.activity_id', '=', activity.id).where('volunteers.name', '=', '陈志愿').execute();
    expect(signups).toEqual([{ status: 'confirmed' }]);

    // The console lifts the requirement afterwards: the sign-up made stands.
    await console.page.getByRole('button', { name: '修改“心肺复苏急救值守”的培训要求' }).click();
    const edit = console.page.getByRole('dialog', { name: '修改“心肺复苏急救值守”的培训要求' });
    await edit.getByText('已报名的志愿者不受影响').waitFor();
    const select = edit.locator('.ant-select');
    await select.hover();
    await select.locator('.ant-select-clear').click();
    await edit.getByRole('button', { name: '保存' }).click();
    await edit.waitFor({ state: 'detached' });
    await console.page.getByText('需完成培训：应急救护').waitFor({ state: 'detached' });
    await console.page.getByText('不需要', { exact: true }).waitFor();
    const lifted = await run.server.ctx.db.selectFrom('activities').select('required_qualification').where('id', '=', activity.id).executeTakeFirstOrThrow();
    expect(lifted.required_qualification).toBeNull();
    expect(await run.server.ctx.db.selectFrom('signups').select('status').where('activity_id', '=', activity.id).execute()).toEqual([{ status: 'confirmed' }]);
    expect(problems).toEqual([]);
    expect(console.problems).toEqual([]);
  });
});

describe('training sessions', () => {
  it('signs up for a session on the phone and attends it with the code from the lecturer’s screen', async () => {
    const course = await run.server.ctx.db.selectFrom('courses').select('id').where('title', '=', '应急救护基础知识').executeTakeFirstOrThrow();
    const { page, problems } = await phone(`/m/training/${course.id}`);
    const sessions = page.getByRole('region', { name: '线下培训场次' });
    await sessions.getByText('还剩 30 个名额（共 30 个）').waitFor();
    await sessions.getByRole('button', { name: '报名这一场' }).click();
    await sessions.getByText('报名成功，请按时参加，到场后扫码签到。').waitFor();

    // The day comes: the lecturer shows the code in the console.
    const session = await run.server.ctx.db.selectFrom('course_sessions').select('id').where('course_id', '=', course.id).executeTakeFirstOrThrow();
    await run.server.ctx.db.updateTable('course_sessions')
      .set({ starts_at: new Date(Date.now() - 10 * 60_000), ends_at: new Date(Date.now() + 110 * 60_000) }).where('id', '=', session.id).execute();
    const console = await signedIn(run, `/training?course=${course.id}`, CENTER_ADMIN);
    const drawer = console.page.getByRole('dialog', { name: '应急救护基础知识' });
    await drawer.getByRole('row').filter({ hasText: '王医生' }).getByText('1 / 30 人').waitFor();
    await drawer.getByRole('button', { name: '签到二维码' }).click();
    const qr = console.page.getByRole('dialog', { name: '签到二维码：应急救护基础知识' });
    await qr.getByRole('img', { name: '签到二维码' }).waitFor();
    const token = (await qr.getByLabel('签到码').textContent())!.trim();
    expect(token.length).toBeGreaterThan(8);

    await page.reload();
    await sessions.getByRole('button', { name: '用签到码签到' }).click();
    await sessions.getByText('请先输入签到码').waitFor();
    await sessions.getByLabel(/^签到码/).fill(token);
    await sessions.getByRole('button', { name: '用签到码签到' }).click();
    // An online course is completed by its quiz: attending its session is recorded, no more.
    await sessions.getByRole('status').filter({ hasText: '签到成功。本课程为线上课程，通过测验后即完成。' }).waitFor();
    const attended = await run.server.ctx.db.selectFrom('session_enrollments').select('attended_at').where('session_id', '=', session.id).execute();
    expect(attended).toEqual([{ attended_at: expect.any(Date) }]);

    // The console's roster shows the attendance, with a way to take it back.
    await console.page.keyboard.press('Escape');
    await qr.waitFor({ state: 'detached' });
    await drawer.getByRole('button', { name: '签到名单' }).click();
    const roster = console.page.getByRole('dialog', { name: '签到名单：应急救护基础知识' });
    await roster.getByRole('row').filter({ hasText: '已签到' }).getByRole('button', { name: /^撤销.*的签到$/ }).waitFor();
    expect(problems).toEqual([]);
    expect(console.problems).toEqual([]);
  });
});

describe('emergency call-ups', () => {
  it('alerts the volunteer, who accepts a post on the phone and appears on the console’s live board under it; stand-down ends it', async () => {
    const callup = await run.server.ctx.db.selectFrom('callups').select('id').where('title', '=', '防汛应急动员').executeTakeFirstOrThrow();

    // The center's live board is open before anyone answers.
    const console = await signedIn(run, '/callups', CENTER_ADMIN);
    await console.page.getByRole('button', { name: '防汛应急动员' }).click();
    await console.page.waitForURL(`**/callups/${callup.id}`);
    const post = console.page.getByRole('region', { name: '八角台河堤巡查' });
    await post.getByText('还没有人响应').waitFor();
    await post.getByText('0 / 10 人').waitFor();

    // The phone: the alert on 首页, the message in the inbox, which opens the call-up.
    const { page, problems } = await phone('/m');
    await page.getByRole('link', { name: /应急动员：请回复是否参加/ }).getByText('防汛应急动员').waitFor();
    await page.goto(`${run.baseUrl}/m/inbox`);
    await page.getByRole('button', { name: /应急动员：防汛应急动员/ }).click();
    await page.waitForURL(`**/m/callups/${callup.id}`);
    await page.getByRole('heading', { name: '防汛应急动员' }).waitFor();
    await page.getByText('八角台河堤巡查（还缺 10 人）').click();
    await page.getByRole('button', { name: '我参加' }).click();
    await page.getByRole('status').filter({ hasText: '已响应，请尽快到岗位报到。' }).waitFor();
    const mine = page.getByRole('region', { name: '我的岗位' });
    await mine.getByText('八角台河堤巡查').waitFor();
    await mine.getByText('地点：八角台街道河堤').waitFor();

    // The board picks it up by itself, under the post.
    await post.getByText('陈**').waitFor();
    await post.getByText('1 / 10 人').waitFor();
    expect(await console.page.getByRole('region', { name: '庆南社区群众转移点' }).getByText('陈**').count()).toBe(0);

    // The center moves the volunteer to another post; the phone shows where to go now.
    await post.getByLabel('调岗').click();
    await dropdown(console.page).getByTitle('庆南社区群众转移点').click();
    await console.page.getByText('已调整岗位，志愿者会收到通知').waitFor();
    const moved = console.page.getByRole('region', { name: '庆南社区群众转移点' });
    await moved.getByText('陈**').waitFor();
    await post.getByText('0 / 10 人').waitFor();
    await page.reload();
    await page.getByRole('region', { name: '我的岗位' }).getByText('庆南社区群众转移点').waitFor();

    // The volunteer can no longer come: the place is freed on the board.
    await page.getByRole('button', { name: '我不能去了' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '我不能去了' }).click();
    await page.getByRole('status').filter({ hasText: '已退出这次动员，谢谢告知。' }).waitFor();
    await page.getByText('您已回复这次不能参加。').waitFor();
    await moved.getByText('还没有人响应').waitFor();

    // Stand-down: the board stops, the phone says it is over.
    await console.page.getByRole('button', { name: '解除动员' }).click();
    await console.page.getByRole('dialog').getByRole('button', { name: '解除动员' }).click();
    await console.page.getByText('已解除', { exact: true }).waitFor();
    await page.reload();
    await page.getByText('这次动员已经结束，或不需要您响应。谢谢您！').waitFor();
    expect(problems).toEqual([]);
    expect(console.problems).toEqual([]);
  });
});

describe('the console', () => {
  it('sets up a care group with a consented recipient; a member leaves, the coverage report flags it, and the recipient is handed over', async () => {
    const station = await siteName('210321001021', 'station');
    const { page, problems } = await signedIn(run, '/care?tab=groups', STATION_ADMIN);
    await row(page, '庆南社区关爱帮扶小组').waitFor();
    await page.getByRole('button', { name: '新建帮扶小组' }).click();
    const create = page.getByRole('dialog', { name: '新建帮扶小组' });
    await create.getByLabel('小组名称').fill('庆南社区助老小组');
    await choose(page, create.getByLabel('所在实践站'), station, { typed: '庆南' });
    await choose(page, create.getByLabel('第一位成员（可不填）'), /^陈志愿/, { typed: '陈志愿' });
    await create.getByRole('button', { name: '创建' }).click();

    const drawer = page.getByRole('dialog', { name: '庆南社区助老小组' });
    await drawer.getByRole('row').filter({ hasText: '陈志愿' }).getByText('在册').waitFor();
    await choose(page, drawer.getByLabel('添加成员'), /^刘队长/, { typed: '刘队长' });
    await drawer.getByRole('button', { name: '添加成员' }).click();
    await drawer.getByRole('row').filter({ hasText: '刘队长' }).getByText('在册').waitFor();

    await drawer.getByRole('button', { name: '添加帮扶对象' }).click();
    const add = page.getByRole('dialog', { name: '添加帮扶对象到“庆南社区助老小组”' });
    await add.getByLabel('姓名').fill('钱桂花');
    await add.getByLabel('住址').fill('庆南社区7号楼');
    await choose(page, add.getByLabel('负责志愿者'), '陈志愿');
    await add.getByRole('button', { name: '添加' }).click();
    await add.getByText('须先取得本人或监护人的单独同意').waitFor();
    await add.getByText('已取得本人或监护人对采集、使用上述敏感信息的单独同意').click();
    await add.getByRole('button', { name: '添加' }).click();
    await add.waitFor({ state: 'detached' });
    const recipientRow = drawer.getByRole('region', { name: '帮扶对象' }).getByRole('row').filter({ hasText: '钱**' });
    await recipientRow.getByText('每 14 天').waitFor();
    expect(await page.getByText('钱桂花').count()).toBe(0); // lists show the masked name only

    // The full record opens with a reason, kept in the audit log.
    await recipientRow.getByRole('button', { name: '查看档案' }).click();
    const ask = page.getByRole('dialog', { name: '查看帮扶对象档案：钱**' });
    await ask.getByLabel('查看原因').fill('核实住址');
    await ask.getByRole('button', { name: '查看档案' }).click();
    const record = page.getByRole('dialog', { name: '钱桂花' });
    await record.getByText('庆南社区7号楼').waitFor();
    await record.getByRole('button', { name: '关闭' }).last().click();
    await record.waitFor({ state: 'detached' });
    const recipient = await recipientId('钱**');
    const audit = await run.server.ctx.db.selectFrom('audit_log').select(['action', 'reason']).where('subject', '=', `care_recipient:${recipient}`).execute();
    expect(audit).toEqual([{ action: 'read_recipient', reason: '核实住址' }]);

    // 陈志愿 leaves the group: his recipient needs someone else.
    await drawer.getByRole('row').filter({ hasText: '陈志愿' }).getByRole('button', { name: '离开小组' }).click();
    await page.getByRole('dialog', { name: '陈志愿 离开小组？' }).getByRole('button', { name: '离开小组' }).click();
    await recipientRow.getByText('已离开小组').waitFor();
    await drawer.getByRole('button', { name: '关闭' }).click();

    await page.getByRole('tab', { name: '覆盖情况' }).click();
    const orphans = page.getByRole('region', { name: '负责人已离开小组' });
    const orphan = orphans.getByRole('row').filter({ hasText: '钱**' });
    await orphan.getByText('已离开小组').waitFor();
    const leavers = page.getByRole('region', { name: '近 90 天离开小组的成员' });
    await leavers.getByRole('row').filter({ hasText: '庆南社区助老小组' }).getByText('1 人待交接').waitFor();

    await orphan.getByRole('button', { name: '交接' }).click();
    const handOver = page.getByRole('dialog', { name: '交接帮扶对象：钱**' });
    await choose(page, handOver.getByLabel('交接给'), /^刘队长/);
    await handOver.getByRole('button', { name: '交接' }).click();
    await orphans.getByText('每位帮扶对象都有人负责').waitFor();
    await leavers.getByRole('row').filter({ hasText: '庆南社区助老小组' }).getByText('已交接').waitFor();
    const stored = await run.server.ctx.db.selectFrom('care_recipients').innerJoin('volunteers', 'volunteers.id', 'care_recipients.caretaker_id')
      .select(['volunteers.name', 'care_recipients.consent_at']).where('care_recipients.name_masked', '=', '钱**').executeTakeFirstOrThrow();
    expect(stored.name).toBe('刘队长');
    expect(stored.consent_at).not.toBeNull();
    expect(problems).toEqual([]);
  });

  it('creates an online course with the quiz editor and schedules a session; launches a call-up with two posts', async () => {
    const center = await siteName('210321000000', 'center');
    const institute = await siteName('210321001000', 'institute');
    const { page, problems } = await signedIn(run, '/training', CENTER_ADMIN);
    await row(page, '应急救护基础知识').getByText('测验 3 题，及格 60 分').waitFor();
    await page.getByRole('button', { name: '新建课程' }).click();
    const course = page.getByRole('dialog', { name: '新建课程' });
    await course.getByLabel('课程名称').fill('防溺水安全知识');
    await course.getByLabel('类别').fill('安全教育');
    await choose(page, course.getByLabel('开课单位'), center, { typed: '台安县' });
    await course.getByLabel('取得资质').fill('防溺水');
    await course.getByLabel('第 1 题题目').fill('发现有人溺水，应该怎么做？');
    await course.getByLabel('第 1 题选项 A').fill('直接跳下水');
    await course.getByLabel('第 1 题选项 B').fill('大声呼救并抛救生圈');
    await course.getByRole('button', { name: '添加选项' }).click();
    await course.getByLabel('第 1 题选项 C').fill('离开现场');
    await choose(page, course.getByLabel('第 1 题正确答案'), 'B. 大声呼救并抛救生圈');
    await course.getByRole('button', { name: '创建' }).click();
    await row(page, '防溺水安全知识').getByText('测验 1 题，及格 60 分').waitFor();
    await row(page, '防溺水安全知识').getByText('防溺水', { exact: true }).waitFor();
    const created = await run.server.ctx.db.selectFrom('courses').selectAll().where('title', '=', '防溺水安全知识').executeTakeFirstOrThrow();
    expect(created).toMatchObject({ mode: 'online', grants_qualification: '防溺水', pass_mark: 60 });
    expect(created.quiz).toEqual([{ question: '发现有人溺水，应该怎么做？', options: ['直接跳下水', '大声呼救并抛救生圈', '离开现场'], answer: 1 }]);

    // Edited: a higher pass mark, held back from learners; the quiz comes back with its answers.
    await row(page, '防溺水安全知识').getByRole('button', { name: '编辑“防溺水安全知识”' }).click();
    const edit = page.getByRole('dialog', { name: '编辑“防溺水安全知识”' });
    await edit.getByLabel('第 1 题选项 C').waitFor();
    await edit.getByLabel('及格分数').fill('80');
    await edit.getByText('未发布', { exact: true }).click();
    await edit.getByRole('button', { name: '保存' }).click();
    await edit.waitFor({ state: 'detached' });
    await row(page, '防溺水安全知识').getByText('测验 1 题，及格 80 分').waitFor();
    const edited = await run.server.ctx.db.selectFrom('courses').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(edited).toMatchObject({ pass_mark: 80, status: 'draft', grants_qualification: '防溺水', quiz: created.quiz });
    await row(page, '防溺水安全知识').getByText('未发布').waitFor();

    // An offline session of it, with the demo lecturer.
    await row(page, '防溺水安全知识').getByRole('button', { name: '场次' }).click();
    const sessions = page.getByRole('dialog', { name: '防溺水安全知识' });
    await sessions.getByText('暂时没有安排场次').waitFor();
    await sessions.getByRole('button', { name: '安排场次' }).click();
    const schedule = page.getByRole('dialog', { name: '安排“防溺水安全知识”的线下场次' });
    await choose(page, schedule.getByLabel('培训地点'), center, { typed: '台安县' });
    const day = beijingDate(3);
    await schedule.getByPlaceholder('开始日期').click();
    await schedule.getByPlaceholder('开始日期').fill(`${day} 14:00`);
    await schedule.getByPlaceholder('开始日期').press('Enter');
    await schedule.getByPlaceholder('结束日期').fill(`${day} 16:00`);
    await schedule.getByPlaceholder('结束日期').press('Enter');
    await choose(page, schedule.getByLabel('讲师'), /^王医生/);
    await schedule.getByRole('button', { name: '安排场次' }).click();
    await sessions.getByRole('row').filter({ hasText: '王医生' }).getByText('0 / 30 人').waitFor();
    const session = await run.server.ctx.db.selectFrom('course_sessions').select(['starts_at', 'capacity']).where('course_id', '=', created.id).executeTakeFirstOrThrow();
    expect(session.starts_at.toISOString()).toBe(new Date(`${day}T14:00:00+08:00`).toISOString());

    // A call-up for 八角台街道's emergency reserve with first-aid skills, two posts.
    await page.goto(`${run.baseUrl}/callups`);
    await page.getByRole('button', { name: '发起应急动员' }).click();
    const callup = page.getByRole('dialog', { name: '发起应急动员' });
    await callup.getByLabel('动员事由').fill('暴雪除冰应急动员');
    await choose(page, callup.getByLabel('动员范围'), institute, { typed: '八角台' });
    await callup.getByLabel('专业技能').fill('急救');
    await callup.getByLabel('专业技能').press('Enter');
    await callup.getByLabel('需要人数').fill('5');
    await callup.getByLabel('岗位 1 名称').fill('主干道除冰');
    await callup.getByLabel('岗位 1 人数').fill('3');
    await callup.getByRole('button', { name: '添加岗位' }).click();
    await callup.getByLabel('岗位 2 名称').fill('学校门口除冰');
    await callup.getByLabel('岗位 2 集合地点').fill('台安县第二小学');
    await callup.getByLabel('岗位 2 人数').fill('2');
    await callup.getByRole('button', { name: '立即发起' }).click();
    await page.waitForURL(/\/callups\/\d+$/);
    await page.getByRole('region', { name: '主干道除冰' }).getByText('0 / 3 人').waitFor();
    await page.getByRole('region', { name: '学校门口除冰' }).getByText('台安县第二小学').waitFor();
    const stored = await run.server.ctx.db.selectFrom('callups').selectAll().where('title', '=', '暴雪除冰应急动员').executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ area_prefix: '210321001', skills: ['急救'], categories: [], reserve_only: true, headcount: 5 });
    const posts = await run.server.ctx.db.selectFrom('callup_posts').select(['name', 'capacity', 'address']).where('callup_id', '=', stored.id).orderBy('id').execute();
    expect(posts).toEqual([{ name: '主干道除冰', capacity: 3, address: null }, { name: '学校门口除冰', capacity: 2, address: '台安县第二小学' }]);
    expect(problems).toEqual([]);
  });
});
