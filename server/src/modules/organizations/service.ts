// Volunteer organizations and teams (志愿服务组织/队伍): created on a site, approved by the
// level above, joined by volunteers (request, approve, leave, remove).
import type { Static } from 'typebox';
import { inTransaction, type AppContext } from '../../context.ts';
import { sizeBuckets, type SizeBucket } from '../../lib/categories.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { decodeCursor, pageOf } from '../../lib/paging.ts';
import { maskName, maskPhone } from '../../lib/pii.ts';
import { pinyinInitials } from '../../lib/pinyin.ts';
import { rejectionReason, type Review } from '../../lib/review.ts';
import {
  adminRoleSiteKind, adminRoles, isAdmin, rankOver, requireAdmin, requireInScope, roleRank, type Actor, type SiteKind,
} from '../../lib/scope.ts';
import { recordAudit } from '../audit/service.ts';
import * as inbox from '../inbox/service.ts';
import * as sites from '../sites/service.ts';
import * as volunteers from '../volunteers/service.ts';
import * as q from './queries.ts';
import type { OrganizationInput, OrganizationUpdate } from './schemas.ts';

export type OrganizationInputData = Static<typeof OrganizationInput>;

/** The admin rank of a site's own level (a station's is station_admin). */
function levelRank(kind: SiteKind): number {
  const role = adminRoles.find((candidate) => adminRoleSiteKind[candidate] === kind);
  return role ? roleRank(role) : -1;
}

/** Approval belongs to the level above the organization's site; the province approves its own. */
function mayApprove(actor: Actor, org: { region_code: string; site_kind: string }): boolean {
  const needed = Math.min(levelRank(org.site_kind as SiteKind) + 1, roleRank('province_admin'));
  return rankOver(actor, org.region_code) >= needed;
}

export function sizeBucketOf(members: number): SizeBucket {
  return sizeBuckets.find((bucket) => members >= bucket.min && (bucket.max === null || members <= bucket.max))!.key;
}

function present(row: q.OrganizationWithSite, leaderName: string | null) {
  return {
    id: row.id,
    name: row.name,
    category: row.category,
    customCategory: row.custom_category,
    site: { id: row.site_id, name: row.site_name, kind: row.site_kind, regionCode: row.region_code },
    parentId: row.parent_id,
    sponsorType: row.sponsor_type,
    sponsorName: row.sponsor_name,
    leader: row.leader_volunteer_id && leaderName ? { volunteerId: row.leader_volunteer_id, name: leaderName } : null,
    contactName: row.contact_name,
    contactPhoneMasked: row.contact_phone_masked,
    description: row.description,
    status: row.status as 'pending' | 'approved' | 'rejected' | 'dissolved',
    rejectReason: row.reject_reason,
    memberCount: row.member_count,
    sizeBucket: sizeBucketOf(row.member_count),
    createdAt: row.created_at.toISOString(),
  };
}

async function presentOne(ctx: AppContext, row: q.OrganizationWithSite) {
  const leader = row.leader_volunteer_id ? await volunteers.volunteerSummary(ctx, row.leader_volunteer_id) : null;
  return present(row, leader?.name ?? null);
}

function checkCategory(input: { category?: string | undefined; customCategory?: string | null | undefined }) {
  if (input.category === 'custom' && !input.customCategory) {
    throw new AppError('VALIDATION_FAILED', { field: 'customCategory', detail: { zh: '自定义类别须填写名称', en: 'A custom category needs a name' } });
  }
}

/** A parent organization must be one of the actor's area, and not the organization itself or one below it. */
async function checkParent(ctx: AppContext, actor: Actor, parentId: number | null | undefined, self?: number) {
  if (!parentId) return;
  if (!(await q.findScopedOrganization(ctx.db, actor, parentId))) throw notFound('parentId');
  if (self !== undefined && (await q.lineageIds(ctx.db, parentId)).includes(self)) {
    throw new AppError('VALIDATION_FAILED', {
      field: 'parentId', detail: { zh: '上级组织不能是本组织或它的下级组织', en: 'The parent cannot be the organization itself or one below it' },
    });
  }
}

function editableFields(ctx: AppContext, input: Partial<OrganizationInputData>): Partial<q.NewOrganizationRow> {
  const fields: Partial<q.NewOrganizationRow> = {};
  if (input.name !== undefined) Object.assign(fields, { name: input.name.trim(), name_initials: pinyinInitials(input.name.trim()) });
  if (input.category !== undefined) {
    fields.category = input.category;
    fields.custom_category = input.category === 'custom' ? input.customCategory ?? null : null;
  }
  if (input.parentId !== undefined) fields.parent_id = input.parentId;
  if (input.sponsorType !== undefined) fields.sponsor_type = input.sponsorType;
  if (input.sponsorName !== undefined) fields.sponsor_name = input.sponsorName;
  if (input.contactName !== undefined) fields.contact_name = input.contactName;
  if (input.contactPhone !== undefined) {
    fields.contact_phone_enc = input.contactPhone ? ctx.pii.encrypt(input.contactPhone) : null;
    fields.contact_phone_masked = input.contactPhone ? maskPhone(input.contactPhone) : null;
  }
  if (input.description !== undefined) fields.description = input.description;
  return fields;
}

/**
 * Creates an organization on a site of the actor's area (or, for imports, of the given
 * scope). It is approved at once when the actor stands above the site's level.
 */
export async function createOrganization(ctx: AppContext, actor: Actor, input: OrganizationInputData, source: 'staff' | 'import' = 'staff') {
  requireAdmin(actor);
  const site = await sites.findSiteInScope(ctx, actor, input.siteId);
  if (!site || site.kind === 'point') throw notFound('siteId');
  checkCategory(input);
  await checkParent(ctx, actor, input.parentId);
  const approved = rankOver(actor, site.regionCode) > levelRank(site.kind) || site.kind === 'province';
  // One transaction even for one row: a retried request's Idempotency-Key is stamped in the same commit.
  const inserted = await inTransaction(ctx, (tx) => q.insertOrganization(tx.db, {
    ...editableFields(ctx, input),
    name: input.name.trim(),
    name_initials: pinyinInitials(input.name.trim()),
    category: input.category,
    site_id: site.id,
    region_code: site.regionCode,
    status: approved ? 'approved' : 'pending',
    reviewed_by: approved ? actor.userId : null,
    reviewed_at: approved ? new Date() : null,
    source,
    created_by: actor.userId,
  }));
  if (!inserted) {
    throw new AppError('CONFLICT', { field: 'name', detail: { zh: '该阵地已有同名组织', en: 'This site already has an organization with that name' } });
  }
  return getOrganization(ctx, actor, inserted.id);
}

const scoped = (ctx: AppContext, actor: Actor, id: number) => requireInScope(actor, () => q.findScopedOrganization(ctx.db, actor, id));

/**
 * One organization: in full to the staff of its area; an approved one to anyone signed in
 * (a volunteer looking at a team to join), with their own membership.
 */
export async function getOrganization(ctx: AppContext, actor: Actor, id: number) {
  const inScope = isAdmin(actor) ? await q.findScopedOrganization(ctx.db, actor, id) : undefined;
  const row = inScope ?? (await q.findOrganization(ctx.db, id));
  if (!row || (!inScope && row.status !== 'approved')) throw notFound('id');
  const [membership] = await myMemberships(ctx, actor, [id]);
  return { ...(await presentOne(ctx, row)), myMembership: membership?.status ?? null };
}

/** The asking volunteer's memberships among these organizations. */
async function myMemberships(ctx: AppContext, actor: Actor, organizationIds: number[]) {
  const me = await volunteers.volunteerOfUser(ctx, actor.userId);
  if (!me || organizationIds.length === 0) return [];
  return ctx.db.selectFrom('memberships').select(['organization_id', 'status'])
    .where('volunteer_id', '=', me.id).where('organization_id', 'in', organizationIds).execute();
}

function bucketRange(size: SizeBucket | undefined) {
  const bucket = sizeBuckets.find((candidate) => candidate.key === size);
  return bucket ? { minMembers: bucket.min, maxMembers: bucket.max ?? undefined } : {};
}

type ListFilter = Omit<q.OrganizationFilter, 'minMembers' | 'maxMembers'> & { size?: SizeBucket | undefined; cursor?: string | undefined; limit: number };

async function listPage(ctx: AppContext, area: Parameters<typeof q.listOrganizations>[1], filter: ListFilter) {
  const after = decodeCursor(filter.cursor);
  const key = after ? ([String(after[0]), Number(after[1])] as [string, number]) : null;
  const rows = await q.listOrganizations(ctx.db, area, { ...filter, ...bucketRange(filter.size) }, key, filter.limit);
  const page = pageOf(rows, filter.limit, (row) => [row.region_code, row.id]);
  return { items: page.items.map((row) => present(row, null)), nextCursor: page.nextCursor };
}

export async function listOrganizations(ctx: AppContext, actor: Actor, filter: ListFilter) {
  requireAdmin(actor);
  return listPage(ctx, { actor }, filter);
}

/**
 * Every organization of a filtered list, page by page, for an export: presented (masked)
 * as in the list, plus the full contact phone when `unmasked` (the caller decides who may,
 * and audits it).
 */
export async function* organizationExportPages(ctx: AppContext, actor: Actor, filter: Omit<ListFilter, 'cursor' | 'limit'>, options: { unmasked: boolean; pageSize?: number }) {
  requireAdmin(actor);
  const size = options.pageSize ?? 1000;
  let key: [string, number] | null = null;
  for (;;) {
    const rows = await q.listOrganizations(ctx.db, { actor }, { ...filter, ...bucketRange(filter.size) }, key, size);
    const page = rows.slice(0, size);
    yield page.map((row) => ({
      ...present(row, null),
      contactPhone: options.unmasked && row.contact_phone_enc ? ctx.pii.decrypt(row.contact_phone_enc) : null,
    }));
    if (rows.length <= size) return;
    const last = page.at(-1)!;
    key = [last.region_code, last.id];
  }
}

/**
 * Approved teams a volunteer can join, around where they live (their county) unless
 * they look elsewhere with `under`.
 */
export async function browseOrganizations(ctx: AppContext, actor: Actor, filter: ListFilter) {
  const me = await volunteers.volunteerOfUser(ctx, actor.userId);
  const home = me ? me.regionCode.slice(0, 6) : null; // the county
  const prefixes = filter.under ? [filter.under] : home ? [home] : [];
  if (prefixes.length === 0) throw new AppError('VALIDATION_FAILED', { field: 'under', detail: { zh: '请选择地区', en: 'Choose an area' } });
  const page = await listPage(ctx, { prefixes }, { ...filter, status: 'approved', under: undefined });
  const mine = new Map((await myMemberships(ctx, actor, page.items.map((item) => item.id))).map((m) => [m.organization_id, m.status]));
  return { ...page, items: page.items.map((item) => ({ ...item, myMembership: mine.get(item.id) ?? null })) };
}

export async function reviewOrganization(ctx: AppContext, actor: Actor, id: number, review: Review) {
  const row = await scoped(ctx, actor, id);
  if (!mayApprove(actor, row)) throw new AppError('FORBIDDEN', { detail: { zh: '须由上一级阵地审核', en: 'The level above approves' } });
  const reason = rejectionReason(review);
  const decided = await q.decideOrganization(ctx.db, id, {
    status: reason === null ? 'approved' : 'rejected', reason, by: actor.userId,
  });
  if (!decided) throw new AppError('ALREADY_DECIDED');
  return getOrganization(ctx, actor, id);
}

export async function updateOrganization(ctx: AppContext, actor: Actor, id: number, patch: Static<typeof OrganizationUpdate>) {
  const row = await scoped(ctx, actor, id);
  checkCategory({ category: patch.category ?? row.category, customCategory: patch.customCategory ?? row.custom_category });
  await checkParent(ctx, actor, patch.parentId, id);
  const fields = editableFields(ctx, patch);
  if (patch.leaderVolunteerId !== undefined) {
    if (patch.leaderVolunteerId !== null) {
      const membership = await q.findMembership(ctx.db, id, patch.leaderVolunteerId);
      if (membership?.status !== 'active') {
        throw new AppError('VALIDATION_FAILED', { field: 'leaderVolunteerId', detail: { zh: '队长须是本组织的成员', en: 'The leader must be a member' } });
      }
      requireInGoodStanding(await volunteers.volunteerSummary(ctx, patch.leaderVolunteerId), 'leaderVolunteerId');
    }
    fields.leader_volunteer_id = patch.leaderVolunteerId;
  }
  await q.updateOrganization(ctx.db, id, fields);
  return getOrganization(ctx, actor, id);
}

/** Staff over the organization's area, or its own leader, manage its members. */
async function managed(ctx: AppContext, actor: Actor, id: number) {
  const row = isAdmin(actor) ? await q.findScopedOrganization(ctx.db, actor, id) : await q.findOrganization(ctx.db, id);
  if (!row) throw notFound('id');
  if (!isAdmin(actor)) {
    const me = await volunteers.volunteerOfUser(ctx, actor.userId);
    if (!me || row.leader_volunteer_id !== me.id) throw notFound('id');
  }
  return row;
}

/**
 * A member's name as this reader may see it: a child's (under 14) data is sensitive, so a
 * team leader, who is no admin over the child's record, sees it masked; staff see it whole.
 */
function memberName(actor: Actor, row: { name: string; birth_date: string }): string {
  return !isAdmin(actor) && volunteers.ageToday(row.birth_date) < volunteers.CHILD_AGE ? maskName(row.name) : row.name;
}

export async function listMembers(ctx: AppContext, actor: Actor, id: number, filter: { status?: string | undefined; cursor?: string | undefined; limit: number }) {
  await managed(ctx, actor, id);
  const after = decodeCursor(filter.cursor);
  const rows = await q.listMembers(ctx.db, id, filter.status, after ? Number(after[0]) : null, filter.limit);
  const page = pageOf(rows, filter.limit, (row) => [row.id]);
  return {
    items: page.items.map((row) => ({
      volunteerId: row.id, volunteerNo: row.volunteer_no, name: memberName(actor, row), phoneMasked: row.phone_masked, skills: row.skills,
      partyMember: row.party_member, status: row.status as 'pending' | 'active' | 'left' | 'removed' | 'declined',
      requestedAt: row.requested_at.toISOString(),
    })),
    nextCursor: page.nextCursor,
  };
}

/** Statuses that keep a volunteer out of teams: the registration was refused, or suspended since. */
const barredStatuses = new Set(['rejected', 'suspended']);

/**
 * Refuses a rejected or suspended volunteer a place in a team: asking to join (`self`), or
 * being let in or named leader (`by`: the field of the staff's request naming them). A
 * pending one may ask meanwhile: review and team approval run side by side.
 */
function requireInGoodStanding(volunteer: { status: string } | null | undefined, by: 'self' | 'volunteerId' | 'leaderVolunteerId') {
  if (!volunteer || !barredStatuses.has(volunteer.status)) return;
  if (by === 'self') {
    throw new AppError('FORBIDDEN', {
      detail: { zh: '您的志愿者注册未通过审核或已被暂停，暂不能加入队伍，请联系所在实践站', en: 'Your volunteer registration was rejected or is suspended, so you cannot join a team; contact your practice station' },
    });
  }
  throw new AppError('VALIDATION_FAILED', {
    field: by,
    detail: { zh: '该志愿者的注册未通过审核或已被暂停，不能加入队伍或担任队长', en: 'This volunteer’s registration was rejected or is suspended: they cannot join or lead a team' },
  });
}

/** A volunteer asks to join an approved organization (on the phone). */
export async function requestToJoin(ctx: AppContext, actor: Actor, id: number) {
  const me = await volunteers.volunteerOfUser(ctx, actor.userId);
  if (!me) throw new AppError('FORBIDDEN', { detail: { zh: '请先注册成为志愿者', en: 'Register as a volunteer first' } });
  requireInGoodStanding(me, 'self');
  const org = await q.findOrganization(ctx.db, id);
  if (!org || org.status !== 'approved') throw notFound('id');
  if (!(await q.requestMembership(ctx.db, id, me.id))) {
    throw new AppError('CONFLICT', { detail: { zh: '已申请或已是成员', en: 'Already requested or a member' } });
  }
  return { organizationId: id, status: 'pending' };
}

const transitions: Record<'approve' | 'decline' | 'remove' | 'leave', { from: string[]; to: string }> = {
  approve: { from: ['pending'], to: 'active' },
  decline: { from: ['pending'], to: 'declined' },
  remove: { from: ['active', 'pending'], to: 'removed' },
  leave: { from: ['active', 'pending'], to: 'left' },
};

/** Moves a membership and keeps member_count exact, in one transaction. */
async function moveMembership(ctx: AppContext, orgId: number, volunteerId: number, action: keyof typeof transitions, by: number) {
  const { from, to } = transitions[action];
  await inTransaction(ctx, async (tx) => {
    const current = await q.lockMembership(tx.db, orgId, volunteerId);
    if (!current) throw notFound('volunteerId');
    if (!from.includes(current.status)) throw new AppError('ALREADY_DECIDED');
    await q.setMembershipStatus(tx.db, orgId, volunteerId, to, by);
    await q.adjustMemberCount(tx.db, orgId, (to === 'active' ? 1 : 0) - (current.status === 'active' ? 1 : 0));
  });
  return { organizationId: orgId, status: to };
}

export async function decideMember(ctx: AppContext, actor: Actor, id: number, volunteerId: number, decision: 'approve' | 'decline' | 'remove') {
  const org = await managed(ctx, actor, id);
  const person = await volunteers.volunteerSummary(ctx, volunteerId);
  if (decision === 'approve') requireInGoodStanding(person, 'volunteerId');
  const body = { approve: `您已加入“${org.name}”。`, decline: `“${org.name}”暂未通过您的入队申请。`, remove: `您已不再是“${org.name}”的成员。` }[decision];
  return inTransaction(ctx, async (tx) => {
    const result = await moveMembership(tx, id, volunteerId, decision, actor.userId);
    await inbox.notify(tx, [person?.userId], { kind: `membership_${decision}`, title: org.name, body, link: `/m/teams/${id}` });
    if (decision === 'remove') {
      await recordAudit(tx, {
        actorId: actor.userId, action: 'org_member_remove', subject: `organization:${id}`, regionCode: org.region_code, reason: null, details: { volunteerId },
      });
    }
    return result;
  });
}

export async function leave(ctx: AppContext, actor: Actor, id: number) {
  const me = await volunteers.volunteerOfUser(ctx, actor.userId);
  if (!me) throw notFound('id');
  return moveMembership(ctx, id, me.id, 'leave', actor.userId);
}

export interface ManagedOrganization {
  id: number;
  name: string;
  siteId: number;
  regionCode: string;
  status: string;
}

/** The organization, when the actor is staff over its area or its own leader; else null. */
export async function organizationManagedBy(ctx: AppContext, actor: Actor, id: number): Promise<ManagedOrganization | null> {
  try {
    const row = await managed(ctx, actor, id);
    return { id: row.id, name: row.name, siteId: row.site_id, regionCode: row.region_code, status: row.status };
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

/** Refuses unless every volunteer named is an active member (hours go only to members). */
export async function requireActiveMembers(ctx: AppContext, organizationId: number, volunteerIds: number[]) {
  if (volunteerIds.length === 0) return;
  const rows = await ctx.db.selectFrom('memberships').select('volunteer_id')
    .where('organization_id', '=', organizationId).where('volunteer_id', 'in', volunteerIds).where('status', '=', 'active').execute();
  if (rows.length !== new Set(volunteerIds).size) {
    throw new AppError('VALIDATION_FAILED', { field: 'participants', detail: { zh: '服务人员须是本队成员', en: 'Participants must be members of the team' } });
  }
}

/** The organizations a volunteer leads. */
export async function organizationsLedBy(ctx: AppContext, volunteerId: number | null): Promise<number[]> {
  if (!volunteerId) return [];
  const rows = await ctx.db.selectFrom('organizations').select('id').where('leader_volunteer_id', '=', volunteerId).execute();
  return rows.map((row) => row.id);
}

/** The accounts of these organizations' leaders (to tell them of work sent to their team). */
export async function leaderUserIds(ctx: AppContext, organizationIds: number[]): Promise<number[]> {
  if (organizationIds.length === 0) return [];
  const rows = await ctx.db.selectFrom('organizations').innerJoin('volunteers', 'volunteers.id', 'organizations.leader_volunteer_id')
    .select('volunteers.user_id').where('organizations.id', 'in', organizationIds).execute();
  return rows.map((row) => row.user_id).filter((id): id is number => id !== null);
}

/** The counties (6-digit prefixes) these organizations sit in. */
export async function countiesOf(ctx: AppContext, organizationIds: number[]): Promise<string[]> {
  if (organizationIds.length === 0) return [];
  const rows = await ctx.db.selectFrom('organizations').select('region_code').where('id', 'in', organizationIds).execute();
  return [...new Set(rows.map((row) => row.region_code.slice(0, 6)))];
}
