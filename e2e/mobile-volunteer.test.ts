// A new person on the phone: real-name registration with the home-site cascade, the review
// status, and (once the station approves) asking to join a team. Minors get the guardian
// section; a wrong ID check character gets the server's own words.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, buildVolunteer } from '../server/src/seed/factories.ts';
import { openPage, phoneAs, signIn, startBrowserRun, type BrowserRun } from './browser.ts';

const STATION_ADMIN = '13800000003';
const RESIDENT = '13800000006';
const TEAM = '庆南社区邻里守望志愿服务队';

let run: BrowserRun;
beforeAll(async () => {
  run = await startBrowserRun();
});
afterAll(async () => {
  await run?.close();
});

/** A valid ID number (GB 11643): the check character over the first 17 digits. */
function idNumber(county: string, birth: string, sequence: string): string {
  const first17 = `${county}${birth}${sequence}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11];
}

/** The same number with a wrong check character. */
const withWrongCheck = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');

const open = (path: string) => openPage(run, path, { mobile: true });

async function fillPerson(page: Page, person: { name: string; id: string; phone: string }) {
  await page.getByLabel('姓名').fill(person.name);
  await page.getByLabel('身份证号').fill(person.id);
  await page.getByLabel('手机号').fill(person.phone);
  await page.getByLabel('设置登录密码').fill('Volunteer2026');
}

/** 辽宁省 → 鞍山市 → 台安县 → 八角台街道 → 庆南社区, through the home-site cascade. */
async function chooseQingnan(page: Page) {
  await page.getByLabel('所在社区或村').click();
  for (const name of ['鞍山市', '台安县', '八角台街道']) await page.getByText(name, { exact: true }).click();
  await page.getByText('庆南社区居委会', { exact: true }).click();
}

async function fillService(page: Page) {
  await page.getByText('扶危帮困', { exact: true }).click();
  await page.getByText('陪伴聊天', { exact: true }).click();
  await page.getByText('周末', { exact: true }).click();
  await page.getByText('我已阅读并同意以上说明').click();
}

describe('volunteer registration on the phone', () => {
  it('registers a new person through the region cascade, shows 审核中, and after approval asks to join a team', async () => {
    const { page, problems } = await open('/m/login');
    await page.getByRole('link', { name: '注册成为志愿者' }).click();
    await page.getByRole('heading', { name: '实名注册志愿者' }).waitFor();
    await fillPerson(page, { name: '周新民', id: idNumber('210321', '19800315', '123'), phone: '13912340001' });
    await page.getByText('今年 ', { exact: false }).first().waitFor(); // the age read from the ID number
    expect(await page.getByText('监护人姓名').count()).toBe(0);

    await chooseQingnan(page);
    await page.getByText('庆南社区新时代文明实践站').waitFor();
    await page.getByText('辽宁省 / 鞍山市 / 台安县 / 八角台街道 / 庆南社区居委会').waitFor();

    await fillService(page);
    await page.getByRole('button', { name: '提交注册' }).click();
    await page.waitForURL('**/m/me');
    await page.getByRole('status').filter({ hasText: '注册已提交' }).waitFor();
    const status = page.getByRole('region', { name: '志愿者注册状态' });
    await status.getByText('审核中').waitFor();
    await status.getByText(/正在由「庆南社区新时代文明实践站」审核/).waitFor();
    await page.getByRole('heading', { name: '周新民' }).waitFor();

    // The registration went out with an Idempotency-Key, so a retry could not register twice.
    const keys = await run.server.ctx.db.selectFrom('idempotency_keys').select('key')
      .where('route', '=', 'POST /api/v1/volunteers/register').execute();
    expect(keys).toHaveLength(1);
    expect(keys[0]!.key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    // The station admin approves it through the API.
    const station = await run.server.signIn(STATION_ADMIN);
    const pending = await station.get(`/api/v1/volunteers?status=pending&q=${encodeURIComponent('周新民')}`);
    expect(pending.body.items).toHaveLength(1);
    const approved = await station.post(`/api/v1/volunteers/${pending.body.items[0].id}/review`, { decision: 'approve' });
    expect(approved.status).toBe(200);

    await page.reload();
    await status.getByText('已通过').waitFor();

    await page.getByText('队伍', { exact: true }).click();
    await page.waitForURL('**/m/teams');
    await page.getByRole('link', { name: new RegExp(TEAM) }).click();
    await page.getByRole('heading', { name: TEAM }).waitFor();
    await page.getByRole('button', { name: '申请加入' }).click();
    await page.getByRole('status').filter({ hasText: '已提交申请，等待队长审核' }).waitFor();
    await page.getByText('已申请，等待审核').first().waitFor();
    await page.getByRole('button', { name: '撤回申请' }).waitFor();

    const team = (await station.get('/api/v1/organizations?q=' + encodeURIComponent('庆南社区邻里守望'))).body.items[0];
    const requests = await station.get(`/api/v1/organizations/${team.id}/members?status=pending`);
    expect(requests.body.items.map((member: { name: string }) => member.name)).toContain('周新民');

    await page.setViewportSize({ width: 360, height: 640 });
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    expect(problems).toEqual([]);
  });

  it('lets a signed-in resident register without giving the phone or a password again', async () => {
    const { page, problems } = await open('/m/login');
    await signIn(page, RESIDENT);
    await page.getByRole('heading', { name: '王大爷，您好' }).waitFor();
    await page.getByRole('link', { name: '实名注册' }).click();
    await page.getByRole('heading', { name: '实名注册志愿者' }).waitFor();
    expect(await page.getByLabel('手机号').count()).toBe(0);
    expect(await page.getByLabel('设置登录密码').count()).toBe(0);
    await page.getByLabel('姓名').fill('王大爷');
    await page.getByLabel('身份证号').fill(idNumber('210321', '19520808', '017'));
    await page.getByText('今年 ', { exact: false }).first().waitFor();
    await chooseQingnan(page);
    await fillService(page);
    await page.getByRole('button', { name: '提交注册' }).click();
    await page.waitForURL('**/m/me');
    await page.getByRole('region', { name: '志愿者注册状态' }).getByText('审核中').waitFor();
    await page.getByText('138****0006').first().waitFor(); // the account's own phone
    const keys = await run.server.ctx.db.selectFrom('idempotency_keys').select('key').where('route', '=', 'POST /api/v1/volunteers/me').execute();
    expect(keys).toHaveLength(1);
    expect(problems).toEqual([]);
  });

  it('gives a resident the record their station entered, when the ID number and phone match it', async () => {
    const station = (await run.server.ctx.db.selectFrom('sites').select('id').where('region_code', '=', '210321001021').where('kind', '=', 'station').executeTakeFirstOrThrow()).id;
    const account = await buildUser(run.server.ctx, { siteId: station, role: 'resident', name: '孙秀英' });
    const id = idNumber('210321', '19700303', '024');
    const entered = await buildVolunteer(run.server.ctx, { siteId: station, idNumber: id, phone: account.phone, name: '孙秀英' });
    const { page, problems } = await open('/m/login');
    await signIn(page, account.phone, account.password);
    await page.getByRole('heading', { name: '孙秀英，您好' }).waitFor();
    await page.getByRole('link', { name: '实名注册' }).click();
    await page.getByLabel('姓名').fill('孙秀英');
    await page.getByLabel('身份证号').fill(id);
    await chooseQingnan(page);
    await fillService(page);
    await page.getByRole('button', { name: '提交注册' }).click();
    await page.waitForURL('**/m/me');
    await page.getByRole('region', { name: '志愿者注册状态' }).getByText('已通过').waitFor();
    await page.getByText(entered.volunteer_no).first().waitFor();
    expect(await page.getByText('注册已提交').count()).toBe(0); // it needs no review: the station entered it
    expect(problems).toEqual([]);
  });

  it('opens any approved team from a link, even one of another county', async () => {
    const center = (await run.server.ctx.db.selectFrom('sites').select('id').where('region_code', '=', '210323000000').where('kind', '=', 'center').executeTakeFirstOrThrow()).id;
    const created = await (await run.server.admin()).post('/api/v1/organizations', { name: '岫岩县满族剪纸志愿服务队', category: 'culture_arts', siteId: center });
    expect(created.body.status).toBe('approved');
    const { page, problems } = await open(`/m/teams/${created.body.id}`);
    await signIn(page, '13800000005'); // 陈志愿, a volunteer of 台安县
    await page.getByRole('heading', { name: '岫岩县满族剪纸志愿服务队' }).waitFor();
    await page.getByRole('button', { name: '申请加入' }).waitFor();
    expect(problems).toEqual([]);
  });

  it('shows the guardian section for a minor’s ID number, and hides it again for an adult', async () => {
    const { page, problems } = await open('/m/register');
    const fifteenYearsAgo = new Date().getFullYear() - 15;
    await page.getByLabel('身份证号').fill(idNumber('210321', `${fifteenYearsAgo}0101`, '024'));
    await page.getByText('您未满 18 周岁，须经监护人（如父母）同意').waitFor();
    await page.getByLabel('监护人姓名').waitFor();
    await page.getByLabel('监护人手机号').waitFor();
    await page.getByText('监护人已同意我注册成为志愿者').waitFor();

    await page.getByLabel('身份证号').fill(idNumber('210321', '19700101', '024'));
    await page.getByText('今年 ', { exact: false }).first().waitFor();
    expect(await page.getByLabel('监护人姓名').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('shows the server’s message under the ID number when its check character is wrong', async () => {
    const { page, problems } = await open('/m/register');
    await fillPerson(page, { name: '吴校验', id: withWrongCheck(idNumber('210321', '19850620', '031')), phone: '13912340002' });
    // The search finds a community by name as well as the cascade does.
    await page.getByLabel('所在社区或村').click();
    await page.getByRole('searchbox').fill('庆南');
    await page.getByText('辽宁省 / 鞍山市 / 台安县 / 八角台街道 / 庆南社区居委会').click();
    await page.getByText('庆南社区新时代文明实践站').waitFor();
    await fillService(page);
    await page.getByRole('button', { name: '提交注册' }).click();
    await page.getByText('身份证号校验位不正确，请核对').waitFor();
    expect(page.url()).toMatch(/\/m\/register$/);
    expect(problems).toEqual([]);
  });
});

describe('a team leader on the phone', () => {
  it('sees a volunteer’s request under 待审核, approves it, and the volunteer appears among the members', async () => {
    const station = (await run.server.ctx.db.selectFrom('sites').select('id').where('region_code', '=', '210321001021').where('kind', '=', 'station').executeTakeFirstOrThrow()).id;
    const account = await buildUser(run.server.ctx, { siteId: station, role: 'volunteer', name: '钱入队' });
    const asking = await buildVolunteer(run.server.ctx, { siteId: station, phone: account.phone, name: '钱入队', userId: account.userId });
    const team = await run.server.ctx.db.selectFrom('organizations').select('id').where('name', '=', TEAM).executeTakeFirstOrThrow();
    const volunteer = await run.server.signIn(account.phone, account.password);
    expect((await volunteer.post(`/api/v1/organizations/${team.id}/join`)).status).toBe(201);

    const { page, problems } = await phoneAs(run, '/teams', '13800000004'); // 刘队长, who leads the team
    await page.getByRole('link', { name: new RegExp(TEAM) }).click();
    await page.getByRole('heading', { name: TEAM }).waitFor();
    const requests = page.getByRole('region', { name: '待审核' });
    await requests.getByText('钱入队', { exact: true }).waitFor();
    await requests.getByText(`${account.phone.slice(0, 3)}****${account.phone.slice(7)}`).waitFor();
    await requests.getByRole('button', { name: '同意钱入队加入', exact: true }).click();

    await page.getByText('已同意钱入队加入').waitFor(); // the toast
    await page.getByRole('region', { name: '队员名单' }).getByText('钱入队', { exact: true }).waitFor();
    expect(await requests.getByText('钱入队', { exact: true }).count()).toBe(0);
    const membership = await run.server.ctx.db.selectFrom('memberships').select('status')
      .where('organization_id', '=', team.id).where('volunteer_id', '=', asking.id).executeTakeFirstOrThrow();
    expect(membership.status).toBe('active');
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    expect(problems).toEqual([]);
  });
});

describe('correcting my details on 我的', () => {
  it('lets a volunteer change their skills and phone, saved once, and shows the new masked phone', async () => {
    const station = (await run.server.ctx.db.selectFrom('sites').select('id').where('region_code', '=', '210321001021').where('kind', '=', 'station').executeTakeFirstOrThrow()).id;
    const account = await buildUser(run.server.ctx, { siteId: station, role: 'volunteer', name: '郑修改' });
    const entered = await buildVolunteer(run.server.ctx, { siteId: station, phone: account.phone, name: '郑修改', skills: ['书法'], userId: account.userId });
    const newPhone = '13912340077';

    const { page, problems } = await open('/m/login');
    await signIn(page, account.phone, account.password);
    await page.getByRole('heading', { name: '郑修改，您好' }).waitFor();
    await page.getByText('我的', { exact: true }).click();
    await page.waitForURL('**/m/me');
    await page.getByText('修改资料', { exact: true }).click();
    await page.getByRole('heading', { name: '修改志愿者资料' }).waitFor();

    // The current phone shows masked; typing a new one replaces it.
    const phone = page.getByLabel('手机号');
    expect(await phone.getAttribute('placeholder')).toBe(`${account.phone.slice(0, 3)}****${account.phone.slice(7)}`);
    await phone.fill(newPhone);
    await page.getByText('理发', { exact: true }).click();
    await page.getByRole('button', { name: '保存修改' }).click();
    await page.getByText('资料已更新').waitFor();

    await page.getByText('139****0077').waitFor();
    await page.getByText(/^(书法、理发|理发、书法)$/).waitFor();
    const row = await run.server.ctx.db.selectFrom('volunteers').select(['phone_hash', 'skills']).where('id', '=', entered.id).executeTakeFirstOrThrow();
    expect(row.phone_hash).toBe(run.server.ctx.pii.lookupHash('phone', newPhone));
    expect([...row.skills].sort()).toEqual(['书法', '理发'].sort());
    // Saved with an Idempotency-Key, so a retried save could not write twice.
    const keys = await run.server.ctx.db.selectFrom('idempotency_keys').select('key').where('route', '=', 'PATCH /api/v1/volunteers/me').execute();
    expect(keys).toHaveLength(1);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    expect(problems).toEqual([]);
  });
});
