// Call-ups for volunteers without the app, in Chromium against the seeded demo county: the
// station's staff record, after phone calls, the answers of two volunteers staff imported
// (代为登记), found by the last digits of the phone and by name; the first takes the only
// post, the second stands by, and takes the post when the first is moved off it.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildVolunteer, nextPhone } from '../server/src/seed/factories.ts';
import { DEMO_PASSWORD } from '../test/env.ts';
import { choose, dropdown, signedIn, useBrowserRun, type BrowserRun } from './browser.ts';

const STATION_ADMIN = '13800000003';
const STATION = '210321001021'; // 庆南社区

const browserRun = useBrowserRun();
let run: BrowserRun;
beforeAll(() => {
  run = browserRun();
});

describe('call-ups for volunteers without the app', () => {
  it('records answers on the live board: one takes the post, the next stands by and moves up when the post frees', async () => {
    const ctx = run.server.ctx;
    const station = (await ctx.db.selectFrom('sites').select('id').where('region_code', '=', STATION).where('kind', '=', 'station').executeTakeFirstOrThrow()).id;
    const phone = nextPhone();
    const wang = await buildVolunteer(ctx, { siteId: station, name: '王大山', phone, emergencyReserve: true, skills: ['冲锋舟'] });
    const li = await buildVolunteer(ctx, { siteId: station, name: '李小河', emergencyReserve: true, skills: ['冲锋舟'] });
    const staff = await run.server.signIn(STATION_ADMIN, DEMO_PASSWORD);
    const launched = await staff.post('/api/v1/callups', { title: '东河冲锋舟救援', areaPrefix: STATION, skills: ['冲锋舟'], headcount: 1, posts: [{ name: '东河渡口', capacity: 1 }] });
    expect(launched.status).toBe(201);

    const { page, problems } = await signedIn(run, '/callups', STATION_ADMIN);
    await page.getByRole('button', { name: '东河冲锋舟救援' }).click();
    await page.waitForURL(`**/callups/${launched.body.id}`);
    const post = page.getByRole('region', { name: '东河渡口' });
    await post.getByText('还没有人响应').waitFor();

    // 王大山 called in: found by the last four digits of his phone, coming.
    await page.getByRole('button', { name: '代为登记' }).click();
    let dialog = page.getByRole('dialog', { name: '代为登记回复：东河冲锋舟救援' });
    await choose(page, dialog.getByLabel('志愿者'), /^王大山（/, { typed: phone.slice(-4) });
    await dialog.getByRole('button', { name: '登记', exact: true }).click();
    await page.getByText('已代为登记').first().waitFor();
    await post.getByText('王**').waitFor();
    await post.getByText('1 / 1 人').waitFor();

    // 李小河, found by name: the post is full, so he stands by.
    await page.getByRole('button', { name: '代为登记' }).click();
    dialog = page.getByRole('dialog', { name: '代为登记回复：东河冲锋舟救援' });
    await choose(page, dialog.getByLabel('志愿者'), /^李小河（/, { typed: '李小河' });
    await dialog.getByLabel('选择岗位').click();
    await dropdown(page).getByTitle('东河渡口（已满，登记后转为待命）').click();
    await dialog.getByRole('button', { name: '登记', exact: true }).click();
    const standby = page.getByRole('region', { name: '待命（岗位已满）' });
    await standby.getByText('李**').waitFor();

    // 王大山 is moved off the post: 李小河, first standing by, takes it.
    await post.getByLabel('调岗').click();
    await dropdown(page).getByTitle('转为待命').click();
    await post.getByText('李**').waitFor();
    await standby.getByText('王**').waitFor();

    const audited = await ctx.db.selectFrom('audit_log').select('subject').where('action', '=', 'callup_answer_record').orderBy('id').execute();
    expect(audited.map((entry) => entry.subject)).toEqual([`volunteer:${wang.id}`, `volunteer:${li.id}`]);
    expect(problems).toEqual([]);
  });
});
