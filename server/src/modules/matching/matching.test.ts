import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PHONE } from '../../../../test/env.ts';
import { createTestServer, type TestServer } from '../../../../test/harness.ts';
import type { Actor } from '../../lib/scope.ts';
import { actorFor, buildOrganization, buildVolunteer, type VolunteerOverrides } from '../../seed/factories.ts';
import { suggest, timesOf, type Suggestion } from './service.ts';

let server: TestServer;
let province: Actor;
/** Stations A and B share a township (about 4.2 km apart); D is in another township of the county. */
const at: Record<'A' | 'B' | 'D', { id: number; regionCode: string }> = {} as never;
const teams: Record<string, number> = {};
const people: Record<string, number> = {};

const names = (list: Suggestion[]) => list.map((s) => s.name);
const reasonsOf = (list: Suggestion[], name: string) => list.find((s) => s.name === name)?.reasons ?? [];

async function team(name: string, site: keyof typeof at, category: string) {
  teams[name] = (await buildOrganization(server.ctx, province, { siteId: at[site].id, name, category: category as never })).id;
}
async function volunteer(name: string, site: keyof typeof at, offer: Pick<VolunteerOverrides, 'categories' | 'skills' | 'availability'>) {
  people[name] = (await buildVolunteer(server.ctx, { siteId: at[site].id, name, ...offer })).id;
}
/** Open work: wishes claimed by a team or a volunteer. */
async function claimedWishes(n: number, claimer: { claimer_organization_id: number } | { claimer_volunteer_id: number }) {
  for (let i = 0; i < n; i++) {
    await server.ctx.db.insertInto('wishes').values({
      title: '心愿', story: '心愿', category: 'daily', beneficiary_group: 'other', beneficiary_name_enc: server.ctx.pii.encrypt('张三'), beneficiary_name_masked: '张*',
      beneficiary_key: `m${Math.random()}`, site_id: at.A.id, region_code: at.A.regionCode, posted_by: province.userId, status: 'claimed', claimed_at: new Date(), ...claimer,
    }).execute();
  }
}

beforeAll(async () => {
  server = await createTestServer();
  province = await actorFor(server.ctx, (await (await server.signIn(ADMIN_PHONE)).get('/api/v1/auth/me')).body.user.id);
  // A county away from the demo's (210321), with a township holding two stations, and another township.
  const first = await server.ctx.db.selectFrom('sites').select('region_code').where('kind', '=', 'station').where('region_code', 'not like', '210321%')
    .orderBy('id').executeTakeFirstOrThrow();
  const stations = await server.ctx.db.selectFrom('sites').select(['id', 'region_code']).where('kind', '=', 'station')
    .where('region_code', 'like', `${first.region_code.slice(0, 6)}%`).orderBy('id').execute();
  const township = (code: string) => code.slice(0, 9);
  const [a, b] = stations.filter((s, _, all) => all.filter((o) => township(o.region_code) === township(s.region_code)).length >= 2)
    .filter((s, _, pairs) => township(s.region_code) === township(pairs[0]!.region_code));
  const d = stations.find((s) => township(s.region_code) !== township(a!.region_code))!;
  const row = { a: a!.id, a_code: a!.region_code, b: b!.id, b_code: b!.region_code, d: d.id, d_code: d.region_code };
  Object.assign(at, { A: { id: row.a, regionCode: row.a_code }, B: { id: row.b, regionCode: row.b_code }, D: { id: row.d, regionCode: row.d_code } });
  for (const [site, [latitude, longitude]] of [[row.a, [41, 123]], [row.b, [41, 123.05]], [row.d, [41.3, 123.3]]] as const) {
    await server.ctx.db.updateTable('sites').set({ latitude, longitude }).where('id', '=', site).execute();
  }

  await team('甲队', 'A', 'assistance'); // category + on the spot: 40 + 30 = 70
  await team('乙队', 'B', 'assistance'); // category + 4.2 km: 40 + 22 = 62
  await team('丙队', 'A', 'education'); // on the spot only: 30
  await team('丁队', 'A', 'assistance'); // like 甲队 but 2 wishes in hand: 70 - 10 = 60
  await team('戊队', 'A', 'assistance'); // like 甲队, with a barber among its members: 70 + 10 + 1 member = 81
  await team('己队', 'A', 'assistance'); // exactly 甲队's score: after it by id
  await claimedWishes(2, { claimer_organization_id: teams['丁队']! });

  await volunteer('志愿一', 'A', { categories: ['assistance'], skills: ['理发'], availability: ['weekend'] }); // 30 + 15 + 30 + 15 = 90
  await volunteer('志愿二', 'A', { categories: ['assistance'], skills: ['陪伴聊天'], availability: ['weekday_evening'] }); // 30 + 30 = 60
  await volunteer('志愿三', 'B', { categories: ['assistance'], skills: ['理发'], availability: ['anytime'] }); // 30 + 15 + 22 + 15 = 82
  await volunteer('志愿四', 'A', { categories: ['assistance'], skills: ['理发'], availability: ['weekend'] }); // 90 - 10 = 80
  await volunteer('志愿五', 'D', { categories: ['assistance'], skills: ['理发'], availability: ['weekend'] }); // another township: not suggested
  await volunteer('理发师', 'A', { categories: ['culture_arts'], skills: ['理发'], availability: ['weekday_day'] }); // 15 + 30 = 45
  await claimedWishes(2, { claimer_volunteer_id: people['志愿四']! });
  await server.ctx.db.insertInto('memberships').values({ organization_id: teams['戊队']!, volunteer_id: people['理发师']!, status: 'active' }).execute();
  await server.ctx.db.updateTable('organizations').set({ member_count: 1 }).where('id', '=', teams['戊队']!).execute();
});
afterAll(() => server?.close());

describe('suggestions', () => {
  const haircut = () => suggest(server.ctx, province, { regionCode: at.A.regionCode, categories: ['assistance'], siteId: at.A.id, text: '上门理发', schedule: '每周六上午' });

  it('rank teams by category, members’ skills, distance and load, ties by id', async () => {
    const { organizations } = await haircut();
    expect(names(organizations)).toEqual(['戊队', '甲队', '己队', '乙队', '丁队', '丙队']);
    expect(organizations.map((s) => s.score)).toEqual([81, 70, 70, 62, 60, 30]);
    expect(reasonsOf(organizations, '戊队')).toEqual(['服务类别相符：扶危帮困', '1 名成员有所需技能', '距离约 0 公里', '成员 1 人', '手头没有在办的事']);
    expect(reasonsOf(organizations, '乙队')).toContain('距离约 4.2 公里');
    expect(reasonsOf(organizations, '丁队')).toContain('手头在办 2 件');
  });

  it('rank volunteers by category, skills, distance, availability at the wanted time and load; only the township', async () => {
    const { volunteers } = await haircut();
    expect(names(volunteers)).toEqual(['志愿一', '志愿三', '志愿四', '志愿二', '理发师']);
    expect(volunteers.map((s) => s.score)).toEqual([90, 82, 80, 60, 45]);
    expect(reasonsOf(volunteers, '志愿一')).toEqual(['愿意从事：扶危帮困', '技能：理发', '距离约 0 公里', '周末有空', '手头没有在办的事']);
    expect(reasonsOf(volunteers, '志愿三')).toEqual(expect.arrayContaining(['随时有空', '距离约 4.2 公里']));
    expect(reasonsOf(volunteers, '志愿四')).toContain('手头在办 2 件');
  });

  it('fall back to the region codes shared when the site has no coordinates, and to no time when none is given', async () => {
    const { organizations, volunteers } = await suggest(server.ctx, province, { regionCode: at.A.regionCode, categories: ['assistance'], text: '上门理发' });
    // 乙队 (same township: 40 + 20) and 丁队 (70 - 10) tie at 60: the older first.
    expect(names(organizations)).toEqual(['戊队', '甲队', '己队', '乙队', '丁队', '丙队']);
    expect(reasonsOf(organizations, '甲队')).toContain('同一社区（村）');
    expect(reasonsOf(organizations, '乙队')).toContain('同一街道（乡镇）');
    // Without a time, only "anytime" earns anything (5): 志愿一 75, 志愿三 30 + 15 + 20 + 5 = 70, 志愿四 65.
    expect(names(volunteers)).toEqual(['志愿一', '志愿三', '志愿四', '志愿二', '理发师']);
    expect(volunteers.map((s) => s.score)).toEqual([75, 70, 65, 60, 45]);
  });

  it('are the same for the order on the staff API, its time taken from its menu item', async () => {
    const admin = await server.signIn(ADMIN_PHONE);
    const item = await server.ctx.db.insertInto('menu_items').values({
      site_id: at.A.id, region_code: at.A.regionCode, organization_id: teams['甲队']!, title: '上门理发', category: 'assistance', schedule: '每周六上午', status: 'approved',
    }).returning('id').executeTakeFirstOrThrow();
    const order = await server.ctx.db.insertInto('orders').values({
      menu_item_id: item.id, title: '上门理发', category: 'assistance', resident_id: province.userId, site_id: at.A.id, region_code: at.A.regionCode,
      handler_site_id: at.A.id, handler_region_code: at.A.regionCode, status: 'triaged',
    }).returning('id').executeTakeFirstOrThrow();
    const answer = await admin.get(`/api/v1/orders/${order.id}/suggestions`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(JSON.parse(JSON.stringify(await haircut())));
  });
});

describe('the time a schedule names', () => {
  it('reads weekends, weekdays, evenings and holidays from the words', () => {
    expect(timesOf('每周六上午')).toEqual(['weekend']);
    expect(timesOf('每周三晚上')).toEqual(['weekday_evening']);
    expect(timesOf('工作日白天')).toEqual(['weekday_day']);
    expect(timesOf('节假日')).toEqual(['holiday']);
    expect(timesOf('每天')).toEqual(['weekday_day', 'weekend']);
    expect(timesOf('预约')).toEqual([]);
    expect(timesOf(null)).toEqual([]);
  });
});
