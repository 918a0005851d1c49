// The demo county's residents asking and the network answering: a province-wide campaign,
// wishes at every stage on 庆南社区's wall, a menu, and orders at every stage, one of them
// left too long and escalated to 八角台街道's board.
import type { AppContext } from '../context.ts';
import { chinaDayFrom } from '../lib/id-number.ts';
import type { Actor } from '../lib/scope.ts';
import * as orders from '../modules/orders/service.ts';
import * as wishes from '../modules/wishes/service.ts';

export interface DemoActors {
  province: Actor;
  center: Actor;
  station: Actor;
  resident: Actor;
  volunteer: Actor;
  leader: Actor;
}

// The campaign runs around the day of seeding: wishes go only into a campaign that is on.
export async function seedDemoWishes(ctx: AppContext, who: DemoActors, place: { stationId: number; teamId: number; memberIds: number[] }) {
  const campaign = await wishes.createCampaign(ctx, who.province, {
    name: '百万志愿者圆百万微心愿', regionCode: '210000000000', startsOn: chinaDayFrom(-60), endsOn: chinaDayFrom(300), valueCapYuan: 500,
    description: '全省志愿者认领困难群众的微心愿，一个心愿一份温暖。',
  });
  const post = (title: string, story: string, category: wishes.WishInput['category'], group: wishes.WishInput['beneficiaryGroup'], name: string) =>
    wishes.postWish(ctx, who.resident, { title, story, category, beneficiaryGroup: group, beneficiaryName: name, siteId: place.stationId, campaignId: campaign.id, estimatedValueYuan: 150 });
  const approve = (id: number) => wishes.reviewWish(ctx, who.station, id, { decision: 'approve' });

  const bag = await post('想要一个新书包', '孙子上三年级，书包已经破了，想要一个新书包上学用。', 'study', 'left_behind_child', '王小宝');
  await approve(bag.id);
  const visit = await post('想请人陪我去医院复查', '腿脚不便，儿女在外地，想请志愿者陪我去县医院复查。', 'company', 'elderly_alone', '王大爷');
  await approve(visit.id);
  await wishes.claimWish(ctx, who.volunteer, visit.id, { as: 'volunteer', days: 7 });
  const heater = await post('冬天想有个电暖器', '家里只有一个小太阳，想要一台电暖器过冬。', 'daily', 'family_in_difficulty', '王桂兰');
  await approve(heater.id);
  await wishes.claimWish(ctx, who.leader, heater.id, { as: 'organization', organizationId: place.teamId });
  await wishes.fulfilWish(ctx, who.leader, heater.id, { note: '电暖器已送到家中并教会使用。', participants: place.memberIds.slice(0, 2).map((volunteerId) => ({ volunteerId, minutes: 60 })) });
  await wishes.confirmWish(ctx, who.resident, heater.id);
  await post('想学用智能手机视频通话', '想和在外地打工的儿子视频，不会用手机。', 'company', 'elderly_alone', '王大爷');

  const haircut = await orders.createMenuItem(ctx, who.center, {
    siteId: place.stationId, organizationId: place.teamId, title: '上门理发', category: 'assistance', schedule: '每周三上午', place: '到家服务',
    description: '为行动不便的老人上门理发',
  });
  await orders.createMenuItem(ctx, who.center, {
    siteId: place.stationId, organizationId: place.teamId, title: '测血压·健康咨询', category: 'medical_fitness', schedule: '每周六上午', place: '庆南社区党群服务中心',
  });
  await orders.placeOrder(ctx, who.resident, { menuItemId: haircut.id, siteId: place.stationId, address: '庆南社区3号楼2单元' });
  const served = await orders.placeOrder(ctx, who.resident, { title: '帮忙修水龙头', category: 'assistance', siteId: place.stationId, address: '庆南社区3号楼2单元' });
  await orders.triageOrder(ctx, who.station, served.id);
  await orders.dispatchOrder(ctx, who.station, served.id, { organizationId: place.teamId });
  await orders.acceptOrder(ctx, who.leader, served.id);
  await orders.deliverOrder(ctx, who.leader, served.id, { report: '已更换水龙头，检查了管道。', participants: [{ volunteerId: place.memberIds[0]!, minutes: 45 }] });
  await orders.rateOrder(ctx, who.resident, served.id, { score: 5, comment: '来得及时，谢谢！' });
  const waiting = await orders.placeOrder(ctx, who.resident, { title: '陪同办理医保', category: 'assistance', siteId: place.stationId });
  await orders.triageOrder(ctx, who.station, waiting.id);
  await orders.dispatchOrder(ctx, who.station, waiting.id, { organizationId: place.teamId });
  // Left too long: two days past its deadline, it has gone up to 八角台街道's board.
  const forgotten = await orders.placeOrder(ctx, who.resident, { title: '楼道灯坏了想请人修', category: 'assistance', siteId: place.stationId });
  await ctx.db.updateTable('orders').set({ deadline: new Date(Date.now() - 3600_000) }).where('id', '=', forgotten.id).execute();
  await orders.escalateOverdueOrders(ctx);
}
