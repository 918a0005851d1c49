// The demo county looking after people: 庆南社区's care group (the demo volunteer among its
// members) with two recipients, one of them past their visit plan; a unit paired with the
// community; an online first-aid course whose quiz grants the qualification an activity
// next week asks for, an offline session of it with a lecturer; and an open call-up for
// the emergency reserve.
import type { AppContext } from '../context.ts';
import { chinaDayFrom } from '../lib/id-number.ts';
import type { Actor } from '../lib/scope.ts';
import * as callups from '../modules/callups/service.ts';
import * as care from '../modules/care/service.ts';
import * as training from '../modules/training/service.ts';
import { buildActivity } from './factories.ts';

const DAY = 24 * 3600_000;
const HOUR = 3600_000;

export const DEMO_QUALIFICATION = '应急救护';
export const DEMO_COURSE = '应急救护基础知识';
export const DEMO_QUALIFIED_ACTIVITY = '社区应急救护演练';
export const DEMO_CALLUP = '防汛应急动员';

export interface CareActors {
  center: Actor;
  station: Actor;
  volunteer: Actor;
}

export async function seedDemoCare(ctx: AppContext, who: CareActors, place: { stationId: number; memberIds: number[] }) {
  const [me, ...others] = place.memberIds;
  const group = await care.createGroup(ctx, who.station, { name: '庆南社区关爱帮扶小组', siteId: place.stationId, memberIds: [me!, ...others.slice(0, 2)] });
  const due = await care.addRecipient(ctx, who.station, {
    groupId: group.id, kind: 'elderly_alone', name: '孙秀英', phone: '13900005501', address: '庆南社区5号楼1单元302', needs: '独居，高血压，行动不便',
    visitEveryDays: 14, caretakerId: me!, consent: true,
  });
  // Visited 20 days ago, every 14 days: six days overdue, on the coverage report.
  await care.logVisit(ctx, who.volunteer, due.id, { clientId: 'demo-visit-sun-1', visitedOn: chinaDayFrom(-20), kind: 'home', summary: '上门看望，量了血压，帮忙打扫卫生。' });
  const child = await care.addRecipient(ctx, who.station, {
    groupId: group.id, kind: 'left_behind_child', name: '周小宇', address: '庆南社区8号楼', needs: '父母在外务工，随奶奶生活，需课业辅导',
    visitEveryDays: 30, caretakerId: me!, consent: true,
  });
  await care.logVisit(ctx, who.volunteer, child.id, { clientId: 'demo-visit-zhou-1', visitedOn: chinaDayFrom(-3), kind: 'home', summary: '辅导作业一小时，和奶奶聊了孩子近况。' });
  await care.createUnitPair(ctx, who.center, {
    unitName: '台安县卫生健康局', unitType: 'party_government', siteId: place.stationId, unitContactName: '孟科长', unitContactPhone: '13900005502',
    communityContactName: '赵站长', startedOn: '2026-03-01',
  });

  const lecturer = await training.createLecturer(ctx, who.center, { name: '王医生', title: '县医院急诊科主治医师', expertise: ['急救', '心肺复苏'], regionCode: '210321000000' });
  const course = await training.createCourse(ctx, who.center, {
    title: DEMO_COURSE, mode: 'online', category: '应急救护', siteId: place.stationId, passMark: 60, grantsQualification: DEMO_QUALIFICATION,
    description: '学习心肺复苏、止血包扎等基本救护知识，通过测验即取得“应急救护”资质。',
    quiz: [
      { question: '发现有人倒地，第一步应该做什么？', options: ['立即离开', '确认环境安全并判断意识', '马上喂水'], answer: 1 },
      { question: '成人心肺复苏按压与通气的比例是？', options: ['30:2', '15:1', '5:1'], answer: 0 },
      { question: '急救电话是多少？', options: ['110', '119', '120'], answer: 2 },
    ],
  });
  const start = Date.now() + 6 * DAY;
  await training.createSession(ctx, who.center, {
    courseId: course.id, siteId: place.stationId, lecturerId: lecturer.id, capacity: 30,
    startsAt: new Date(start).toISOString(), endsAt: new Date(start + 2 * HOUR).toISOString(),
  });
  const project = await ctx.db.selectFrom('projects').select('id').where('name', '=', '庆南社区邻里守望行动').executeTakeFirstOrThrow();
  await buildActivity(ctx, who.center, {
    projectId: project.id, siteId: place.stationId, title: DEMO_QUALIFIED_ACTIVITY, quota: 8, requiredQualification: DEMO_QUALIFICATION,
    address: '庆南社区党群服务中心', latitude: 41.4102, longitude: 122.4401,
    startsAt: new Date(Date.now() + 8 * DAY).toISOString(), endsAt: new Date(Date.now() + 8 * DAY + 2 * HOUR).toISOString(), recruitUntil: new Date(Date.now() + 7 * DAY).toISOString(),
  });

  await callups.createCallup(ctx, who.center, {
    title: DEMO_CALLUP, description: '台安县境内持续强降雨，请应急志愿者到指定岗位协助转移群众、巡查堤坝。', areaPrefix: '210321',
    headcount: 20, reserveOnly: true,
    posts: [
      { name: '庆南社区群众转移点', siteId: place.stationId, address: '庆南社区党群服务中心', capacity: 10 },
      { name: '八角台河堤巡查', address: '八角台街道河堤', capacity: 10 },
    ],
  });
  await callups.runFanOut(ctx);
}
