// Micro-wishes (微心愿): a resident (or staff for them) posts; the station reviews (approve,
// reject with a reason, merge a duplicate); the wall shows it with the beneficiary masked;
// one volunteer, team or unit claims it with a deadline; they fulfil it; the resident (or
// the station for them) confirms. Campaigns count collected and fulfilled as it happens.
import { sql } from 'kysely';
import { inTransaction, type AppContext } from '../../context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { chinaToday } from '../../lib/id-number.ts';
import { decodeCursor, pageOf } from '../../lib/paging.ts';
import { maskName, maskPhone } from '../../lib/pii.ts';
import { regionLineage } from '../../lib/region-code.ts';
import { covers, isAdmin, requireAdmin, requireInScope, type Actor } from '../../lib/scope.ts';
import { textSimilarity } from '../../lib/similarity.ts';
import { ShortCache } from '../../lib/short-cache.ts';
import { move, started, timeline, type Move } from '../../lib/workflow.ts';
import { checkOwnFiles } from '../files/service.ts';
import * as hours from '../hours/service.ts';
import * as inbox from '../inbox/service.ts';
import * as matching from '../matching/service.ts';
import * as organizations from '../organizations/service.ts';
import * as regions from '../regions/service.ts';
import * as sites from '../sites/service.ts';
import * as volunteers from '../volunteers/service.ts';
import * as q from './queries.ts';

export const wishCategories = ['study', 'daily', 'company', 'health', 'repair', 'other'] as const;
export const wishStatuses = ['submitted', 'rejected', 'merged', 'published', 'claimed', 'fulfilled', 'confirmed', 'withdrawn'] as const;
export type WishStatus = (typeof wishStatuses)[number];
export const beneficiaryGroups = ['elderly_alone', 'left_behind_child', 'disabled', 'family_in_difficulty', 'other'] as const;
const HOUR = 3600_000;

/** Staff read their messages in the console (the wish opened there); everyone else on the phone. */
const consoleLink = (id: number) => `/wishes?id=${id}`;
const phoneLink = (id: number) => `/m/wishes/${id}`;
/** The poster: a resident on the phone, or the staff who posted for a resident without one. */
const posterLink = (wish: { id: number; on_behalf: boolean }) => (wish.on_behalf ? consoleLink(wish.id) : phoneLink(wish.id));
/** The claimer: a volunteer or a team's manager on the phone, the staff for a unit in the console. */
const claimerLink = (wish: { id: number; claimer_unit: string | null }) => (wish.claimer_unit ? consoleLink(wish.id) : phoneLink(wish.id));

/** Tells the staff of the wish's station (but not the one who acted), pointing to the wish in the console. */
async function tellStation(tx: AppContext, wish: { id: number; site_id: number }, message: Omit<inbox.Message, 'link'>, except: number | null = null) {
  const staff = (await sites.staffOf(tx, wish.site_id)).filter((id) => id !== except);
  await inbox.notify(tx, staff, { ...message, link: consoleLink(wish.id) });
}

export interface WishInput {
  title: string;
  story: string;
  category: (typeof wishCategories)[number];
  beneficiaryGroup: (typeof beneficiaryGroups)[number];
  beneficiaryName: string;
  beneficiaryPhone?: string | null | undefined;
  estimatedValueYuan?: number | null | undefined;
  siteId: number;
  campaignId?: number | null | undefined;
}

function invalid(field: string, zh: string, en: string) {
  return new AppError('VALIDATION_FAILED', { field, detail: { zh, en } });
}

/** What may be shown to whom: the beneficiary's name and phone only to those serving them. */
function present(ctx: AppContext, row: q.WishWithNames, canSeeBeneficiary: boolean) {
  return {
    id: row.id,
    title: row.title,
    story: row.story,
    category: row.category,
    beneficiaryGroup: row.beneficiary_group,
    beneficiaryName: canSeeBeneficiary ? ctx.pii.decrypt(row.beneficiary_name_enc) : row.beneficiary_name_masked,
    beneficiaryPhone: canSeeBeneficiary && row.beneficiary_phone_enc ? ctx.pii.decrypt(row.beneficiary_phone_enc) : row.beneficiary_phone_masked,
    estimatedValueYuan: row.estimated_value_yuan,
    site: { id: row.site_id, name: row.site_name, regionCode: row.region_code },
    campaign: row.campaign_id ? { id: row.campaign_id, name: row.campaign_name ?? '' } : null,
    status: row.status as WishStatus,
    rejectReason: row.reject_reason,
    mergedIntoId: row.merged_into_id,
    claimer: row.claimed_at
      ? { kind: (row.claimer_volunteer_id ? 'volunteer' : row.claimer_organization_id ? 'organization' : 'unit') as 'volunteer' | 'organization' | 'unit',
        name: row.claimer_organization_name ?? (row.claimer_volunteer_name ? maskName(row.claimer_volunteer_name) : row.claimer_unit ?? '') }
      : null,
    claimDeadline: row.claim_deadline?.toISOString() ?? null,
    fulfilNote: row.fulfil_note,
    fulfilPhotos: row.fulfil_photos.map((id) => `/api/v1/files/${id}`),
    overdue: row.overdue_at !== null,
    createdAt: row.created_at.toISOString(),
  };
}

/** Staff over the wish's site, its poster, and its claimer serve the beneficiary. */
async function servesBeneficiary(ctx: AppContext, actor: Actor | null, row: q.WishWithNames) {
  if (!actor) return false;
  if (covers(actor, row.region_code) || row.posted_by === actor.userId || row.claimed_by === actor.userId) return true;
  if (row.claimer_user_id === actor.userId) return true;
  return row.claimer_organization_id !== null && (await organizations.organizationManagedBy(ctx, actor, row.claimer_organization_id)) !== null;
}

async function detail(ctx: AppContext, actor: Actor | null, row: q.WishWithNames) {
  const events = await timeline(ctx, 'wish', row.id);
  return {
    ...present(ctx, row, await servesBeneficiary(ctx, actor, row)),
    timeline: events.map((e) => ({ from: e.from_status, to: e.to_status, note: e.note, actor: e.actor_name ? maskName(e.actor_name) : null, at: e.at.toISOString() })),
  };
}

async function checkCampaign(ctx: AppContext, input: WishInput, regionCode: string, beneficiaryKey: string) {
  if (!input.campaignId) return;
  const campaign = await q.findCampaign(ctx.db, input.campaignId);
  if (!campaign || !regionCode.startsWith(campaign.region_code.replace(/0+$/, ''))) throw notFound('campaignId');
  // A campaign collects between its dates (China's calendar); the counts are its results.
  const today = chinaToday();
  if (today < campaign.starts_on) {
    throw invalid('campaignId', `该微心愿活动 ${campaign.starts_on} 才开始征集心愿`, `This campaign collects wishes from ${campaign.starts_on}`);
  }
  if (today > campaign.ends_on) {
    throw invalid('campaignId', `该微心愿活动已于 ${campaign.ends_on} 结束，不再征集心愿`, `This campaign ended on ${campaign.ends_on} and takes no more wishes`);
  }
  if (campaign.value_cap_yuan !== null && (input.estimatedValueYuan ?? 0) > campaign.value_cap_yuan) {
    throw invalid('estimatedValueYuan', `本次活动每个心愿价值不超过 ${campaign.value_cap_yuan} 元`, `This campaign caps a wish at ${campaign.value_cap_yuan} yuan`);
  }
  if (campaign.one_open_per_family && (await q.openFamilyWishes(ctx.db, campaign.id, beneficiaryKey)).length > 0) {
    throw invalid('beneficiaryName', '本次活动每户只能有一个未完成的心愿', 'One open wish per family in this campaign');
  }
}

/** A resident posts a wish at a site; staff may post for a resident without a phone. */
export async function postWish(ctx: AppContext, actor: Actor, input: WishInput) {
  const site = await sites.findHomeSite(ctx, input.siteId);
  if (!site) throw notFound('siteId');
  const onBehalf = isAdmin(actor);
  if (onBehalf && !covers(actor, site.regionCode)) throw notFound('siteId');
  const name = input.beneficiaryName.trim();
  const beneficiaryKey = ctx.pii.lookupHash('id', `wish:${site.id}:${name}`);
  await checkCampaign(ctx, input, site.regionCode, beneficiaryKey);
  const id = await inTransaction(ctx, async (tx) => {
    const row = await q.insertWish(tx.db, {
      campaign_id: input.campaignId ?? null, title: input.title.trim(), story: input.story.trim(), category: input.category,
      beneficiary_group: input.beneficiaryGroup, beneficiary_name_enc: ctx.pii.encrypt(name), beneficiary_name_masked: maskName(name),
      beneficiary_key: beneficiaryKey,
      beneficiary_phone_enc: input.beneficiaryPhone ? ctx.pii.encrypt(input.beneficiaryPhone) : null,
      beneficiary_phone_masked: input.beneficiaryPhone ? maskPhone(input.beneficiaryPhone) : null,
      estimated_value_yuan: input.estimatedValueYuan ?? null, site_id: site.id, region_code: site.regionCode, posted_by: actor.userId, on_behalf: onBehalf,
    });
    await started(tx, 'wish', row.id, 'submitted', actor.userId);
    await tellStation(tx, { id: row.id, site_id: site.id }, {
      kind: 'wish_new', title: `新的微心愿：${input.title.trim()}`, body: onBehalf ? '工作人员代居民提交，请审核。' : '居民提交了心愿，请审核。',
    }, actor.userId);
    return row.id;
  });
  return detail(ctx, actor, (await q.findWish(ctx.db, id))!);
}

export async function getWish(ctx: AppContext, actor: Actor | null, id: number) {
  const row = await q.findWish(ctx.db, id);
  const visible = row && (['published', 'claimed', 'fulfilled', 'confirmed'].includes(row.status) || (await servesBeneficiary(ctx, actor, row)));
  if (!row || !visible) throw notFound('id');
  return detail(ctx, actor, row);
}

export async function listWishes(ctx: AppContext, actor: Actor, filter: q.WishFilter & { cursor?: string | undefined; limit: number }) {
  requireAdmin(actor);
  const before = decodeCursor(filter.cursor);
  const rows = await q.listScoped(ctx.db, actor, filter, before ? Number(before[0]) : null, filter.limit);
  const page = pageOf(rows, filter.limit, (row) => [row.id]);
  return { items: page.items.map((row) => present(ctx, row, true)), nextCursor: page.nextCursor };
}

/**
 * The public walls, each kept for 2 s: the residents of an area open the same wall, which
 * changes only when a wish moves, and every move here forgets them all (moveWish).
 */
const walls = new ShortCache<{ items: ReturnType<typeof present>[]; nextCursor: string | null }>(2000, 1000);

/**
 * Every move of a wish, in the caller's transaction. Its campaign's counters follow the
 * move into or out of the counted states, whichever move it is (approve, fulfil, withdraw
 * from the wall...), so no path can leave them behind.
 */
async function moveWish(ctx: AppContext, change: Move<'wish'>) {
  walls.forgetWithCommit(ctx);
  const moved = await move(ctx, change);
  const delta = (counted: readonly string[]) => Number(counted.includes(change.to)) - Number(counted.includes(moved.from));
  const counts = { collected: delta(q.campaignCounts.collected), fulfilled: delta(q.campaignCounts.fulfilled) };
  if (counts.collected !== 0 || counts.fulfilled !== 0) await q.adjustCampaignOf(ctx.db, change.id, counts);
  return moved;
}

/** The public wall of an area: beneficiaries masked, stories shown. */
export async function wishWall(ctx: AppContext, filter: q.WishFilter & { under: string; cursor?: string | undefined; limit: number }) {
  const key = JSON.stringify(filter);
  const kept = walls.get(key);
  if (kept) return kept;
  const readAt = walls.generation();
  const before = decodeCursor(filter.cursor);
  const rows = await q.wall(ctx.db, filter, before ? Number(before[0]) : null, filter.limit);
  const page = pageOf(rows, filter.limit, (row) => [row.id]);
  const wall = { items: page.items.map((row) => present(ctx, row, false)), nextCursor: page.nextCursor };
  walls.set(key, wall, readAt);
  return wall;
}

/** Likely duplicates of a wish under review: the same beneficiary, or near-identical text. */
export async function likelyDuplicates(ctx: AppContext, actor: Actor, id: number) {
  const wish = await requireInScope(actor, () => q.findScopedWish(ctx.db, actor, id));
  const text = `${wish.title}${wish.story}`;
  return {
    items: (await q.duplicateCandidates(ctx.db, wish))
      .map((other) => ({ other, sameBeneficiary: other.beneficiary_key === wish.beneficiary_key, similarity: textSimilarity(text, `${other.title}${other.story}`) }))
      .filter((c) => c.sameBeneficiary || c.similarity >= 0.6)
      .sort((a, b) => Number(b.sameBeneficiary) - Number(a.sameBeneficiary) || b.similarity - a.similarity)
      .slice(0, 10)
      .map((c) => ({ wish: present(ctx, c.other, true), sameBeneficiary: c.sameBeneficiary, similarity: Math.round(c.similarity * 100) / 100 })),
  };
}

export type Review = { decision: 'approve' | 'reject' | 'merge'; reason?: string | undefined; mergeIntoId?: number | undefined };

/** The station (or above) approves onto the wall, rejects with a reason, or merges into a duplicate. */
export async function reviewWish(ctx: AppContext, actor: Actor, id: number, review: Review) {
  const wish = await requireInScope(actor, () => q.findScopedWish(ctx.db, actor, id));
  if (review.decision === 'reject' && !review.reason) throw invalid('reason', '驳回须填写原因', 'A rejection needs a reason');
  if (review.decision === 'merge') {
    const target = review.mergeIntoId ? await q.findScopedWish(ctx.db, actor, review.mergeIntoId) : undefined;
    if (!target || target.id === id) throw notFound('mergeIntoId');
  }
  await inTransaction(ctx, async (tx) => {
    const base = { subject: 'wish' as const, id, from: ['submitted'], actorId: actor.userId };
    const stamp = { reviewed_by: actor.userId, reviewed_at: new Date() };
    if (review.decision === 'approve') {
      await moveWish(tx, { ...base, to: 'published', set: stamp });
    } else if (review.decision === 'reject') {
      await moveWish(tx, { ...base, to: 'rejected', note: review.reason!, set: { ...stamp, reject_reason: review.reason! } });
    } else {
      await moveWish(tx, { ...base, to: 'merged', note: `合并到心愿 #${review.mergeIntoId}`, set: { ...stamp, merged_into_id: review.mergeIntoId! } });
    }
    const outcome = { approve: '已通过审核，将在心愿墙展示', reject: `未通过审核：${review.reason ?? ''}`, merge: '与已有心愿重复，已合并' }[review.decision];
    await inbox.notify(tx, [wish.posted_by], { kind: `wish_${review.decision}`, title: `微心愿“${wish.title}”`, body: outcome, link: posterLink(wish) });
  });
  return getWish(ctx, actor, id);
}

export interface Claim {
  as: 'volunteer' | 'organization' | 'unit';
  organizationId?: number | undefined;
  unitName?: string | undefined;
  days?: number | undefined;
}

/** Someone pressed 认领 a moment too late: say so in words a volunteer understands. */
function explainLostClaim(error: unknown): never {
  if (!(error instanceof AppError) || error.code !== 'INVALID_TRANSITION') throw error;
  const detail = error.params.state === 'claimed'
    ? { zh: '这个心愿刚刚被别人认领了，请看看其他心愿', en: 'Someone else has just claimed this wish; please look at the others' }
    : { zh: '这个心愿现在不能认领了，请看看其他心愿', en: 'This wish can no longer be claimed; please look at the others' };
  throw new AppError('INVALID_TRANSITION', { field: 'status', params: error.params, detail });
}

/** Exactly one claimer, however many press at once: the move from published is conditional. */
export async function claimWish(ctx: AppContext, actor: Actor, id: number, claim: Claim, now = new Date()) {
  const set: Parameters<typeof move<'wish'>>[1]['set'] = { claimed_by: actor.userId, claimed_at: now, claim_deadline: new Date(now.getTime() + (claim.days ?? 7) * 24 * HOUR), overdue_at: null };
  if (claim.as === 'volunteer') {
    const me = await volunteers.volunteerOfUser(ctx, actor.userId);
    if (me?.status !== 'active') throw new AppError('FORBIDDEN', { detail: { zh: '请先注册成为志愿者并通过审核', en: 'Register as a volunteer and be approved first' } });
    set.claimer_volunteer_id = me.id;
  } else if (claim.as === 'organization') {
    if (!claim.organizationId || !(await organizations.organizationManagedBy(ctx, actor, claim.organizationId))) throw notFound('organizationId');
    set.claimer_organization_id = claim.organizationId;
  } else {
    requireAdmin(actor);
    if (!claim.unitName) throw invalid('unitName', '请填写认领单位名称', 'Name the unit that claims');
    set.claimer_unit = claim.unitName;
  }
  const wish = await q.findWish(ctx.db, id);
  if (!wish) throw notFound('id');
  await inTransaction(ctx, async (tx) => {
    await moveWish(tx, { subject: 'wish', id, from: ['published'], to: 'claimed', actorId: actor.userId, set }).catch(explainLostClaim);
    await inbox.notify(tx, [wish.posted_by], { kind: 'wish_claimed', title: `微心愿“${wish.title}”已被认领`, body: '认领人会在期限内帮您实现心愿。', link: posterLink(wish) }, { sms: true });
    await inbox.textNumber(tx, wish.beneficiary_phone_enc, `您的微心愿“${wish.title}”已被认领。`);
  });
  return getWish(ctx, actor, id);
}

/** The claimer gives a wish back to the wall. */
export async function releaseWish(ctx: AppContext, actor: Actor, id: number) {
  await inTransaction(ctx, async (tx) => {
    await moveWish(tx, {
      subject: 'wish', id, from: ['claimed'], to: 'published', actorId: actor.userId, note: '认领人放弃',
      when: sql<boolean>`t.claimed_by = ${actor.userId}`,
      set: { claimer_volunteer_id: null, claimer_organization_id: null, claimer_unit: null, claimed_by: null, claimed_at: null, claim_deadline: null },
    });
    const wish = (await q.findWish(tx.db, id))!;
    const title = `微心愿“${wish.title}”重新等待认领`;
    await inbox.notify(tx, [wish.posted_by], { kind: 'wish_released', title, body: '认领人放弃了认领，心愿已回到心愿墙。', link: posterLink(wish) });
    await tellStation(tx, wish, { kind: 'wish_released', title, body: '认领人放弃了认领，已退回心愿墙，可联系其他志愿者或单位。' }, wish.posted_by);
  });
  return getWish(ctx, actor, id);
}

export interface Fulfilment {
  note: string;
  photos?: string[] | undefined;
  /** Who served and for how long: a volunteer claimer's own minutes, or a team's members. */
  participants?: { volunteerId: number; minutes: number }[] | undefined;
  minutes?: number | undefined;
}

/** The claimer: the person who claimed, the team's managers, or the staff for a unit. */
async function mayFulfil(ctx: AppContext, actor: Actor, wish: q.WishWithNames) {
  if (wish.claimed_by === actor.userId) return true;
  if (wish.claimer_organization_id) return (await organizations.organizationManagedBy(ctx, actor, wish.claimer_organization_id)) !== null;
  return wish.claimer_unit !== null && covers(actor, wish.region_code);
}

/**
 * Whom a team's or unit's claim may record hours for (谁组织谁记录): a team its own active
 * members; a unit, which has no roster, the volunteers of the fulfilling staff's area. Either
 * way approved volunteers in good standing, each named once; else nothing is written.
 */
async function requireParticipants(ctx: AppContext, actor: Actor, wish: q.WishWithNames, participants: { volunteerId: number }[]) {
  const ids = participants.map((p) => p.volunteerId);
  if (ids.length === 0) return;
  if (new Set(ids).size !== ids.length) throw invalid('participants', '每位服务人员只能填写一次', 'Name each participant once');
  const team = wish.claimer_organization_id;
  if (team) await organizations.requireActiveMembers(ctx, team, ids);
  if ((await q.activeVolunteers(ctx.db, ids, team ? null : actor)).length !== ids.length) {
    throw team
      ? invalid('participants', '服务人员须是已审核通过且未被暂停的志愿者', 'Participants must be approved volunteers who are not suspended')
      : invalid('participants', '服务人员须是您管辖区域内已审核通过的志愿者', 'Participants must be approved volunteers within your area');
  }
}

/** The claimer fulfils the wish; the hours served go into the ledger in the same transaction. */
export async function fulfilWish(ctx: AppContext, actor: Actor, id: number, fulfilment: Fulfilment) {
  const wish = await q.findWish(ctx.db, id);
  if (!wish || !(await mayFulfil(ctx, actor, wish))) throw notFound('id');
  // A volunteer claimer serves alone: their own minutes, whatever participants say.
  const served = wish.claimer_volunteer_id
    ? [{ volunteerId: wish.claimer_volunteer_id, minutes: fulfilment.minutes ?? 0 }]
    : fulfilment.participants ?? [];
  if (!wish.claimer_volunteer_id) await requireParticipants(ctx, actor, wish, served);
  await checkOwnFiles(ctx, actor.userId, fulfilment.photos ?? []);
  const now = new Date();
  await inTransaction(ctx, async (tx) => {
    await moveWish(tx, {
      subject: 'wish', id, from: ['claimed'], to: 'fulfilled', actorId: actor.userId, note: fulfilment.note,
      set: { fulfil_note: fulfilment.note, fulfil_photos: fulfilment.photos ?? [], fulfilled_at: now },
    });
    await hours.recordServiceHoursOfAll(tx, served.filter((p) => p.minutes > 0).map((person) => ({
      volunteerId: person.volunteerId, source: 'wish', sourceId: id, organizationId: wish.claimer_organization_id, siteId: wish.site_id,
      regionCode: wish.region_code, startedAt: new Date(now.getTime() - person.minutes * 60_000), endedAt: now, minutes: person.minutes,
      content: `微心愿：${wish.title}`, recordedBy: actor.userId,
    })));
    await inbox.notify(tx, [wish.posted_by], { kind: 'wish_fulfilled', title: `微心愿“${wish.title}”已实现`, body: '请确认心愿已实现。', link: posterLink(wish) }, { sms: true });
  });
  return getWish(ctx, actor, id);
}

/** The resident who posted it, or the station on the beneficiary's behalf, confirms. */
export async function confirmWish(ctx: AppContext, actor: Actor, id: number) {
  const wish = await q.findWish(ctx.db, id);
  if (!wish || (wish.posted_by !== actor.userId && !covers(actor, wish.region_code))) throw notFound('id');
  await inTransaction(ctx, async (tx) => {
    await moveWish(tx, { subject: 'wish', id, from: ['fulfilled'], to: 'confirmed', actorId: actor.userId, set: { confirmed_at: new Date(), confirmed_by: actor.userId } });
    await inbox.notify(tx, [wish.claimed_by], { kind: 'wish_confirmed', title: `微心愿“${wish.title}”已确认`, body: '感谢您的付出！', link: claimerLink(wish) });
  });
  return getWish(ctx, actor, id);
}

export async function withdrawWish(ctx: AppContext, actor: Actor, id: number) {
  await inTransaction(ctx, async (tx) => {
    await moveWish(tx, {
      subject: 'wish', id, from: ['submitted', 'published'], to: 'withdrawn', actorId: actor.userId, by: sql<boolean>`t.posted_by = ${actor.userId}`,
    });
    const wish = (await q.findWish(tx.db, id))!;
    await tellStation(tx, wish, { kind: 'wish_withdrawn', title: `微心愿“${wish.title}”已撤回`, body: '发布人撤回了这个心愿，无需再处理。' }, actor.userId);
  });
  return getWish(ctx, actor, id);
}

/**
 * Claims past their deadline go back to the wall, flagged overdue, and the claimer and the
 * station are told. Run by a background task; `now` is a parameter so tests control the clock.
 */
export async function releaseOverdueClaims(ctx: AppContext, now = new Date()) {
  return inTransaction(ctx, async (tx) => {
    const overdue = await q.overdueClaims(tx.db, now, 200);
    for (const wish of overdue) {
      await moveWish(tx, {
        subject: 'wish', id: wish.id, from: ['claimed'], to: 'published', actorId: null, note: '认领超期，已退回心愿墙',
        set: { claimer_volunteer_id: null, claimer_organization_id: null, claimer_unit: null, claimed_by: null, claimed_at: null, claim_deadline: null, overdue_at: now },
      });
      const message = { kind: 'wish_overdue', title: `微心愿“${wish.title}”认领超期`, body: '已退回心愿墙，等待新的认领。' };
      await inbox.notify(tx, [wish.claimed_by], { ...message, link: claimerLink(wish) });
      await inbox.notify(tx, [wish.posted_by], { ...message, link: posterLink(wish) });
      await tellStation(tx, wish, message, wish.posted_by);
    }
    return overdue.length;
  });
}

export async function myWishes(ctx: AppContext, actor: Actor) {
  return { items: (await q.byPoster(ctx.db, actor.userId)).map((row) => present(ctx, row, true)) };
}

export async function myClaims(ctx: AppContext, actor: Actor) {
  const me = await volunteers.volunteerOfUser(ctx, actor.userId);
  const teams = await organizations.organizationsLedBy(ctx, me?.id ?? null);
  return { items: (await q.byClaimer(ctx.db, me?.id ?? null, teams, actor.userId)).map((row) => present(ctx, row, true)) };
}

// Campaigns ------------------------------------------------------------------

export interface CampaignInput {
  name: string;
  description?: string | null | undefined;
  regionCode: string;
  startsOn: string;
  endsOn: string;
  valueCapYuan?: number | null | undefined;
  oneOpenPerFamily?: boolean | undefined;
}

const presentCampaign = (row: NonNullable<Awaited<ReturnType<typeof q.findCampaign>>>) => ({
  id: row.id, name: row.name, description: row.description, regionCode: row.region_code, startsOn: row.starts_on, endsOn: row.ends_on,
  valueCapYuan: row.value_cap_yuan, oneOpenPerFamily: row.one_open_per_family, collected: row.collected, fulfilled: row.fulfilled,
});

export async function createCampaign(ctx: AppContext, actor: Actor, input: CampaignInput) {
  requireAdmin(actor);
  await regions.requireRegionInScope(ctx, actor, input.regionCode, 'regionCode');
  if (input.endsOn < input.startsOn) throw invalid('endsOn', '结束日期不能早于开始日期', 'The end date is before the start');
  const row = await q.insertCampaign(ctx.db, {
    name: input.name.trim(), description: input.description ?? null, region_code: input.regionCode, starts_on: input.startsOn, ends_on: input.endsOn,
    value_cap_yuan: input.valueCapYuan ?? null, one_open_per_family: input.oneOpenPerFamily ?? false, created_by: actor.userId,
  });
  if (!row) throw new AppError('CONFLICT', { field: 'name' });
  return presentCampaign(row);
}

/** Campaigns open to an area: its own and those of the regions above (public). */
export async function listCampaigns(ctx: AppContext, under: string | undefined) {
  const area = under ? { prefixes: [under], ancestors: regionLineage(under.padEnd(12, '0')) } : null;
  return { items: (await q.listCampaigns(ctx.db, area)).map(presentCampaign) };
}

export async function getCampaign(ctx: AppContext, id: number) {
  const row = await q.findCampaign(ctx.db, id);
  if (!row) throw notFound('id');
  return presentCampaign(row);
}

export const recountCampaign = (ctx: AppContext, id: number) => q.recountCampaign(ctx.db, id);

/** Teams and volunteers who could take this wish, each with the reasons. */
export async function suggestionsForWish(ctx: AppContext, actor: Actor, id: number) {
  const wish = await requireInScope(actor, () => q.findScopedWish(ctx.db, actor, id));
  return matching.suggest(ctx, actor, {
    regionCode: wish.region_code, categories: matching.wishCategoryServes[wish.category] ?? [], siteId: wish.site_id, text: `${wish.title} ${wish.story}`,
  });
}
