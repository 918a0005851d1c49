// The demo volunteer on the phone: finds the activity happening now near them, signs up,
// checks in with the code from the leader's screen, then (once the center confirms the
// attendance) sees the hours in 我的, gets a certificate as a PDF and verifies it.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, buildVolunteer } from '../server/src/seed/factories.ts';
import { contextOptions, openPage, phoneAs, signIn, startBrowserRun, type BrowserRun } from './browser.ts';
import { launchWithQrCamera, writeQrClip } from './camera.ts';
import type { TestClient } from '../test/harness.ts';

const VOLUNTEER = '13800000005';
const CENTER_ADMIN = '13800000001';
const LEADER = '13800000004'; // 刘队长, who leads the team
const NOW_ACTIVITY = '社区义诊（正在进行）';
const TEAM = '庆南社区邻里守望志愿服务队';
/** Beside 庆南社区党群服务中心, where the demo activities are held. */
const NEAR_QINGNAN = { latitude: 41.4105, longitude: 122.4405 };
const HOUR = 3600_000;
/** A datetime-local input's text for an instant in Beijing time (UTC+8 all year, no summer time). */
const beijingInput = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 16);

let run: BrowserRun;

/** A new activity of the demo team's project, at its station, from now by `from`…`to` ms; its id and the station. */
async function teamActivity(center: TestClient, fields: Record<string, unknown>, from: number, to: number) {
  const project = (await center.get('/api/v1/projects')).body.items.find((item: { name: string }) => item.name === '庆南社区邻里守望行动');
  const siteId = (await center.get(`/api/v1/activities?projectId=${project.id}`)).body.items[0].site.id as number;
  const now = Date.now();
  const created = await center.post('/api/v1/activities', {
    projectId: project.id, siteId, ...fields,
    startsAt: new Date(now + from).toISOString(), endsAt: new Date(now + to).toISOString(), recruitUntil: new Date(now + HOUR).toISOString(),
  });
  expect(created.status).toBe(201);
  return { activityId: created.body.items[0].id as number, siteId };
}
beforeAll(async () => {
  run = await startBrowserRun();
});
afterAll(async () => {
  await run?.close();
});

describe('activities on the phone', () => {
  it('signs up for the activity happening now, checks in with the code, and gets the hours certified', async () => {
    const { page, problems } = await openPage(run, '/m/activities', { mobile: true, geolocation: NEAR_QINGNAN });
    await page.waitForURL('**/m/login');
    await signIn(page, VOLUNTEER);
    await page.waitForURL('**/m/activities'); // back where the link pointed

    // Nearest first, with the distance, once the phone gave its position.
    await page.getByText('按离您的距离排列，近的在前').waitFor();
    const card = page.getByRole('link', { name: new RegExp(NOW_ACTIVITY.replace(/[（）]/g, '.')) });
    await card.getByText(/距您 \d+ 米/).waitFor();
    await card.click();
    await page.waitForURL(/\/m\/activities\/\d+$/);
    const activityId = Number(page.url().split('/').pop());
    await page.getByRole('heading', { name: NOW_ACTIVITY }).waitFor();
    await page.getByText('还剩 20 个（共 20 个）').waitFor();

    await page.getByRole('button', { name: '我要报名' }).click();
    await page.getByRole('status').filter({ hasText: '报名成功！请按时参加' }).waitFor();
    await page.getByText('您已报名成功，请按时参加。').waitFor();

    // The leader's screen shows a rotating code; the volunteer types it into the code box.
    const center = await run.server.signIn(CENTER_ADMIN);
    const code = await center.get(`/api/v1/activities/${activityId}/checkin-code`);
    expect(code.status).toBe(200);
    await page.getByLabel('签到码').fill(code.body.token);
    await page.getByRole('button', { name: '用签到码签到' }).click();
    await page.getByRole('status').filter({ hasText: '签到成功' }).waitFor();
    await page.getByText(/^已签到：\d\d:\d\d$/).waitFor();
    // The sign-up and the check-in were sent with idempotency keys.
    const keyed = await run.server.ctx.db.selectFrom('idempotency_keys').select('route').execute();
    expect(keyed.map((row) => row.route)).toEqual(expect.arrayContaining([
      'POST /api/v1/activities/:id/signup', 'POST /api/v1/activities/:id/checkin',
    ]));

    // The activity ends; the center marks the roster (two hours inside the window) and confirms.
    const now = Date.now();
    await run.server.ctx.db.updateTable('activities')
      .set({ starts_at: new Date(now - 3 * HOUR), ends_at: new Date(now - 60_000) }).where('id', '=', activityId).execute();
    const roster = await center.get(`/api/v1/activities/${activityId}/roster`);
    const me = roster.body.items.find((row: { name: string }) => row.name === '陈志愿');
    const marked = await center.put(`/api/v1/activities/${activityId}/roster/${me.volunteerId}`, {
      checkInAt: new Date(now - 3 * HOUR).toISOString(), checkOutAt: new Date(now - HOUR).toISOString(),
    });
    expect(marked.status).toBe(200);
    const confirmed = await center.post(`/api/v1/activities/${activityId}/confirm`, {});
    expect(confirmed.body.recorded).toEqual([{ volunteerId: me.volunteerId, minutes: 120 }]);

    // Over: the page says the hours are in, and asks for a rating.
    await page.reload();
    await page.getByText('本次服务时长已记入“我的服务时长”。').waitFor();
    const rating = page.getByRole('region', { name: '评价这次活动' });
    await rating.getByRole('button', { name: '提交评价' }).click();
    await rating.getByText('请先点星星打分').waitFor();
    await rating.getByRole('radio', { name: '5 星' }).click();
    await rating.getByLabel('说几句（可不填）').fill('组织得很好');
    await rating.getByRole('button', { name: '提交评价' }).click();
    await rating.getByText('谢谢您的评价！').waitFor();
    const evaluations = await run.server.ctx.db.selectFrom('evaluations').select(['score', 'comment']).where('activity_id', '=', activityId).execute();
    expect(evaluations).toEqual([{ score: 5, comment: '组织得很好' }]);

    // 我的: 2.5 hours from the concert at the care home, 2 more now.
    await page.getByText('我的', { exact: true }).click();
    await page.waitForURL('**/m/me');
    const summary = page.getByRole('region', { name: '服务时长与星级' });
    await summary.getByText('4.5 小时').waitFor();
    await summary.getByText('再服务 95.5 小时可成为 1 星志愿者（满 100 小时）').waitFor();
    await page.getByText('我的服务时长').first().click();
    await page.waitForURL('**/m/hours');
    const entry = page.getByRole('article').filter({ hasText: NOW_ACTIVITY });
    await entry.getByText('+2 小时').waitFor();
    await page.getByRole('article').filter({ hasText: '敬老院文艺慰问' }).getByText('+2.5 小时').waitFor();

    // The inbox tells them too, and the badge counts it.
    await page.getByText('消息', { exact: true }).click();
    await page.getByRole('button', { name: new RegExp(`服务时长已记录：${NOW_ACTIVITY.replace(/[（）]/g, '.')}`) }).waitFor();

    // A certificate from the team that recorded the hours, downloaded as a PDF.
    await page.goto(`${run.baseUrl}/m/certificates`);
    const source = page.getByRole('article').filter({ hasText: TEAM });
    await source.getByText('为您记录了 4.5 小时').waitFor();
    await source.getByRole('button', { name: '申请证明' }).click();
    const issued = page.getByRole('status').filter({ hasText: '证明已出具，编号' });
    await issued.waitFor();
    const certificateCode = (await issued.textContent())!.match(/LX-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}/)![0];
    const certificate = page.getByRole('article').filter({ hasText: certificateCode });
    await certificate.getByRole('heading', { name: certificateCode }).waitFor();
    await certificate.getByText('4.5 小时').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), certificate.getByRole('button', { name: '下载 PDF' }).click()]);
    expect(download.suggestedFilename()).toBe(`${certificateCode}.pdf`);
    const bytes = fs.readFileSync((await download.path())!);
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');

    // Anyone can check it on the public verify page its QR code opens.
    await page.goto(`${run.baseUrl}/verify/${certificateCode}`);
    await page.getByText('此证明真实有效').waitFor();
    await page.getByText(certificateCode).waitFor();
    expect(problems).toEqual([]);
  });

  it('lists the soonest activities without a position, signs up and withdraws, and disputes a record', async () => {
    const { page, problems } = await openPage(run, '/m/login', { mobile: true });
    await signIn(page, VOLUNTEER);
    await page.getByRole('heading', { name: '陈志愿，您好' }).waitFor();
    await page.getByRole('link', { name: '查看附近活动' }).click();
    await page.getByText(/按开始时间排列/).waitFor();
    await page.getByRole('link', { name: /周末走访空巢老人/ }).click();
    await page.getByRole('button', { name: '我要报名' }).click();
    await page.getByRole('status').filter({ hasText: '报名成功！' }).waitFor();
    await page.getByText('活动开始前 30 分钟可以在这里签到。').waitFor();

    await page.getByRole('button', { name: '取消报名' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '取消报名' }).click();
    await page.getByRole('status').filter({ hasText: '已取消报名' }).waitFor();
    await page.getByRole('button', { name: '我要报名' }).waitFor();

    await page.goto(`${run.baseUrl}/m/activities?view=mine`);
    const mine = page.getByRole('link', { name: /周末走访空巢老人/ });
    await mine.getByText('已取消报名').waitFor();
    await page.getByRole('link', { name: /敬老院文艺慰问/ }).getByText('时长已记录').waitFor();

    // A record that looks wrong goes to the organization that recorded it.
    await page.goto(`${run.baseUrl}/m/hours`);
    await page.getByRole('article').filter({ hasText: '敬老院文艺慰问' }).getByRole('button', { name: '记录有误？申诉' }).click();
    await page.getByLabel('哪里不对？').fill('我 9 点到、12 点走，应为 3 小时');
    await page.getByLabel('您认为应是多少小时（不清楚可不填）').fill('3');
    await page.getByRole('button', { name: '提交申诉' }).click();
    await page.getByRole('status').filter({ hasText: '申诉已提交' }).waitFor();
    const center = await run.server.signIn(CENTER_ADMIN);
    const disputes = await center.get('/api/v1/hour-disputes');
    expect(disputes.body.items).toEqual([expect.objectContaining({ volunteerName: '陈志愿', claimedMinutes: 180, recordedMinutes: 150 })]);

    // Reading the message clears the badge on the tab.
    await page.goto(`${run.baseUrl}/m/inbox`);
    const unreadBadge = page.getByRole('navigation', { name: '主要栏目' }).getByLabel(/消息，\d+ 条未读/);
    await unreadBadge.waitFor();
    await page.getByRole('button', { name: '全部已读' }).click();
    // The badge goes once the marking has answered and the count been read again (the tab's
    // text 消息 is there all along, with or without the badge: no sign the marking is done).
    await unreadBadge.waitFor({ state: 'detached' });
    expect(await page.getByText('未读', { exact: true }).count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('checks in by location (with consent) and out by scanning the leader’s QR code with the camera', async () => {
    // An activity under way, the volunteer signed up for it (through the API).
    const center = await run.server.signIn(CENTER_ADMIN);
    const now = Date.now();
    const { activityId } = await teamActivity(center, { title: '广场健康讲座', quota: 10, latitude: 41.4102, longitude: 122.4401 }, -20 * 60_000, 2 * HOUR);
    const volunteer = await run.server.signIn(VOLUNTEER);
    expect((await volunteer.post(`/api/v1/activities/${activityId}/signup`)).body.status).toBe('confirmed');

    const camera = await launchWithQrCamera();
    try {
      const options = contextOptions({ mobile: true, geolocation: NEAR_QINGNAN });
      const page = await (await camera.browser.newContext({ ...options, permissions: ['geolocation', 'camera'] })).newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      await page.goto(`${run.baseUrl}/m/activities/${activityId}`);
      await signIn(page, VOLUNTEER);
      await page.getByRole('heading', { name: '广场健康讲座' }).waitFor();

      // The precise position is asked for each time, and used only with consent.
      await page.getByRole('button', { name: '定位签到' }).click();
      const consent = page.getByRole('dialog');
      await consent.getByText('只用于这一次核对您是否在活动地点附近，不会保存').waitFor();
      await consent.getByRole('button', { name: '同意并定位' }).click();
      await page.getByRole('status').filter({ hasText: '签到成功' }).waitFor();

      // Ten minutes later (check-out opens five minutes after check-in).
      await run.server.ctx.db.updateTable('attendance').set({ check_in_at: new Date(now - 10 * 60_000) }).where('activity_id', '=', activityId).execute();
      await page.reload();
      await page.getByText(/^已签到：\d\d:\d\d$/).waitFor();
      const token = (await center.get(`/api/v1/activities/${activityId}/checkin-code`)).body.token as string;
      writeQrClip(camera.clip, token); // what the leader's screen shows now
      await page.getByRole('button', { name: '扫码签退' }).click();
      await page.getByRole('status').filter({ hasText: '签退成功' }).waitFor();
      await page.getByText(/^已签退：\d\d:\d\d$/).waitFor();
      await page.getByText('活动结束后，组织单位确认的服务时长会记入“我的服务时长”。').waitFor();
      expect(problems).toEqual([]);
    } finally {
      await camera.close();
    }
    const roster = await center.get(`/api/v1/activities/${activityId}/roster`);
    expect(roster.body.items[0]).toMatchObject({ name: '陈志愿', checkInMethod: 'location', checkOutMethod: 'qr' });
  });

  it('lets the team leader run the activity on the phone: the QR code, approving a sign-up, marking, confirming the hours, rating', async () => {
    // An activity of the leader's team that needs approval, and a volunteer waiting for it.
    const center = await run.server.signIn(CENTER_ADMIN);
    const now = Date.now();
    const { activityId, siteId } = await teamActivity(center, { title: '带队巡查楼道', quota: 5, requiresApproval: true }, -10 * 60_000, 2 * HOUR);
    const account = await buildUser(run.server.ctx, { siteId, role: 'volunteer', name: '周晓燕' });
    const made = await buildVolunteer(run.server.ctx, { siteId, phone: account.phone, name: '周晓燕', userId: account.userId });
    const volunteer = await run.server.signIn(account.phone, account.password);
    expect((await volunteer.post(`/api/v1/activities/${activityId}/signup`)).body.status).toBe('pending');

    const { page, problems } = await phoneAs(run, '/activities?view=led', LEADER);
    await page.getByRole('tab', { name: '我带的活动' }).waitFor();
    await page.getByRole('link', { name: /带队巡查楼道/ }).click();
    await page.waitForURL(`**/m/activities/${activityId}/lead`);
    await page.getByRole('heading', { name: '带队巡查楼道' }).waitFor();

    // The rotating code, as big as the phone allows; the token is the server's current one.
    await page.getByRole('link', { name: '出示签到二维码' }).click();
    await page.waitForURL(`**/m/activities/${activityId}/lead/qr`);
    await page.getByRole('img', { name: '签到二维码' }).waitFor();
    await page.getByText(/秒后自动刷新/).waitFor();
    const token = (await page.getByLabel('签到码').textContent())!;
    expect((await center.get(`/api/v1/activities/${activityId}/checkin-code`)).body.token).toBe(token);
    await page.getByRole('button', { name: '返回' }).click();

    // Approve the pending sign-up.
    const card = page.getByRole('listitem', { name: '周晓燕' });
    await card.getByText('等待审核').waitFor();
    await card.getByRole('button', { name: '通过' }).click();
    await page.getByRole('status').filter({ hasText: '周晓燕 报名成功' }).waitFor();
    await card.getByText('已报名').waitFor();

    // Over (the clock moved on): the volunteer had no phone and came late, left early; the
    // leader marks them present with the times seen (the form opens on the activity's window).
    const [startsAt, endsAt] = [now - 3 * HOUR, now - HOUR];
    await run.server.ctx.db.updateTable('activities').set({ starts_at: new Date(startsAt), ends_at: new Date(endsAt) }).where('id', '=', activityId).execute();
    await page.reload();
    await card.getByRole('button', { name: '标记到场' }).click();
    const checkIn = card.getByLabel('签到时间（北京时间）');
    const checkOut = card.getByLabel('签退时间（北京时间）');
    expect([await checkIn.inputValue(), await checkOut.inputValue()]).toEqual([beijingInput(startsAt), beijingInput(endsAt)]);
    await checkIn.fill(beijingInput(startsAt + 30 * 60_000));
    await checkOut.fill(beijingInput(startsAt + 105 * 60_000));
    await card.getByRole('button', { name: '保存到场时间' }).click();
    await page.getByRole('status').filter({ hasText: '已标记 周晓燕 到场' }).waitFor();
    const attendance = await run.server.ctx.db.selectFrom('attendance').select(['check_in_at', 'check_out_at']).where('activity_id', '=', activityId).executeTakeFirstOrThrow();
    expect([beijingInput(attendance.check_in_at.getTime()), beijingInput(attendance.check_out_at!.getTime())])
      .toEqual([beijingInput(startsAt + 30 * 60_000), beijingInput(startsAt + 105 * 60_000)]);
    // From half an hour after the start to 1 h 45 after it: 75 minutes, not the activity's 120.
    await expect.poll(() => page.getByLabel('周晓燕 的服务分钟数').inputValue()).toBe('75');
    await page.getByRole('button', { name: '确认记入 1 人' }).click();
    await page.getByRole('status').filter({ hasText: '已记入 1 人的服务时长' }).waitFor();
    await card.getByText('已记入').waitFor();
    const ledger = await run.server.ctx.db.selectFrom('service_hours').select(['volunteer_id', 'minutes']).where('source', '=', 'activity').where('source_id', '=', activityId).execute();
    expect(ledger).toEqual([{ volunteer_id: made.id, minutes: 75 }]);

    // And rates the service; the volunteer sees it in 我的活动.
    await card.getByRole('button', { name: '评价' }).click();
    await card.getByRole('radio', { name: '4 星' }).click();
    await card.getByRole('button', { name: '提交评价' }).click();
    await card.getByText('您的评价：4 星').waitFor();
    expect((await volunteer.get('/api/v1/activities/mine/ratings')).body.items).toMatchObject([{ activityId, score: 4 }]);
    expect(problems).toEqual([]);
  });
});
