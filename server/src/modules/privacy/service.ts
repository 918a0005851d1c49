// A person's rights over their data (PIPL Art 45, 47; DOMAIN.md "access, copy, correction
// and deletion on request"): a full copy of what the platform holds about them, and
// erasure. Erasure removes who they are and keeps what they did: the service-hour ledger
// is append-only and "true, accurate, complete" (民政部令第67号), so its entries and every
// total built from them stay, attached to a pseudonym. DOMAIN.md sets no retention period
// for the records themselves; keeping them anonymous is the reading that changes no total.
import { inTransaction, type AppContext } from '../../context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { verifyPassword } from '../../lib/password.ts';
import { maskName } from '../../lib/pii.ts';
import { isAdminRole, rankOver, roleRank, type Actor, type Role } from '../../lib/scope.ts';
import * as activities from '../activities/service.ts';
import { recordAudit } from '../audit/service.ts';
import * as auth from '../auth/service.ts';
import * as hours from '../hours/service.ts';
import { forgetTextsTo } from '../inbox/outbox.ts';
import * as q from './queries.ts';

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** Everything the platform holds about the signed-in person, their own numbers in clear. */
export async function exportMyData(ctx: AppContext, actor: Actor) {
  const user = await q.findUser(ctx.db, actor.userId);
  if (!user) throw notFound();
  const [roles, volunteer, wishes, orders] = await Promise.all([
    q.rolesOf(ctx.db, user.id), q.findVolunteerOf(ctx.db, user.id), q.wishesPostedBy(ctx.db, user.id), q.ordersPlacedBy(ctx.db, user.id),
  ]);
  const service = volunteer ? await volunteerRecords(ctx, volunteer.id) : emptyRecords;
  const decrypt = (value: string | null) => (value ? ctx.pii.decrypt(value) : null);
  const document = {
    exportedAt: new Date().toISOString(),
    account: {
      id: user.id, name: user.name, phone: ctx.pii.decrypt(user.phone_enc), regionCode: user.region_code, status: user.status,
      createdAt: user.created_at.toISOString(),
      roles: roles.map((r) => ({ role: r.role, siteName: r.site_name, regionCode: r.region_code, grantedAt: r.created_at.toISOString() })),
    },
    volunteer: volunteer ? {
      id: volunteer.id, volunteerNo: volunteer.volunteer_no, name: volunteer.name,
      idNumber: ctx.pii.decrypt(volunteer.id_enc), phone: ctx.pii.decrypt(volunteer.phone_enc),
      birthDate: volunteer.birth_date, sex: volunteer.sex, site: { id: volunteer.site_id, name: volunteer.site_name },
      regionCode: volunteer.region_code, categories: volunteer.categories, skills: volunteer.skills, availability: volunteer.availability,
      partyMember: volunteer.party_member, emergencyReserve: volunteer.emergency_reserve,
      guardianName: volunteer.guardian_name, guardianPhone: decrypt(volunteer.guardian_phone_enc),
      guardianConsentAt: iso(volunteer.guardian_consent_at), consentAt: volunteer.consent_at.toISOString(),
      status: volunteer.status, source: volunteer.source, lastServedOn: volunteer.last_served_on, createdAt: volunteer.created_at.toISOString(),
    } : null,
    ...service,
    wishes: wishes.map((w) => ({
      id: w.id, title: w.title, story: w.story, category: w.category, beneficiaryGroup: w.beneficiary_group,
      // posted for someone else: that person's name is theirs, not the requester's
      beneficiaryName: w.on_behalf ? w.beneficiary_name_masked : ctx.pii.decrypt(w.beneficiary_name_enc),
      beneficiaryPhone: w.on_behalf ? w.beneficiary_phone_masked : decrypt(w.beneficiary_phone_enc),
      onBehalf: w.on_behalf, status: w.status, createdAt: w.created_at.toISOString(),
    })),
    orders: orders.map((o) => ({
      id: o.id, title: o.title, details: o.details, category: o.category, contactPhone: decrypt(o.contact_phone_enc), address: o.address,
      status: o.status, rating: o.rating, ratingComment: o.rating_comment, createdAt: o.created_at.toISOString(),
    })),
  };
  await recordAudit(ctx, {
    actorId: actor.userId, action: 'export', subject: `user:${user.id}`, regionCode: user.region_code, reason: '本人申请数据副本',
    details: { scope: 'own data', volunteerId: volunteer?.id ?? null },
  });
  return document;
}

const emptyRecords = {
  memberships: [], signups: [], hours: { minutes: 0, hours: 0, records: 0, entries: [] }, certificates: [], training: [], qualifications: [], careVisits: [],
};

async function volunteerRecords(ctx: AppContext, volunteerId: number) {
  const [memberships, signups, ledger, totals, certificates, training, qualifications, visits] = await Promise.all([
    q.membershipsOf(ctx.db, volunteerId), q.signupsOf(ctx.db, volunteerId), q.ledgerOf(ctx.db, volunteerId), q.totalsOf(ctx.db, volunteerId),
    q.certificatesOf(ctx.db, volunteerId), q.trainingOf(ctx.db, volunteerId), q.qualificationsOf(ctx.db, volunteerId), q.careVisitsOf(ctx.db, volunteerId),
  ]);
  const minutes = totals?.minutes ?? 0;
  return {
    memberships: memberships.map((m) => ({
      organizationId: m.id, name: m.name, status: m.status, requestedAt: m.requested_at.toISOString(), decidedAt: iso(m.decided_at),
    })),
    signups: signups.map((s) => ({
      activityId: s.id, title: s.title, startsAt: s.starts_at.toISOString(), endsAt: s.ends_at.toISOString(), status: s.status,
      signedUpAt: s.created_at.toISOString(), checkedInAt: iso(s.check_in_at), checkedOutAt: iso(s.check_out_at),
    })),
    hours: {
      minutes, hours: hours.hoursOf(minutes), records: totals?.entries ?? 0,
      entries: ledger.map((e) => ({
        id: e.id, kind: e.kind, source: e.source, sourceId: e.source_id, organizationName: e.organization_name,
        startedAt: e.started_at.toISOString(), endedAt: e.ended_at.toISOString(), minutes: e.minutes, reversesId: e.reverses_id,
        reason: e.reason, content: e.content, recordedAt: e.recorded_at.toISOString(),
      })),
    },
    certificates: certificates.map((c) => ({
      code: c.code, minutes: c.minutes, content: c.content, issuedAt: c.issued_at.toISOString(), revokedAt: iso(c.revoked_at),
    })),
    training: training.map((t) => ({ courseId: t.id, title: t.title, score: t.score, completedAt: t.completed_at.toISOString() })),
    qualifications: qualifications.map((x) => ({ qualification: x.qualification, earnedAt: x.earned_at.toISOString() })),
    careVisits: visits.map((v) => ({ id: v.id, visitedOn: v.visited_on, kind: v.kind, loggedAt: v.created_at.toISOString() })),
  };
}

/** The person erases their own account, after re-entering their password. */
export async function eraseMine(ctx: AppContext, actor: Actor, currentPassword: string) {
  const user = await q.findUser(ctx.db, actor.userId);
  if (!user || !(await verifyPassword(currentPassword, user.password_hash))) {
    throw new AppError('WRONG_PASSWORD', { field: 'currentPassword' });
  }
  return erase(ctx, { userId: actor.userId, actorId: actor.userId, reason: '本人申请注销账号', by: 'self' });
}

/**
 * Staff carry out a request they received: center admins and above over the person's
 * region, never over someone holding an admin role as high as their own. Outside their
 * area the person does not exist for them (404).
 */
export async function eraseAsStaff(ctx: AppContext, actor: Actor, userId: number, reason: string) {
  const user = await q.findUser(ctx.db, userId);
  const volunteer = user && (await q.findVolunteerOf(ctx.db, userId));
  const region = volunteer?.region_code ?? user?.region_code;
  const rank = region ? rankOver(actor, region) : -1;
  if (!user || rank < 0) throw notFound('userId');
  if (rank < roleRank('center_admin')) throw new AppError('FORBIDDEN');
  const theirRoles = (await q.rolesOf(ctx.db, userId)).map((grant) => grant.role as Role);
  if (theirRoles.some((role) => isAdminRole(role) && roleRank(role) >= rank)) throw new AppError('FORBIDDEN');
  const identifiers = [user.name, ctx.pii.decrypt(user.phone_enc), volunteer?.name, volunteer && ctx.pii.decrypt(volunteer.id_enc)];
  if (identifiers.some((value) => value && value.length >= 2 && reason.toUpperCase().includes(value.toUpperCase()))) {
    throw new AppError('VALIDATION_FAILED', {
      field: 'reason',
      detail: { zh: '原因中不能包含被注销人的姓名或号码', en: 'The reason must not contain the person’s name or numbers' },
    });
  }
  return erase(ctx, { userId, actorId: actor.userId, reason, by: 'staff' });
}

interface Erasure {
  userId: number;
  actorId: number;
  reason: string;
  by: 'self' | 'staff';
}

/** One transaction: either the person is gone everywhere, or nothing changed. */
function erase(ctx: AppContext, erasure: Erasure) {
  return inTransaction(ctx, async (tx) => {
    const user = await q.findUser(tx.db, erasure.userId);
    if (!user) throw notFound('userId'); // erased meanwhile
    const volunteer = await q.findVolunteerOf(tx.db, user.id);
    const pseudonym = `已注销用户#${user.id}`;

    // Their numbers as stored, read before the scrub: the account's, the volunteer's, their own wishes'.
    const ownWishes = (await q.wishesPostedBy(tx.db, user.id)).filter((wish) => !wish.on_behalf);
    const numbers = [user.phone_enc, volunteer?.phone_enc, ...ownWishes.map((wish) => wish.beneficiary_phone_enc)];

    if (volunteer) await eraseVolunteer(tx, user, volunteer, pseudonym);
    await q.scrubOwnWishes(tx.db, user.id, tx.pii.encrypt(pseudonym), maskName(pseudonym));
    await q.scrubOrders(tx.db, user.id);
    await q.scrubLoginAttempts(tx.db, user.id, user.phone_hash);
    await q.deleteAccountData(tx.db, user.id);
    await q.scrubUser(tx.db, user.id, pseudonym);
    auth.forgetActors(tx, user.id);
    // Last, so a text the steps above queued (a withdrawn sign-up) goes too.
    await forgetTextsTo(tx, numbers);

    const totals = volunteer ? await q.totalsOf(tx.db, volunteer.id) : undefined;
    const kept = { minutes: totals?.minutes ?? 0, entries: totals?.entries ?? 0 };
    // ids and counts only: the entry must not carry what it erased
    await recordAudit(tx, {
      actorId: erasure.actorId, action: 'erase', subject: `user:${user.id}`,
      regionCode: volunteer?.region_code ?? user.region_code, reason: erasure.reason,
      details: { by: erasure.by, volunteerId: volunteer?.id ?? null, keptMinutes: kept.minutes, keptEntries: kept.entries },
    });
    return {
      userId: user.id, pseudonym, volunteerId: volunteer?.id ?? null, keptMinutes: kept.minutes, keptEntries: kept.entries,
      erasedAt: new Date().toISOString(),
    };
  });
}

/** The volunteer record: out of every workflow, then stripped (the ledger stays on it). */
async function eraseVolunteer(
  tx: AppContext, user: { id: number; phone_enc: string }, volunteer: { id: number; status: string; phone_enc: string }, pseudonym: string,
) {
  if (volunteer.status === 'active') await withdrawSignups(tx, user.id, volunteer.id);
  const phones = new Set([tx.pii.decrypt(user.phone_enc), tx.pii.decrypt(volunteer.phone_enc)]);
  const led = await q.organizationsLedBy(tx.db, volunteer.id);
  const theirContact = led.filter((o) => o.contact_phone_enc && phones.has(tx.pii.decrypt(o.contact_phone_enc)));
  await q.dropLeadership(tx.db, volunteer.id, theirContact.map((o) => o.id));
  await q.scrubVolunteer(tx.db, volunteer.id, pseudonym);
  await q.leaveCareGroups(tx.db, volunteer.id);
  await q.revokeCertificatesOf(tx.db, volunteer.id, pseudonym, '持证人已注销账号');
}

/** Seats they hold in activities still to come go to the next on the waiting list. */
async function withdrawSignups(ctx: AppContext, userId: number, volunteerId: number) {
  const person: Actor = { userId, name: '', grants: await auth.findGrants(ctx, userId) };
  for (const { id } of await q.openSignupsOf(ctx.db, volunteerId)) await activities.cancelSignup(ctx, person, id);
}
