// The console's projects and activities in Chromium against a real server and the seeded
// demo county: publishing weekly activities, the leader's rotating QR screen, and
// confirming attendance with a forgotten check-out.
import { beforeAll, describe, expect, it } from 'vitest';
import { chinaDayFrom as beijingDate } from '../server/src/lib/id-number.ts';
import { choose, PNG_1PX, row, signedIn, useBrowserRun, type BrowserRun } from './browser.ts';

const CENTER_ADMIN = '13800000001';
const PROJECT = '庆南社区邻里守望行动';
const HOUR = 3600_000;

const browserRun = useBrowserRun();
let run: BrowserRun;
beforeAll(() => {
  run = browserRun();
});


describe('console activities', () => {
  it('publishes an activity with weekly repeats under the demo project and lists every session', async () => {
    const { page, problems } = await signedIn(run, '/projects', CENTER_ADMIN);
    await row(page, PROJECT).getByText('实施中').waitFor();
    await row(page, PROJECT).getByRole('button', { name: '发布活动' }).click();

    const form = page.getByRole('dialog', { name: '发布活动' });
    await expect.poll(() => form.getByLabel('所属项目').locator('xpath=ancestor::div[contains(@class,"ant-select")][1]').textContent()).toContain(PROJECT);
    await form.getByLabel('活动名称').fill('周三助老理发');
    const day = beijingDate(10);
    await form.getByPlaceholder('开始日期').first().click();
    await form.getByPlaceholder('开始日期').first().fill(`${day} 09:00`);
    await form.getByPlaceholder('开始日期').first().press('Enter');
    await form.getByPlaceholder('结束日期').first().fill(`${day} 11:30`);
    await form.getByPlaceholder('结束日期').first().press('Enter');
    await form.getByLabel('招募人数').fill('8');
    await form.getByLabel('每周重复').fill('2');
    await choose(page, form.getByLabel('活动阵地'), '王大姐家庭工作坊', { typed: '王大姐', exact: true });
    // The site's address and coordinates become the defaults.
    await expect.poll(() => form.getByLabel('活动地址').inputValue()).toBe('庆南社区3号楼');
    expect(await form.getByLabel('经度').inputValue()).toBe('122.4401');

    // A risky activity needs an insurance record first.
    await form.getByLabel('有风险的活动').click();
    await form.getByText('将发布 3 场活动，每周同一时间一场。').waitFor();
    await form.getByRole('button', { name: '发布 3 场' }).click();
    await form.getByText('请填写此项').waitFor();
    await form.getByLabel('保险登记').fill('PICC-2026-001');
    await form.getByRole('button', { name: '发布 3 场' }).click();

    await page.getByText('已发布「周三助老理发」共 3 场').waitFor();
    await expect.poll(() => row(page, '周三助老理发').count()).toBe(3);
    const times = await row(page, '周三助老理发').locator('td:nth-child(2)').allTextContents();
    const [, month, date] = day.split('-').map(Number);
    expect(times).toContain(`${month}月${date}日 09:00–11:30`);
    expect(times.every((text) => text.endsWith('09:00–11:30'))).toBe(true);

    // Stored once a week, at 09:00 Beijing time.
    const stored = await run.server.ctx.db.selectFrom('activities').select(['starts_at', 'risk_flagged', 'insurance_ref', 'quota'])
      .where('title', '=', '周三助老理发').orderBy('starts_at').execute();
    expect(stored.map((a) => a.starts_at.toISOString())).toEqual([0, 7, 14].map((days) => new Date(Date.parse(`${day}T09:00:00+08:00`) + days * 24 * HOUR).toISOString()));
    expect(stored.every((a) => a.risk_flagged && a.insurance_ref === 'PICC-2026-001' && a.quota === 8)).toBe(true);
    expect(problems).toEqual([]);
  });

  it('shows the leader a full-screen QR code whose token renews itself', async () => {
    const { page, problems } = await signedIn(run, '/activities', CENTER_ADMIN);
    await row(page, '社区义诊（正在进行）').getByRole('button', { name: '签到二维码' }).click();
    await page.getByRole('heading', { name: '社区义诊（正在进行）' }).waitFor();
    await page.getByRole('img', { name: '签到二维码' }).waitFor();
    expect(await page.getByRole('menuitem').count()).toBe(0); // no console around it
    const token = page.getByLabel('签到码');
    const first = (await token.textContent())!;
    expect(first).toMatch(/^\d+\.\d+\.\S+$/);

    // The server's code: the same one a phone's scan is checked against.
    const code = await (await run.server.signIn(CENTER_ADMIN)).get(`/api/v1/activities/${first.split('.')[0]}/checkin-code`);
    expect(code.status).toBe(200);
    await page.getByText(/^\d+ 秒后自动刷新$/).waitFor();
    await expect.poll(() => token.textContent(), { timeout: (code.body.refreshSeconds + 5) * 1000, interval: 500 }).not.toBe(first);
    expect((await token.textContent())!.split('.')[0]).toBe(first.split('.')[0]);
    expect(problems).toEqual([]);
  });

  it('asks for the minutes of a forgotten check-out when confirming attendance, and records the hours', async () => {
    // An activity that ended an hour ago, with two confirmed volunteers: one checked in
    // and out, one who never checked out.
    const admin = await run.server.signIn(CENTER_ADMIN);
    const project = (await run.server.ctx.db.selectFrom('projects').select('id').where('name', '=', PROJECT).executeTakeFirstOrThrow()).id;
    const station = (await run.server.ctx.db.selectFrom('sites').select('id').where('region_code', '=', '210321001021').where('kind', '=', 'station').executeTakeFirstOrThrow()).id;
    const minute = Math.floor(Date.now() / 60_000) * 60_000; // whole minutes, as the console's pickers give
    const at = (hours: number) => new Date(minute + hours * HOUR).toISOString();
    const created = await admin.post('/api/v1/activities', {
      projectId: project, title: '楼道清扫（已结束）', siteId: station, startsAt: at(-4), endsAt: at(-1), recruitFrom: at(-30), recruitUntil: at(-4), quota: 5,
    });
    expect(created.status).toBe(201);
    const activityId: number = created.body.items[0].id;
    const people = await run.server.ctx.db.selectFrom('volunteers').select(['id', 'name']).where('name', 'in', ['陈志愿', '刘队长']).execute();
    const id = (name: string) => people.find((p) => p.name === name)!.id;
    await run.server.ctx.db.insertInto('signups').values(people.map((p) => ({ activity_id: activityId, volunteer_id: p.id, status: 'confirmed' }))).execute();
    await run.server.ctx.db.updateTable('activities').set({ confirmed_count: 2 }).where('id', '=', activityId).execute();
    expect((await admin.put(`/api/v1/activities/${activityId}/roster/${id('刘队长')}`, { checkInAt: at(-3.5) })).status).toBe(200);

    const { page, problems } = await signedIn(run, `/activities/${activityId}`, CENTER_ADMIN);
    await page.getByRole('heading', { name: '楼道清扫（已结束）' }).waitFor();
    await page.getByText('已结束', { exact: true }).waitFor();
    // 陈志愿 is marked present by hand; the times default to the activity's own.
    await row(page, '陈志愿').getByRole('button', { name: '补登签到' }).click();
    await page.getByRole('dialog', { name: '为 陈志愿 登记签到' }).getByRole('button', { name: '保存' }).click();
    await row(page, '陈志愿').getByText('补登').first().waitFor();
    await row(page, '刘队长').getByText('待确认').waitFor();

    await page.getByRole('button', { name: '确认时长 (2)' }).click();
    const confirm = page.getByRole('dialog', { name: '确认「楼道清扫（已结束）」的服务时长' });
    await confirm.getByText('有 1 人忘记签退，须填写实际服务分钟数（不超过 180 分钟），不填的本次跳过。').waitFor();
    await confirm.getByText('180 分钟（3.0 小时）').waitFor(); // 陈志愿: start to end
    await confirm.getByText('还有 1 人未填分钟数，将被跳过').waitFor();
    await confirm.getByLabel('刘队长 的服务分钟数').fill('90');
    await expect.poll(() => confirm.getByText('还有 1 人未填分钟数，将被跳过').count()).toBe(0);
    await confirm.getByRole('button', { name: '确认记入 2 人' }).click();

    await confirm.getByText('已记入 2 人的服务时长').waitFor();
    await confirm.getByText('刘队长 · 1.5 小时').waitFor();
    await confirm.getByText('陈志愿 · 3.0 小时').waitFor();
    await confirm.getByRole('button', { name: '完成' }).click();
    await expect.poll(() => page.getByText('已记入', { exact: true }).count()).toBe(2);
    await row(page, '刘队长').getByText('忘记签退').waitFor();

    const ledger = await run.server.ctx.db.selectFrom('service_hours').select(['volunteer_id', 'minutes'])
      .where('source', '=', 'activity').where('source_id', '=', activityId).orderBy('minutes').execute();
    expect(ledger).toEqual([{ volunteer_id: id('刘队长'), minutes: 90 }, { volunteer_id: id('陈志愿'), minutes: 180 }]);

    // People served, once it has started.
    await page.getByLabel('服务人数').fill('35');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('服务人数已保存').waitFor();
    expect((await run.server.ctx.db.selectFrom('activities').select('people_served').where('id', '=', activityId).executeTakeFirstOrThrow()).people_served).toBe(35);
    expect(problems).toEqual([]);
  });

  it('drafts a project with a cover, submits it, and has the center approve it', async () => {
    const { page, problems } = await signedIn(run, '/projects', CENTER_ADMIN);
    await page.getByRole('button', { name: '新建项目' }).click();
    const form = page.getByRole('dialog', { name: '新建项目' });
    await form.getByLabel('项目名称').fill('庆南社区四点半课堂');
    await choose(page, form.getByLabel('组织实施的组织'), '庆南社区邻里守望志愿服务队', { typed: '庆南社区', exact: true });
    await choose(page, form.getByLabel('品牌'), '关心关爱一老一幼', { exact: true });
    await choose(page, form.getByLabel('服务类别'), '助学支教', { exact: true });
    await form.getByLabel('服务对象').fill('留守儿童');
    await form.getByPlaceholder('开始日期').fill(beijingDate(1));
    await form.getByPlaceholder('开始日期').press('Enter');
    await form.getByPlaceholder('结束日期').fill(beijingDate(120));
    await form.getByPlaceholder('结束日期').press('Enter');
    await form.locator('input[type=file]').setInputFiles({ name: 'cover.png', mimeType: 'image/png', buffer: PNG_1PX });
    await form.getByRole('img', { name: '已上传的图片' }).waitFor();
    await form.getByRole('button', { name: '保存草稿' }).click();

    const drawer = page.getByRole('dialog', { name: '庆南社区四点半课堂' });
    await drawer.getByText('草稿', { exact: true }).waitFor();
    await drawer.getByRole('img', { name: '封面图片' }).waitFor();
    await drawer.getByRole('button', { name: '提交审核' }).click();
    await drawer.getByText('等待所属实践中心或上级审核').waitFor();
    await drawer.getByRole('button', { name: '通过' }).click();
    await drawer.getByText('已通过', { exact: true }).waitFor();
    await drawer.getByRole('button', { name: '发布活动' }).waitFor();
    await drawer.getByRole('button', { name: '关闭' }).click();
    await row(page, '庆南社区四点半课堂').getByText('已通过').waitFor();
    const stored = await run.server.ctx.db.selectFrom('projects').select(['status', 'cover_url', 'target_group']).where('name', '=', '庆南社区四点半课堂').executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ status: 'approved', target_group: '留守儿童' });
    expect(stored.cover_url).toMatch(/^\/api\/v1\/files\//);
    expect(problems).toEqual([]);
  });

  it('corrects a ledger entry with a reason, then issues and revokes a certificate of the hours', async () => {
    const { page, problems } = await signedIn(run, '/volunteers', CENTER_ADMIN);
    await page.getByLabel('姓名或拼音首字母').fill('王淑芬');
    await row(page, '王淑芬').getByRole('button', { name: '详情' }).click();
    const drawer = page.getByRole('dialog', { name: '王淑芬' });
    await drawer.getByRole('button', { name: '服务时长' }).click();

    // The ledger of one volunteer: last week's 2.5 hours, corrected to 2.
    await page.getByRole('tab', { name: '时长台账' }).waitFor();
    const entry = row(page, '敬老院文艺慰问');
    await expect.poll(() => entry.count()).toBe(1);
    await entry.getByRole('button', { name: '更正' }).click();
    const correct = page.getByRole('dialog', { name: '更正 王淑芬 的 2.5 小时' });
    await correct.getByLabel('正确的服务分钟数').fill('120');
    await correct.getByRole('button', { name: '更正' }).click();
    await correct.getByText('请填写此项').waitFor(); // a reason is mandatory
    await correct.getByLabel('原因').fill('提前半小时离场，按实际时长更正');
    await correct.getByRole('button', { name: '更正' }).click();
    await page.getByText('已更正「敬老院文艺慰问」').waitFor();
    await expect.poll(() => entry.count()).toBe(3);
    expect(await entry.locator('td:nth-child(5)').allTextContents()).toEqual(['2.0', '-2.5', '2.5']);
    await entry.filter({ hasText: '冲正' }).getByText('提前半小时离场，按实际时长更正').waitFor();

    // A certificate of the hours the neighbours' team recorded for her.
    await page.goto(`${run.baseUrl}/certificates`);
    await page.getByRole('button', { name: '出具志愿服务证明' }).click();
    const issue = page.getByRole('dialog', { name: '出具志愿服务证明' });
    await choose(page, issue.getByLabel('志愿者'), /^王淑芬（\d+）$/, { typed: '王淑芬' });
    await choose(page, issue.getByLabel('记录时长的组织'), '庆南社区邻里守望志愿服务队', { typed: '庆南社区', exact: true });
    await issue.getByRole('button', { name: '出具', exact: true }).click();
    await issue.getByText('证明已出具').waitFor();
    const code = (await issue.locator('.certificate-code').textContent())!;
    expect(code).toMatch(/^LX-\w{4}-\w{4}-\w{4}$/);
    // Everything the team recorded for her that stands: the corrected 2 hours and any other service.
    const standing = await run.server.ctx.db.selectFrom('service_hours').innerJoin('volunteers', 'volunteers.id', 'service_hours.volunteer_id')
      .innerJoin('organizations', 'organizations.id', 'service_hours.organization_id')
      .select((eb) => eb.fn.sum<string>('service_hours.minutes').as('minutes'))
      .where('volunteers.name', '=', '王淑芬').where('organizations.name', '=', '庆南社区邻里守望志愿服务队').executeTakeFirstOrThrow();
    const hours = (Math.round(Number(standing.minutes) / 6) / 10).toFixed(1); // hours to one decimal
    await issue.getByText(`${hours} 小时`).waitFor();
    const pdf = page.waitForEvent('download');
    await issue.getByRole('button', { name: '下载 PDF' }).click();
    expect((await pdf).suggestedFilename()).toBe(`${code}.pdf`);
    await issue.getByRole('button', { name: '完成' }).click();

    // Looked up by its code, and revoked with a reason.
    await page.getByRole('heading', { name: code }).or(page.getByText(code, { exact: true })).first().waitFor();
    await page.getByText('有效', { exact: true }).waitFor();
    await page.getByRole('button', { name: '撤销证明' }).click();
    const revoke = page.getByRole('dialog', { name: `撤销证明 ${code}？` });
    await revoke.getByLabel('撤销原因').fill('时长已更正，重新出具');
    await revoke.getByRole('button', { name: '撤销证明' }).click();
    await page.getByText('已撤销', { exact: true }).waitFor();
    const verified = await run.server.client().get(`/api/v1/public/certificates/${code}`);
    expect(verified.body).toMatchObject({ genuine: true, revoked: true, revokeReason: '时长已更正，重新出具', hours: Number(hours) });
    expect(problems).toEqual([]);
  });

  it('raises an activity’s quota from its page, moving the waiting list up', async () => {
    // Tomorrow's activity with one seat: 陈志愿 has it, 刘队长 waits.
    const admin = await run.server.signIn(CENTER_ADMIN);
    const project = (await run.server.ctx.db.selectFrom('projects').select('id').where('name', '=', PROJECT).executeTakeFirstOrThrow()).id;
    const station = (await run.server.ctx.db.selectFrom('sites').select('id').where('region_code', '=', '210321001021').where('kind', '=', 'station').executeTakeFirstOrThrow()).id;
    const minute = Math.floor(Date.now() / 60_000) * 60_000;
    const at = (hours: number) => new Date(minute + hours * HOUR).toISOString();
    const created = await admin.post('/api/v1/activities', {
      projectId: project, title: '明日助老包饺子', siteId: station, startsAt: at(24), endsAt: at(27), quota: 1,
    });
    expect(created.status).toBe(201);
    const activityId: number = created.body.items[0].id;
    for (const phone of ['13800000005', '13800000004']) {
      expect((await (await run.server.signIn(phone)).post(`/api/v1/activities/${activityId}/signup`)).status).toBe(201);
    }

    const { page, problems } = await signedIn(run, `/activities/${activityId}`, CENTER_ADMIN);
    await page.getByRole('heading', { name: '明日助老包饺子' }).waitFor();
    await page.getByText('1 / 1 人 · 候补 1 人').waitFor();
    await page.getByRole('button', { name: '编辑' }).click();
    const form = page.getByRole('dialog', { name: '编辑活动「明日助老包饺子」' });
    await form.getByText('不能少于已报名成功的 1 人').waitFor();
    await form.getByLabel('招募人数').fill('2');
    await form.getByRole('button', { name: '保存' }).click();
    await page.getByText('活动已保存').waitFor();
    await page.getByText('2 / 2 人', { exact: true }).waitFor();
    await expect.poll(() => row(page, '刘队长').getByText('报名成功').count()).toBe(1);

    const signups = await run.server.ctx.db.selectFrom('signups').select('status').where('activity_id', '=', activityId).execute();
    expect(signups.map((s) => s.status)).toEqual(['confirmed', 'confirmed']);
    // Only the quota was sent: the times stand to the millisecond.
    const stored = await run.server.ctx.db.selectFrom('activities').select(['quota', 'starts_at']).where('id', '=', activityId).executeTakeFirstOrThrow();
    expect(stored).toEqual({ quota: 2, starts_at: new Date(at(24)) });
    expect(problems).toEqual([]);
  });
});
