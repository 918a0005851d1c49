// The demo county's service: brands, an approved project of the neighbours' team, an
// activity next weekend open for sign-up, one happening now (to try the check-in), and
// one last week already confirmed, so the demo volunteer has hours and a certificate.
import type { AppContext } from '../context.ts';
import type { Actor } from '../lib/scope.ts';
import * as activities from '../modules/activities/service.ts';
import { buildActivity, buildProject } from './factories.ts';

const HOUR = 3600_000;
const BRANDS = ['邻里守望', '关心关爱一老一幼', '情暖辽宁·志愿有我'];

export async function seedDemoActivities(ctx: AppContext, centerAdmin: Actor, place: { organizationId: number; stationId: number; volunteerIds: number[] }) {
  const brandIds: number[] = [];
  for (const name of BRANDS) {
    const row = await ctx.db.insertInto('brands').values({ name, region_code: '210000000000' })
      .onConflict((oc) => oc.column('name').doNothing()).returning('id').executeTakeFirst();
    if (row) brandIds.push(row.id);
  }
  const project = await buildProject(ctx, centerAdmin, {
    organizationId: place.organizationId, name: '庆南社区邻里守望行动', brandId: brandIds[0] ?? null, targetGroup: '空巢老人、留守儿童',
    description: '每周走访辖区空巢老人，代买代办、陪伴聊天、健康提醒。',
  });
  const at = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();
  const base = { projectId: project.id, siteId: place.stationId, latitude: 41.4102, longitude: 122.4401, address: '庆南社区党群服务中心' };
  await buildActivity(ctx, centerAdmin, { ...base, title: '周末走访空巢老人', quota: 12, startsAt: at(5 * 24), endsAt: at(5 * 24 + 3), recruitUntil: at(5 * 24) });
  await buildActivity(ctx, centerAdmin, { ...base, title: '社区义诊（正在进行）', quota: 20, startsAt: at(-0.5), endsAt: at(3), recruitUntil: at(3) });
  const past = await buildActivity(ctx, centerAdmin, {
    ...base, title: '敬老院文艺慰问', quota: 10, startsAt: at(-7 * 24), endsAt: at(-7 * 24 + 3), recruitFrom: at(-9 * 24), recruitUntil: at(-7 * 24),
  });
  const attended = place.volunteerIds.slice(0, 6);
  await ctx.db.insertInto('signups').values(attended.map((volunteerId) => ({ activity_id: past.id, volunteer_id: volunteerId, status: 'confirmed' }))).execute();
  await ctx.db.updateTable('activities').set({ confirmed_count: attended.length, people_served: 46 }).where('id', '=', past.id).execute();
  for (const volunteerId of attended) {
    await activities.markRoster(ctx, centerAdmin, past.id, volunteerId, { checkInAt: at(-7 * 24), checkOutAt: at(-7 * 24 + 2.5) });
  }
  await activities.confirmAttendance(ctx, centerAdmin, past.id);
}
