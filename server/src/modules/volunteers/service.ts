// Real-name volunteers (实名注册志愿者): registration by the person, by staff or by import;
// one volunteer per ID number in the province; personal data encrypted, shown masked,
// revealed only with a reason that goes into the audit log.
import { sql } from 'kysely';
import type { Static } from 'typebox';
import { inTransaction, type AppContext } from '../../context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { ageOn, chinaToday, parseIdNumber, type IdNumberFacts } from '../../lib/id-number.ts';
import { decodeCursor, pageOf } from '../../lib/paging.ts';
import { hashPassword, isStrongPassword } from '../../lib/password.ts';
import { maskIdNumber, maskName, maskPhone } from '../../lib/pii.ts';
import { pinyinInitials } from '../../lib/pinyin.ts';
import { rejectionReason, type Review } from '../../lib/review.ts';
import { rankOver, requireAdmin, requireInScope, roleRank, type Actor } from '../../lib/scope.ts';
import { recordAudit } from '../audit/service.ts';
import * as auth from '../auth/service.ts';
import * as inbox from '../inbox/service.ts';
import * as sites from '../sites/service.ts';
import * as q from './queries.ts';
import type { MyRegistration, RevealRequest, SelfRegistration, VolunteerInput, VolunteerUpdate } from './schemas.ts';

export type VolunteerInputData = Static<typeof VolunteerInput>;
export type Source = 'self' | 'staff' | 'import';

/** Months without a service record after which a volunteer counts as inactive (DOMAIN.md). */
export const ACTIVE_MONTHS = 12;

/**
 * The ages the law draws lines at (DOMAIN.md "Registration and minors"): under 18 a guardian
 * must consent and assignments must suit the age; under 14 the data is sensitive.
 */
export const ADULT_AGE = 18;
export const CHILD_AGE = 14;

/** Full years of age today, on China's calendar (Asia/Shanghai), from a stored birth date. */
export const ageToday = (birthDate: string) => ageOn(birthDate, chinaToday());

/**
 * Emergency duty does not suit a minor: only adults join the reserve. The same message
 * whether the flag comes with a registration (self, staff, import) or an edit (staff's, or
 * the volunteer's own correction).
 */
export function checkReserveAge(birthDate: string, joinsReserve: boolean | undefined) {
  if (!joinsReserve || ageToday(birthDate) >= ADULT_AGE) return;
  throw new AppError('VALIDATION_FAILED', {
    field: 'emergencyReserve',
    detail: { zh: '未满18周岁不能加入应急志愿者储备', en: 'Under 18: a volunteer cannot join the emergency reserve' },
  });
}

const idProblems = {
  format: { zh: '身份证号应为18位，最后一位可以是X', en: 'An ID number has 18 characters; the last may be X' },
  birth_date: { zh: '身份证号中的出生日期无效', en: 'The birth date in the ID number is not a real date' },
  check_digit: { zh: '身份证号校验位不正确，请核对', en: 'The ID number’s check character is wrong; please check it' },
};

export interface CheckedVolunteer {
  input: VolunteerInputData;
  id: IdNumberFacts;
  site: sites.SiteSummary;
}

/**
 * The rules beyond the schema: a real ID number, a home site, guardian consent for minors
 * (under 14 included: their consent is recorded with the row, and a database CHECK refuses
 * a minor's row without it), no emergency reserve for minors.
 * An import passes its own (cached) site lookup; it must answer as `findHomeSite` does.
 */
export async function checkVolunteer(
  ctx: AppContext, input: VolunteerInputData, findHomeSite: (id: number) => Promise<sites.SiteSummary | null> = (id) => sites.findHomeSite(ctx, id),
): Promise<CheckedVolunteer> {
  const id = parseIdNumber(input.idNumber);
  if (typeof id === 'string') throw new AppError('VALIDATION_FAILED', { field: 'idNumber', detail: idProblems[id] });
  if (ageToday(id.birthDate) < ADULT_AGE && !input.guardian?.consent) {
    throw new AppError('VALIDATION_FAILED', {
      field: 'guardian',
      detail: { zh: '未满18周岁须经监护人同意，并填写监护人姓名和电话', en: 'Under 18: a guardian must agree and give their name and phone' },
    });
  }
  checkReserveAge(id.birthDate, input.emergencyReserve);
  const site = await findHomeSite(input.siteId);
  if (!site) {
    throw new AppError('VALIDATION_FAILED', {
      field: 'siteId', detail: { zh: '请选择所在的实践中心、所或站', en: 'Choose a practice center, institute or station' },
    });
  }
  return { input, id, site };
}

export type NewVolunteerRow = q.NewVolunteerRow;

/** The row a checked volunteer is stored as: encrypted, hashed and masked personal data. */
export function volunteerRow(ctx: AppContext, checked: CheckedVolunteer, extra: { source: Source; status: 'pending' | 'active'; userId: number | null; createdBy: number | null }): q.NewVolunteerRow {
  const { input, id, site } = checked;
  const guardian = input.guardian ?? null;
  return {
    user_id: extra.userId,
    name: input.name.trim(),
    name_initials: pinyinInitials(input.name.trim()),
    id_hash: ctx.pii.lookupHash('id', id.normalized),
    id_enc: ctx.pii.encrypt(id.normalized),
    id_masked: maskIdNumber(id.normalized),
    birth_date: id.birthDate,
    sex: id.sex,
    phone_hash: ctx.pii.lookupHash('phone', input.phone),
    phone_enc: ctx.pii.encrypt(input.phone),
    phone_masked: maskPhone(input.phone),
    phone_tail: input.phone.slice(-4),
    site_id: site.id,
    region_code: site.regionCode,
    categories: input.categories ?? [],
    skills: (input.skills ?? []).map((skill) => skill.trim()),
    availability: input.availability ?? [],
    party_member: input.partyMember ?? false,
    emergency_reserve: input.emergencyReserve ?? false,
    guardian_name: guardian?.name ?? null,
    guardian_phone_enc: guardian ? ctx.pii.encrypt(guardian.phone) : null,
    guardian_phone_masked: guardian ? maskPhone(guardian.phone) : null,
    guardian_consent_at: guardian ? new Date() : null,
    consent_at: new Date(),
    status: extra.status,
    source: extra.source,
    created_by: extra.createdBy,
  };
}

/**
 * Why an ID number cannot be registered again; staff learn where the first one lives,
 * unless it is a child's (under 14: where a child lives is for the admins over it only). A
 * person whose station entered them with another phone number is sent to the station,
 * without learning anything of the record.
 */
async function duplicateError(ctx: AppContext, idHash: string, forStaff: boolean): Promise<AppError> {
  const first = await q.findByIdHash(ctx.db, idHash);
  if (!forStaff && first && first.user_id === null) {
    return new AppError('VOLUNTEER_EXISTS', {
      field: 'phone',
      detail: {
        zh: '您所在的实践站已为该身份证号登记了志愿者信息，但登记的手机号与您的不一致。请联系所在实践站核对手机号后再注册',
        en: 'Your practice station has registered this ID number with another phone number: ask your station to check it, then register again',
      },
    });
  }
  if (!forStaff || !first || ageToday(first.birth_date) < CHILD_AGE) {
    return new AppError('VOLUNTEER_EXISTS', {
      field: 'idNumber',
      detail: { zh: '该身份证号已注册为志愿者，如需帮助请联系所在实践站', en: 'This ID number is already registered; your practice station can help' },
    });
  }
  const who = `${first.volunteer_no}（${maskName(first.name)}，${first.site_name}）`;
  return new AppError('VOLUNTEER_EXISTS', {
    field: 'idNumber',
    detail: { zh: `该身份证号已登记为志愿者 ${who}`, en: `Already registered as volunteer ${who}` },
  });
}

/** Inserts a checked volunteer, or refuses a second one with the same ID number. */
export async function insertVolunteer(
  ctx: AppContext,
  checked: CheckedVolunteer,
  extra: { source: Source; status: 'pending' | 'active'; userId: number | null; createdBy: number | null },
) {
  const row = volunteerRow(ctx, checked, extra);
  const provinceCode = row.region_code.slice(0, 2);
  const inserted = await q.insertVolunteer(ctx.db, provinceCode, row);
  if (!inserted) throw await duplicateError(ctx, row.id_hash, extra.source !== 'self');
  return inserted;
}

/**
 * Inserts many checked volunteers in one statement (imports); an ID number already
 * registered is passed over. Returns the ID hashes that were inserted.
 */
export async function insertVolunteerBatch(ctx: AppContext, provinceCode: string, rows: q.NewVolunteerRow[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  if (ctx.engine === 'postgres' && ctx.db.isTransaction && rows.length >= COPY_FROM_ROWS) {
    // Large batches on PostgreSQL: leave out the numbers registered already (and repeats),
    // then COPY. Someone registering one of them meanwhile fails the COPY: then the
    // batch goes in by INSERT … ON CONFLICT below, after the savepoint undid the COPY.
    const existing = await q.existingIdHashes(ctx.db, rows.map((row) => row.id_hash));
    const fresh = [...new Map(rows.filter((row) => !existing.has(row.id_hash)).map((row) => [row.id_hash, row])).values()];
    if (fresh.length === 0) return new Set();
    await sql`SAVEPOINT copy_volunteers`.execute(ctx.db);
    try {
      await q.copyVolunteers(ctx.db, provinceCode, fresh, await q.nextVolunteerNumbers(ctx.db, fresh.length));
      await sql`RELEASE SAVEPOINT copy_volunteers`.execute(ctx.db);
      return new Set(fresh.map((row) => row.id_hash));
    } catch (error) {
      if ((error as { code?: string }).code !== '23505') throw error;
      await sql`ROLLBACK TO SAVEPOINT copy_volunteers`.execute(ctx.db);
    }
  }
  const inserted = await q.insertVolunteerBatch(ctx.db, provinceCode, rows);
  return new Set(inserted.map((row) => row.id_hash));
}

/** From this many rows a batch goes in by COPY (PostgreSQL); fewer by one INSERT. */
const COPY_FROM_ROWS = 200;

/** A volunteer row, with its home site's name when the query joined it (the lists do). */
type Row = q.VolunteerRow & { site_name?: string; site_region_code?: string };

async function present(ctx: AppContext, rows: Row[]) {
  const unnamed = rows.filter((row) => row.site_name === undefined).map((row) => row.site_id);
  const siteById = new Map((await q.siteNames(ctx.db, [...new Set(unnamed)])).map((site) => [site.id, site]));
  const today = chinaToday();
  return rows.map((row) => {
    const site = row.site_name !== undefined ? { id: row.site_id, name: row.site_name, region_code: row.site_region_code! } : siteById.get(row.site_id)!;
    return {
      id: row.id,
      volunteerNo: row.volunteer_no,
      name: row.name,
      idMasked: row.id_masked,
      phoneMasked: row.phone_masked,
      sex: row.sex as 'M' | 'F',
      age: ageOn(row.birth_date, today),
      site: { id: site.id, name: site.name, regionCode: site.region_code },
      categories: row.categories,
      skills: row.skills,
      availability: row.availability,
      partyMember: row.party_member,
      emergencyReserve: row.emergency_reserve,
      guardian: row.guardian_name ? { name: row.guardian_name, phoneMasked: row.guardian_phone_masked ?? '' } : null,
      status: row.status as 'pending' | 'active' | 'rejected' | 'suspended',
      rejectReason: row.reject_reason,
      source: row.source as Source,
      lastServedOn: row.last_served_on,
      createdAt: row.created_at.toISOString(),
    };
  });
}

async function presentDetail(ctx: AppContext, row: Row) {
  const [volunteer] = await present(ctx, [row]);
  const organizations = await q.membershipsOf(ctx.db, row.id);
  return { ...volunteer!, organizations: organizations.map((o) => ({ id: o.id, name: o.name, category: o.category, status: o.status })) };
}

/** The volunteer record a registration ended with, and its home site. */
interface Enrolment {
  id: number;
  siteId: number;
  regionCode: string;
}

/**
 * The record of a person registering themselves: a new one, waiting for review; or the one
 * staff entered or imported for their ID number, when it has no account yet and carries a
 * phone number the person holds (`phones`: the one typed, the account's). A linked record
 * keeps its number, status, hours, teams and profile as the station entered them: the
 * person proved who they are, not that the entry is wrong. The link is audited.
 */
async function enrolSelf(tx: AppContext, checked: CheckedVolunteer, userId: number, phones: string[]): Promise<Enrolment> {
  const row = volunteerRow(tx, checked, { source: 'self', status: 'pending', userId, createdBy: null });
  const inserted = await q.insertVolunteer(tx.db, row.region_code.slice(0, 2), row);
  if (inserted) return { id: inserted.id, siteId: row.site_id, regionCode: row.region_code };
  const phoneHashes = [...new Set(phones)].map((phone) => tx.pii.lookupHash('phone', phone));
  const linked = await q.linkUnclaimed(tx.db, row.id_hash, userId, phoneHashes);
  if (!linked) throw await duplicateError(tx, row.id_hash, false);
  await recordAudit(tx, {
    actorId: userId, action: 'volunteer_link', subject: `volunteer:${linked.id}`, regionCode: linked.region_code, reason: null,
    details: { linkedUserId: userId, via: 'self_registration' },
  });
  return { id: linked.id, siteId: linked.site_id, regionCode: linked.region_code };
}

/** Enrols the person and gives their account the volunteer role where the record lives. */
async function enrolWithRole(tx: AppContext, checked: CheckedVolunteer, userId: number, phones: string[]): Promise<Enrolment> {
  const enrolment = await enrolSelf(tx, checked, userId, phones);
  await auth.addGrant(tx, { userId, role: 'volunteer', siteId: enrolment.siteId, regionCode: enrolment.regionCode, grantedBy: null });
  return enrolment;
}

/** A new person registers on the phone: account, volunteer role and profile in one go. */
export async function registerSelf(ctx: AppContext, input: Static<typeof SelfRegistration>, client: auth.Client) {
  const { password, ...profile } = input;
  const checked = await checkVolunteer(ctx, profile);
  if (await auth.findAccountByPhone(ctx, input.phone)) {
    throw new AppError('PHONE_TAKEN', {
      field: 'phone',
      detail: { zh: '该手机号已注册，请登录后在“我的”中申请成为志愿者', en: 'This phone number has an account: sign in and register from “Me”' },
    });
  }
  if (!isStrongPassword(password)) throw new AppError('WEAK_PASSWORD', { field: 'password' });
  const passwordHash = await hashPassword(password);
  return inTransaction(ctx, async (tx) => {
    const userId = await auth.createAccount(tx, {
      name: input.name, phone: input.phone, password, regionCode: checked.site.regionCode, mustChangePassword: false, createdBy: null,
    }, passwordHash);
    const { id, regionCode } = await enrolWithRole(tx, checked, userId, [input.phone]);
    const token = await auth.signInSession(tx, { id: userId, regionCode }, client);
    return { token, volunteer: await presentDetail(tx, (await q.findById(tx.db, id))!) };
  });
}

/** A signed-in resident becomes a volunteer. */
export async function registerMine(ctx: AppContext, actor: Actor, input: Static<typeof MyRegistration>) {
  if (await q.findByUserId(ctx.db, actor.userId)) throw new AppError('ALREADY_VOLUNTEER');
  const accountPhone = await auth.accountPhone(ctx, actor.userId);
  const phone = input.phone ?? accountPhone;
  const checked = await checkVolunteer(ctx, { ...input, phone });
  return inTransaction(ctx, async (tx) => {
    const { id } = await enrolWithRole(tx, checked, actor.userId, [phone, accountPhone]);
    return presentDetail(tx, (await q.findById(tx.db, id))!);
  });
}

export async function myVolunteer(ctx: AppContext, actor: Actor) {
  const row = await q.findByUserId(ctx.db, actor.userId);
  if (!row) throw notFound();
  return presentDetail(ctx, row);
}

/** Staff enter a volunteer on a site of their area; no review needed. */
export async function createVolunteer(ctx: AppContext, actor: Actor, input: VolunteerInputData) {
  requireAdmin(actor);
  if (!(await sites.findSiteInScope(ctx, actor, input.siteId))) throw notFound('siteId');
  const checked = await checkVolunteer(ctx, input);
  const { id } = await insertVolunteer(ctx, checked, { source: 'staff', status: 'active', userId: null, createdBy: actor.userId });
  return presentDetail(ctx, (await q.findById(ctx.db, id))!);
}

/**
 * A record the actor administers, or 404. This is also the tighter rule for a child's
 * record: only admins (station admin and above) whose area covers the child's home site
 * pass; team leaders and volunteers never do, whatever the record.
 */
const scoped = (ctx: AppContext, actor: Actor, id: number) => requireInScope(actor, () => q.findScoped(ctx.db, actor, id));

/**
 * A child's data is sensitive (PIPL Art 28, 31): every read of a record of someone under 14
 * by another person is audited. The child's own account is not; a guardian is stored as a
 * name and phone, not linked to an account, so no guardian read can be told apart.
 */
async function auditChildRead(
  ctx: AppContext, actor: Actor, row: q.VolunteerRow, details: { via: 'detail' } | { via: 'reveal'; fields: string[] }, reason: string | null = null,
) {
  if (ageToday(row.birth_date) >= CHILD_AGE || row.user_id === actor.userId) return;
  await recordAudit(ctx, { actorId: actor.userId, action: 'read_child', subject: `volunteer:${row.id}`, regionCode: row.region_code, reason, details });
}

/** One volunteer's detail for staff (also the answer of a review and an edit, so those reads are audited too). */
export async function getVolunteer(ctx: AppContext, actor: Actor, id: number) {
  const row = await scoped(ctx, actor, id);
  await auditChildRead(ctx, actor, row, { via: 'detail' });
  return presentDetail(ctx, row);
}

/**
 * Staff's list. It shows children's names unmasked and unaudited: only admins over the
 * child's home site see it (the same people who may open the record), and a list row is
 * what finding the child takes; opening the record is the audited read.
 */
export async function listVolunteers(ctx: AppContext, actor: Actor, filter: q.VolunteerFilter & { cursor?: string | undefined; limit: number }) {
  requireAdmin(actor);
  const after = decodeCursor(filter.cursor);
  const key = after ? ([String(after[0]), Number(after[1])] as [string, number]) : null;
  const rows = await q.listScoped(ctx.db, actor, filter, activeSince(), key, filter.limit);
  const page = pageOf(rows, filter.limit, (row) => [row.region_code, row.id]);
  return { items: await present(ctx, page.items), nextCursor: page.nextCursor };
}

/**
 * Every volunteer of a filtered list, page by page, for an export: presented (masked) as
 * in the list, plus the full ID and phone numbers when `unmasked` (the caller decides who
 * may, and audits it).
 */
export async function* volunteerExportPages(ctx: AppContext, actor: Actor, filter: q.VolunteerFilter, options: { unmasked: boolean; pageSize?: number }) {
  requireAdmin(actor);
  const since = activeSince();
  const size = options.pageSize ?? 1000;
  let key: [string, number] | null = null;
  for (;;) {
    const rows = await q.listScoped(ctx.db, actor, filter, since, key, size);
    const page = rows.slice(0, size);
    const presented = await present(ctx, page);
    yield presented.map((volunteer, i) => ({
      ...volunteer,
      idNumber: options.unmasked ? ctx.pii.decrypt(page[i]!.id_enc) : null,
      phone: options.unmasked ? ctx.pii.decrypt(page[i]!.phone_enc) : null,
    }));
    if (rows.length <= size) return;
    const last = page.at(-1)!;
    key = [last.region_code, last.id];
  }
}

/**
 * The first day that still counts as "recently served": the 1st of the month that makes,
 * with this one, the last 12 calendar months (whole months, so the statistics can count
 * active volunteers per month without keeping a day for each of millions).
 */
export function activeSince(today = chinaToday()): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - ACTIVE_MONTHS, 1)).toISOString().slice(0, 10);
}

/** Approve or reject a self-registered volunteer (station admin or above). */
export async function reviewVolunteer(ctx: AppContext, actor: Actor, id: number, review: Review) {
  const row = await scoped(ctx, actor, id);
  const reason = rejectionReason(review);
  await inTransaction(ctx, async (tx) => {
    const decided = await q.decide(tx.db, row.id, { status: reason === null ? 'active' : 'rejected', reason, by: actor.userId });
    if (!decided) throw new AppError('ALREADY_DECIDED');
    await inbox.notify(tx, [row.user_id], reason === null
      ? { kind: 'volunteer_approved', title: '志愿者注册已通过审核', body: `欢迎加入！您的志愿者编号是 ${row.volunteer_no}。`, link: '/m/me' }
      : { kind: 'volunteer_rejected', title: '志愿者注册未通过审核', body: `原因：${reason}`, link: '/m/me' });
  });
  return getVolunteer(ctx, actor, id);
}

type Fields = Parameters<typeof q.updateVolunteer>[2];
type OfferPatch = Pick<Static<typeof VolunteerUpdate>, 'categories' | 'skills' | 'availability' | 'partyMember' | 'emergencyReserve'>;

/**
 * The columns of what the person offers (categories, skills, times, party member, reserve)
 * that a patch sets, by staff or by the person; a field left out stays as it is.
 */
export function offerFields(row: Pick<q.VolunteerRow, 'birth_date'>, patch: OfferPatch): Fields {
  const fields: Fields = {};
  if (patch.categories) fields.categories = patch.categories;
  if (patch.skills) fields.skills = patch.skills.map((skill) => skill.trim());
  if (patch.availability) fields.availability = patch.availability;
  if (patch.partyMember !== undefined) fields.party_member = patch.partyMember;
  if (patch.emergencyReserve !== undefined) {
    checkReserveAge(row.birth_date, patch.emergencyReserve);
    fields.emergency_reserve = patch.emergencyReserve;
  }
  return fields;
}

export async function updateVolunteer(ctx: AppContext, actor: Actor, id: number, patch: Static<typeof VolunteerUpdate>) {
  const row = await scoped(ctx, actor, id);
  const fields: Fields = {};
  if (patch.siteId !== undefined && patch.siteId !== row.site_id) {
    const site = await sites.findSiteInScope(ctx, actor, patch.siteId);
    if (!site || !(await sites.findHomeSite(ctx, patch.siteId))) throw notFound('siteId');
    Object.assign(fields, { site_id: site.id, region_code: site.regionCode });
  }
  if (patch.name) Object.assign(fields, { name: patch.name.trim(), name_initials: pinyinInitials(patch.name.trim()) });
  await q.updateVolunteer(ctx.db, row.id, { ...fields, ...offerFields(row, patch) });
  return getVolunteer(ctx, actor, id);
}

/**
 * The full ID or phone number, for a stated reason, written to the audit log. Phone
 * numbers: any admin over the volunteer's site; ID numbers: center admins and above.
 */
export async function revealVolunteer(ctx: AppContext, actor: Actor, id: number, request: Static<typeof RevealRequest>) {
  const row = await scoped(ctx, actor, id);
  if (request.fields.includes('idNumber') && rankOver(actor, row.region_code) < roleRank('center_admin')) throw new AppError('FORBIDDEN');
  const revealed: { idNumber?: string; phone?: string } = {};
  if (request.fields.includes('idNumber')) revealed.idNumber = ctx.pii.decrypt(row.id_enc);
  if (request.fields.includes('phone')) revealed.phone = ctx.pii.decrypt(row.phone_enc);
  await inTransaction(ctx, async (tx) => {
    await recordAudit(tx, {
      actorId: actor.userId, action: 'reveal', subject: `volunteer:${row.id}`, regionCode: row.region_code,
      reason: request.reason, details: { fields: request.fields },
    });
    await auditChildRead(tx, actor, row, { via: 'reveal', fields: request.fields }, request.reason);
  });
  return revealed;
}

/** The signed-in person's volunteer record (id, status, where), or null. */
export async function volunteerOfUser(ctx: AppContext, userId: number) {
  const row = await q.findByUserId(ctx.db, userId);
  return row ? { id: row.id, name: row.name, status: row.status, regionCode: row.region_code, userId, birthDate: row.birth_date, skills: row.skills } : null;
}

export async function volunteerSummary(ctx: AppContext, id: number) {
  const row = await q.findById(ctx.db, id);
  return row ? { id: row.id, name: row.name, status: row.status, regionCode: row.region_code, userId: row.user_id } : null;
}

/** What a certificate states about a volunteer (masked ID, number, name). */
export async function certificateFacts(ctx: AppContext, id: number) {
  const row = await q.findById(ctx.db, id);
  return row ? { name: row.name, idMasked: row.id_masked, volunteerNo: row.volunteer_no, userId: row.user_id } : null;
}
