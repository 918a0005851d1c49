// The demo county's people: real-name volunteers across 八角台街道's communities, teams on
// the county center and the station (one led by the demo team leader), members, and
// two registrations waiting for the station admin's approval.
import type { AppContext } from '../context.ts';
import type { Availability, ServiceCategory } from '../lib/categories.ts';
import type { Actor } from '../lib/scope.ts';
import { buildOrganization, buildVolunteer, nextIdNumber, nextPhone } from './factories.ts';

const surnames = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何林高罗';
const givenNames = ['淑芬', '建国', '秀兰', '志强', '桂英', '海燕', '德明', '丽娟', '国华', '玉梅', '春生', '晓红', '文博', '雪', '宏伟'];
const skillSets = [['急救', '护理'], ['书法', '绘画'], ['法律咨询'], ['理发'], ['家电维修'], ['广场舞', '声乐'], ['心理疏导'], ['课业辅导', '英语']];
const categoriesFor: ServiceCategory[][] = [
  ['medical_fitness'], ['culture_arts'], ['legal'], ['assistance'], ['assistance', 'science'], ['culture_arts'], ['assistance'], ['education'],
];

export interface DemoPeople {
  centerId: number;
  stationIds: number[];
  volunteerUserId: number;
  leaderUserId: number;
}

export async function seedDemoVolunteers(ctx: AppContext, centerAdmin: Actor, people: DemoPeople) {
  const [home] = people.stationIds;
  const volunteerIds: number[] = [];
  for (let i = 0; i < 36; i += 1) {
    const made = await buildVolunteer(ctx, {
      siteId: people.stationIds[i % people.stationIds.length]!,
      name: `${surnames[i % surnames.length]}${givenNames[(i * 7) % givenNames.length]}`,
      idNumber: nextIdNumber({ birthYear: 1950 + ((i * 3) % 50), sex: i % 3 === 0 ? 'F' : 'M' }),
      phone: nextPhone(),
      skills: skillSets[i % skillSets.length],
      categories: categoriesFor[i % categoriesFor.length],
      availability: i % 2 ? ['weekend'] : ['weekday_evening', 'weekend'],
      partyMember: i % 4 === 0,
      emergencyReserve: i % 5 === 0,
    });
    volunteerIds.push(made.id);
  }
  const mine = await buildVolunteer(ctx, {
    siteId: home!, name: '陈志愿', phone: '13800000005', userId: people.volunteerUserId, source: 'self',
    categories: ['assistance', 'culture_arts'], skills: ['声乐'], availability: ['weekend'], partyMember: true, emergencyReserve: true,
  });
  const leader = await buildVolunteer(ctx, {
    siteId: home!, name: '刘队长', phone: '13800000004', userId: people.leaderUserId, source: 'self', categories: ['assistance'], skills: ['急救'],
    availability: ['weekday_evening'],
  });
  const waiting: { name: string; skills: string[]; availability: Availability[] }[] = [
    { name: '孙丽华', skills: ['烹饪'], availability: ['weekday_day'] }, { name: '钱永刚', skills: ['驾驶'], availability: ['holiday'] },
  ];
  for (const person of waiting) await buildVolunteer(ctx, { siteId: home!, ...person, source: 'self', status: 'pending' });

  const corps = await buildOrganization(ctx, centerAdmin, { siteId: people.centerId, name: '台安县新时代文明实践志愿服务总队', category: 'assistance' });
  const medical = await buildOrganization(ctx, centerAdmin, {
    siteId: people.centerId, name: '台安县卫生健康志愿服务队', category: 'medical_fitness',
    sponsorType: 'party_government', sponsorName: '台安县卫生健康局', parentId: corps.id,
  });
  const neighbours = await buildOrganization(ctx, centerAdmin, {
    siteId: home!, name: '庆南社区邻里守望志愿服务队', category: 'assistance', contactName: '刘队长', contactPhone: '13800000004',
    description: '关爱空巢老人、留守儿童，每周走访',
  });
  await addMembers(ctx, medical.id, volunteerIds.filter((_, i) => i % 8 === 0));
  const neighbourMembers = [leader.id, mine.id, ...volunteerIds.filter((_, i) => i % 3 === 0)];
  await addMembers(ctx, neighbours.id, neighbourMembers);
  await ctx.db.updateTable('organizations').set({ leader_volunteer_id: leader.id }).where('id', '=', neighbours.id).execute();
  return { neighboursId: neighbours.id, neighbourMembers, volunteerIds: [mine.id, leader.id, ...volunteerIds] };
}

/** Active members, with the count kept as the membership code keeps it. */
async function addMembers(ctx: AppContext, organizationId: number, volunteerIds: number[]) {
  await ctx.db.insertInto('memberships')
    .values(volunteerIds.map((volunteerId) => ({ organization_id: organizationId, volunteer_id: volunteerId, status: 'active', decided_at: new Date() })))
    .execute();
  await ctx.db.updateTable('organizations').set({ member_count: volunteerIds.length }).where('id', '=', organizationId).execute();
}
