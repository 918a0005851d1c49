// The demo county a new user finds on first start: 台安县 (Anshan), with staff on every
// level, a team leader, a volunteer and a resident, practice points on the map, and
// volunteers with their teams.
// Each capability adds its part here, through the same factories the tests use.
import type { AppContext } from '../context.ts';
import type { Actor } from '../lib/scope.ts';
import { findSiteByRegion } from '../modules/sites/service.ts';
import { seedDemoActivities } from './demo-activities.ts';
import { seedDemoCare } from './demo-care.ts';
import { seedDemoVolunteers } from './demo-volunteers.ts';
import { seedDemoWishes } from './demo-wishes.ts';
import { actorFor, buildPoint, buildUser } from './factories.ts';

export const DEMO_COUNTY = '210321000000'; // 鞍山市台安县
const DEMO_TOWNSHIP = '210321001000'; // 八角台街道
const DEMO_VILLAGE = '210321001021'; // 庆南社区

export interface DemoAccount {
  role: string;
  name: string;
  phone: string;
}

async function siteOn(ctx: AppContext, regionCode: string, kind: 'center' | 'institute' | 'station') {
  const site = await findSiteByRegion(ctx, regionCode, kind);
  if (!site) throw new Error(`demo: no ${kind} on ${regionCode}; was the network seeded?`);
  return site;
}

async function demoPoints(ctx: AppContext, actor: Actor, ids: { center: number; institute: number; station: number }) {
  await buildPoint(ctx, actor, {
    parentId: ids.center, name: '台安县文化广场实践点', pointType: 'square', address: '台安县八角台街道中心街', longitude: 122.4297, latitude: 41.4125,
    description: '每周六文艺志愿服务、理论宣讲',
  });
  await buildPoint(ctx, actor, {
    parentId: ids.institute, name: '八角台街道图书馆实践点', pointType: 'library', address: '八角台街道文化路8号', longitude: 122.4358, latitude: 41.4168,
  });
  await buildPoint(ctx, actor, {
    parentId: ids.station, name: '王大姐家庭工作坊', pointType: 'family_workshop', address: '庆南社区3号楼', longitude: 122.4401, latitude: 41.4102,
    contactName: '王淑芬', description: '剪纸、编织，带动留守妇女居家就业',
  });
}

export async function seedDemo(ctx: AppContext, password: string, phones: string[]): Promise<DemoAccount[]> {
  const center = await siteOn(ctx, DEMO_COUNTY, 'center');
  const institute = await siteOn(ctx, DEMO_TOWNSHIP, 'institute');
  const station = await siteOn(ctx, DEMO_VILLAGE, 'station');
  const people = [
    { role: 'center_admin', name: '李中心', siteId: center.id },
    { role: 'institute_admin', name: '张所长', siteId: institute.id },
    { role: 'station_admin', name: '赵站长', siteId: station.id },
    { role: 'team_leader', name: '刘队长', siteId: station.id },
    { role: 'volunteer', name: '陈志愿', siteId: station.id },
    { role: 'resident', name: '王大爷', siteId: station.id },
  ] as const;
  const accounts: DemoAccount[] = [];
  const userIds = new Map<string, number>();
  for (const [index, person] of people.entries()) {
    const phone = phones[index]!;
    const { userId } = await buildUser(ctx, { name: person.name, phone, password, role: person.role, siteId: person.siteId });
    userIds.set(person.role, userId);
    accounts.push({ role: person.role, name: person.name, phone });
  }
  const centerAdmin = await actorFor(ctx, userIds.get('center_admin')!);
  await demoPoints(ctx, centerAdmin, { center: center.id, institute: institute.id, station: station.id });
  const neighbours = await Promise.all(['210321001022', '210321001023'].map((code) => siteOn(ctx, code, 'station')));
  const demoPeople = await seedDemoVolunteers(ctx, centerAdmin, {
    centerId: center.id,
    stationIds: [station.id, ...neighbours.map((site) => site.id)],
    volunteerUserId: userIds.get('volunteer')!,
    leaderUserId: userIds.get('team_leader')!,
  });
  await seedDemoActivities(ctx, centerAdmin, {
    organizationId: demoPeople.neighboursId, stationId: station.id, volunteerIds: demoPeople.volunteerIds,
  });
  const province = await ctx.db.selectFrom('grants').select('user_id').where('role', '=', 'province_admin').executeTakeFirstOrThrow();
  const actor = (role: string) => actorFor(ctx, userIds.get(role)!);
  await seedDemoWishes(ctx, {
    province: await actorFor(ctx, province.user_id), center: centerAdmin, station: await actor('station_admin'),
    resident: await actor('resident'), volunteer: await actor('volunteer'), leader: await actor('team_leader'),
  }, { stationId: station.id, teamId: demoPeople.neighboursId, memberIds: demoPeople.neighbourMembers.slice(2) });
  await seedDemoCare(ctx, { center: centerAdmin, station: await actor('station_admin'), volunteer: await actor('volunteer') }, { stationId: station.id, memberIds: demoPeople.volunteerIds });
  return accounts;
}
