// Pairing and assistance (结对帮扶 / 包保). Units pair with communities; care groups of party
// members and volunteers look after care recipients with a visit plan. Recipients' data
// is the most sensitive in Lianxin: only the group's own members and the staff over its
// site see it, every read of a recipient's detail is audited, and lists show masked names.
import { inTransaction, type AppContext } from '../../context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { addDays, chinaToday } from '../../lib/id-number.ts';
import { decodeCursor, pageOf } from '../../lib/paging.ts';
import { maskName, maskPhone } from '../../lib/pii.ts';
import { covers, requireAdmin, type Actor } from '../../lib/scope.ts';
import { recordAudit } from '../audit/service.ts';
import { checkOwnFiles, readImage } from '../files/service.ts';
import * as sites from '../sites/service.ts';
import * as volunteers from '../volunteers/service.ts';
import * as q from './queries.ts';

export const recipientKinds = ['left_behind_child', 'elderly_alone', 'family_in_difficulty', 'disabled'] as const;
export const visitKinds = ['home', 'phone', 'accompany', 'other'] as const;
const DAY = 24 * 3600_000;

function invalid(field: string, zh: string, en: string) {
  return new AppError('VALIDATION_FAILED', { field, detail: { zh, en } });
}

async function stationInScope(ctx: AppContext, actor: Actor, siteId: number) {
  requireAdmin(actor);
  const site = await sites.findSiteInScope(ctx, actor, siteId);
  if (!site || !sites.homeSiteKinds.includes(site.kind)) throw notFound('siteId');
  return site;
}

// Unit ↔ community pairs ------------------------------------------------------------

export interface UnitPairInput {
  unitName: string;
  unitType: 'party_government' | 'enterprise' | 'institution' | 'social';
  siteId: number;
  unitContactName: string;
  unitContactPhone?: string | null | undefined;
  communityContactName: string;
  communityContactPhone?: string | null | undefined;
  startedOn: string;
}

const encrypted = (ctx: AppContext, phone: string | null | undefined) =>
  phone ? { enc: ctx.pii.encrypt(phone), masked: maskPhone(phone) } : { enc: null, masked: null };

export async function createUnitPair(ctx: AppContext, actor: Actor, input: UnitPairInput) {
  const site = await stationInScope(ctx, actor, input.siteId);
  const unitPhone = encrypted(ctx, input.unitContactPhone);
  const communityPhone = encrypted(ctx, input.communityContactPhone);
  const row = await q.insertUnitPair(ctx.db, {
    unit_name: input.unitName.trim(), unit_type: input.unitType, site_id: site.id, region_code: site.regionCode,
    unit_contact_name: input.unitContactName, unit_contact_phone_enc: unitPhone.enc, unit_contact_phone_masked: unitPhone.masked,
    community_contact_name: input.communityContactName, community_contact_phone_enc: communityPhone.enc, community_contact_phone_masked: communityPhone.masked,
    started_on: input.startedOn, created_by: actor.userId,
  });
  if (!row) throw new AppError('CONFLICT', { field: 'unitName', detail: { zh: '该单位已与此社区结对', en: 'This unit is already paired with this community' } });
  return (await listUnitPairs(ctx, actor)).items.find((pair) => pair.id === row.id)!;
}

export async function listUnitPairs(ctx: AppContext, actor: Actor) {
  requireAdmin(actor);
  return {
    items: (await q.scopedUnitPairs(ctx.db, actor)).map((row) => ({
      id: row.id, unitName: row.unit_name, unitType: row.unit_type, site: { id: row.site_id, name: row.site_name, regionCode: row.region_code },
      unitContact: { name: row.unit_contact_name, phoneMasked: row.unit_contact_phone_masked },
      communityContact: { name: row.community_contact_name, phoneMasked: row.community_contact_phone_masked },
      startedOn: row.started_on, endedOn: row.ended_on,
    })),
  };
}

// Care groups and recipients -----------------------------------------------------------

async function requireVolunteers(ctx: AppContext, ids: number[]) {
  for (const id of ids) {
    const person = await volunteers.volunteerSummary(ctx, id);
    if (person?.status !== 'active') throw notFound('memberIds');
  }
}

export async function createGroup(ctx: AppContext, actor: Actor, input: { name: string; siteId: number; memberIds: number[] }) {
  const site = await stationInScope(ctx, actor, input.siteId);
  await requireVolunteers(ctx, input.memberIds);
  const id = await inTransaction(ctx, async (tx) => {
    const group = await q.insertGroup(tx.db, { name: input.name.trim(), site_id: site.id, region_code: site.regionCode, created_by: actor.userId });
    await q.addMembers(tx.db, group.id, input.memberIds);
    return group.id;
  });
  return getGroup(ctx, actor, id);
}

async function groupInScope(ctx: AppContext, actor: Actor, id: number) {
  requireAdmin(actor);
  const group = await q.findGroup(ctx.db, id);
  if (!group || !covers(actor, group.region_code)) throw notFound('id');
  return group;
}

export async function getGroup(ctx: AppContext, actor: Actor, id: number) {
  const group = await groupInScope(ctx, actor, id);
  const [members, recipients] = await Promise.all([q.groupMembers(ctx.db, id), q.recipientsOfGroups(ctx.db, [id])]);
  return {
    id: group.id, name: group.name, siteId: group.site_id, regionCode: group.region_code,
    members: members.map((m) => ({ volunteerId: m.id, name: m.name, partyMember: m.party_member, joinedAt: m.joined_at.toISOString(), leftAt: m.left_at?.toISOString() ?? null })),
    recipients: recipients.map((r) => presentListed(r, chinaToday())),
  };
}

export async function listGroups(ctx: AppContext, actor: Actor) {
  requireAdmin(actor);
  return {
    items: (await q.scopedGroups(ctx.db, actor)).map((g) => ({
      id: g.id, name: g.name, site: { id: g.site_id, name: g.site_name, regionCode: g.region_code }, members: g.members, recipients: g.recipients,
    })),
  };
}

export async function addGroupMember(ctx: AppContext, actor: Actor, groupId: number, volunteerId: number) {
  await groupInScope(ctx, actor, groupId);
  await requireVolunteers(ctx, [volunteerId]);
  await q.addMembers(ctx.db, groupId, [volunteerId]);
  return getGroup(ctx, actor, groupId);
}

/** A member leaves; their recipients show on the coverage report until handed over. */
export async function removeGroupMember(ctx: AppContext, actor: Actor, groupId: number, volunteerId: number, now = new Date()) {
  const group = await groupInScope(ctx, actor, groupId);
  await inTransaction(ctx, async (tx) => {
    if (!(await q.markLeft(tx.db, groupId, volunteerId, now))) throw notFound('volunteerId');
    await recordAudit(tx, {
      actorId: actor.userId, action: 'care_member_remove', subject: `care_group:${groupId}`, regionCode: group.region_code, reason: null,
      details: { volunteerId },
    });
  });
  return getGroup(ctx, actor, groupId);
}

export interface RecipientInput {
  groupId: number;
  kind: (typeof recipientKinds)[number];
  name: string;
  phone?: string | null | undefined;
  address?: string | null | undefined;
  needs?: string | null | undefined;
  visitEveryDays: number;
  caretakerId: number;
  /** Separate consent for sensitive data, from the person or their guardian. */
  consent: true;
}

export async function addRecipient(ctx: AppContext, actor: Actor, input: RecipientInput) {
  const group = await groupInScope(ctx, actor, input.groupId);
  if (!(await q.isActiveMember(ctx.db, group.id, input.caretakerId))) {
    throw invalid('caretakerId', '负责人须是本小组的成员', 'The caretaker must be a member of the group');
  }
  const { id } = await q.insertRecipient(ctx.db, {
    group_id: group.id, kind: input.kind, name_enc: ctx.pii.encrypt(input.name.trim()), name_masked: maskName(input.name.trim()),
    phone_enc: input.phone ? ctx.pii.encrypt(input.phone) : null, address_enc: input.address ? ctx.pii.encrypt(input.address) : null,
    needs_enc: input.needs ? ctx.pii.encrypt(input.needs) : null, visit_every_days: input.visitEveryDays, caretaker_id: input.caretakerId,
    site_id: group.site_id, region_code: group.region_code, consent_at: new Date(), created_by: actor.userId,
    due_on: addDays(chinaToday(), input.visitEveryDays),
  });
  return { id };
}


/** When a visit falls due, and how late it is, on a given day (China time). */
function dueOf(row: q.RecipientRow, today: string) {
  const due = row.due_on ?? addDays(row.last_visit ?? chinaToday(row.created_at), row.visit_every_days);
  const lateDays = Math.floor((new Date(`${today}T00:00:00Z`).getTime() - new Date(`${due}T00:00:00Z`).getTime()) / DAY);
  return { due, lateDays: Math.max(0, lateDays) };
}

/** A recipient as lists show them: the name masked. */
function presentListed(row: q.RecipientRow, today: string) {
  const { due, lateDays } = dueOf(row, today);
  return {
    id: row.id, groupId: row.group_id, groupName: row.group_name, kind: row.kind, name: row.name_masked, visitEveryDays: row.visit_every_days,
    caretaker: row.caretaker_id ? { volunteerId: row.caretaker_id, name: maskName(row.caretaker_name ?? ''), active: row.caretaker_active } : null,
    lastVisit: row.last_visit, nextDue: due, lateDays,
  };
}

/** Staff over the recipient's site, or an active member of the group caring for them. */
async function serves(ctx: AppContext, actor: Actor, row: q.RecipientRow) {
  if (covers(actor, row.region_code)) return true;
  const me = await volunteers.volunteerOfUser(ctx, actor.userId);
  return !!me && !!(await q.isActiveMember(ctx.db, row.group_id, me.id));
}

/** The full record: only for those who serve the recipient, and every read is audited. */
export async function getRecipient(ctx: AppContext, actor: Actor, id: number, reason: string | undefined) {
  const row = await q.findRecipient(ctx.db, id);
  if (!row || !(await serves(ctx, actor, row))) throw notFound('id');
  await recordAudit(ctx, { actorId: actor.userId, action: 'read_recipient', subject: `care_recipient:${id}`, regionCode: row.region_code, reason: reason ?? null });
  const visits = await q.visitsOf(ctx.db, id);
  const decrypt = (value: string | null) => (value ? ctx.pii.decrypt(value) : null);
  const photo = (fileId: string) => ({ id: fileId, url: `/api/v1/care-recipients/${id}/photos/${fileId}`, thumbUrl: `/api/v1/care-recipients/${id}/photos/${fileId}?size=thumb` });
  return {
    ...presentListed(row, chinaToday()),
    name: ctx.pii.decrypt(row.name_enc),
    phone: decrypt(row.phone_enc),
    address: decrypt(row.address_enc),
    needs: decrypt(row.needs_enc),
    visits: await Promise.all(visits.map(async (v) => ({
      id: v.id, visitedOn: v.visited_on, kind: v.kind, summary: ctx.pii.decrypt(v.summary_enc), followUp: await openFollowUp(ctx, v),
      photos: v.photos.map(photo), volunteer: maskName(v.volunteer_name),
    }))),
  };
}

/** The background task: seals follow-ups still in plain text, a batch at a time, until none is left. */
export async function sealPlainFollowUps(ctx: AppContext, batch = 500) {
  const rows = await q.plainFollowUps(ctx.db, batch);
  for (const row of rows) await q.sealFollowUp(ctx.db, row.id, ctx.pii.encrypt(row.follow_up!));
  return rows.length;
}

/**
 * A visit's follow-up: encrypted (follow_up_enc); one written in plain text before
 * follow-ups were encrypted (migration 0015) is sealed the first time it is read, or by
 * the background task (sealPlainFollowUps), whichever comes first.
 */
async function openFollowUp(ctx: AppContext, visit: { id: number; follow_up: string | null; follow_up_enc: string | null }) {
  if (visit.follow_up_enc) return ctx.pii.decrypt(visit.follow_up_enc);
  if (visit.follow_up === null) return null;
  await q.sealFollowUp(ctx.db, visit.id, ctx.pii.encrypt(visit.follow_up));
  return visit.follow_up;
}

/** A photo of one of the recipient's visits, for those who may read the recipient only. */
export async function readVisitPhoto(ctx: AppContext, actor: Actor, recipientId: number, fileId: string, size: 'full' | 'thumb') {
  const row = await q.findRecipient(ctx.db, recipientId);
  if (!row || !(await serves(ctx, actor, row)) || !(await q.isVisitPhoto(ctx.db, recipientId, fileId))) throw notFound('id');
  return readImage(ctx, actor, fileId, size);
}

/** The recipients of the groups I serve in, masked, with when each visit falls due. */
export async function myRecipients(ctx: AppContext, actor: Actor) {
  const me = await volunteers.volunteerOfUser(ctx, actor.userId);
  if (!me) return { items: [] };
  const groups = (await q.groupsOf(ctx.db, me.id)).map((g) => g.group_id);
  const today = chinaToday();
  return { items: (await q.recipientsOfGroups(ctx.db, groups)).map((row) => ({ ...presentListed(row, today), mine: row.caretaker_id === me.id })) };
}

export interface VisitInput {
  /** Made by the phone when the visit is typed (offline too); a resend adds nothing. */
  clientId: string;
  visitedOn: string;
  kind: (typeof visitKinds)[number];
  summary: string;
  photos?: string[] | undefined;
  followUp?: string | null | undefined;
}

/** A member logs a visit (perhaps typed offline, sent once the phone is back online). */
export async function logVisit(ctx: AppContext, actor: Actor, recipientId: number, input: VisitInput) {
  const row = await q.findRecipient(ctx.db, recipientId);
  const me = await volunteers.volunteerOfUser(ctx, actor.userId);
  if (!row || !me || !(await q.isActiveMember(ctx.db, row.group_id, me.id))) throw notFound('id');
  if (input.visitedOn > chinaToday()) throw invalid('visitedOn', '走访日期不能晚于今天', 'The visit date cannot be in the future');
  // Only the member's own uploads: a made-up id or someone else's file would be shown as this visit's.
  await checkOwnFiles(ctx, actor.userId, input.photos ?? []);
  const visit = await inTransaction(ctx, async (tx) => {
    const stored = await q.insertVisit(tx.db, {
      recipient_id: recipientId, volunteer_id: me.id, visited_on: input.visitedOn, kind: input.kind, summary_enc: ctx.pii.encrypt(input.summary),
      photos: [...new Set(input.photos ?? [])], follow_up_enc: input.followUp ? ctx.pii.encrypt(input.followUp) : null, client_id: `${me.id}:${input.clientId}`,
    });
    await q.refreshDue(tx.db, recipientId);
    return stored;
  });
  if (visit.recipient_id !== recipientId) throw new AppError('CONFLICT', { field: 'clientId' });
  return { id: visit.id, recipientId, visitedOn: visit.visited_on, kind: visit.kind };
}

/**
 * The coverage report on a day: how many recipients, how many are visited within their
 * plan, how many are overdue or without an active caretaker (counted by the database),
 * and the members who left lately with the recipients they leave behind. The lists
 * themselves are paged by coverageList.
 */
export async function coverageReport(ctx: AppContext, actor: Actor, options: { under?: string | undefined; asOf?: string | undefined }) {
  requireAdmin(actor);
  const today = options.asOf ?? chinaToday();
  const totals = await q.coverageTotals(ctx.db, actor, { under: options.under, asOf: today });
  const leavers = await q.recentLeavers(ctx.db, actor, new Date(new Date(`${today}T00:00:00Z`).getTime() - 90 * DAY));
  return {
    asOf: today,
    recipients: totals.recipients,
    covered: totals.recipients - totals.overdue,
    overdue: totals.overdue,
    withoutCaretaker: totals.without_caretaker,
    leavers: leavers.map((l) => ({ groupId: l.group_id, groupName: l.group_name, volunteerId: l.volunteer_id, name: maskName(l.volunteer_name), leftAt: l.left_at!.toISOString(), recipients: l.orphans })),
  };
}

export interface CoverageListQuery {
  list: q.CoverageList;
  under?: string | undefined;
  asOf?: string | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

/** One page of the overdue recipients (longest overdue first), or of those without an active caretaker. */
export async function coverageList(ctx: AppContext, actor: Actor, query: CoverageListQuery) {
  requireAdmin(actor);
  const today = query.asOf ?? chinaToday();
  const key = decodeCursor(query.cursor);
  if (key && (key.length !== 2 || typeof key[0] !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(key[0]) || typeof key[1] !== 'number')) {
    throw new AppError('VALIDATION_FAILED', { field: 'cursor' });
  }
  const limit = query.limit ?? 50;
  const rows = await q.coveragePage(ctx.db, actor, {
    list: query.list, under: query.under, asOf: today, after: key ? [key[0] as string, key[1] as number] : null, limit,
  });
  const page = pageOf(rows, limit, (row) => [row.due_on ?? '', row.id]);
  return { asOf: today, items: page.items.map((row) => presentListed(row, today)), nextCursor: page.nextCursor };
}

/** Hands a recipient over to another member of the group. */
export async function handOver(ctx: AppContext, actor: Actor, recipientId: number, toVolunteerId: number) {
  const row = await q.findRecipient(ctx.db, recipientId);
  if (!row || !covers(actor, row.region_code)) throw notFound('id');
  requireAdmin(actor);
  if (!(await q.isActiveMember(ctx.db, row.group_id, toVolunteerId))) {
    throw invalid('toVolunteerId', '只能交接给本小组的成员', 'Hand over to a member of the group');
  }
  await inTransaction(ctx, async (tx) => {
    await q.setCaretaker(tx.db, recipientId, toVolunteerId);
    await recordAudit(tx, {
      actorId: actor.userId, action: 'care_hand_over', subject: `care_recipient:${recipientId}`, regionCode: row.region_code, reason: null,
      details: { fromVolunteerId: row.caretaker_id, toVolunteerId },
    });
  });
  return presentListed((await q.findRecipient(ctx.db, recipientId))!, chinaToday());
}
