// Where a person's data lives, table by table: read whole for a copy (PIPL Art 45), and
// stripped of what identifies them for an erasure (Art 47). Kept together so that a new
// column holding personal data has one obvious place to be added.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Stored in place of a hash or ciphertext: matches no lookup and decrypts to nothing. */
export const ERASED = 'erased';

/** An account not erased yet; row-locked when read inside a transaction (the erasure). */
export function findUser(db: Kysely<DB>, userId: number) {
  const query = db.selectFrom('users')
    .select(['id', 'name', 'phone_hash', 'phone_enc', 'password_hash', 'region_code', 'status', 'created_at'])
    .where('id', '=', userId).where('phone_hash', 'not like', `${ERASED}:%`);
  return (db.isTransaction ? query.forUpdate() : query).executeTakeFirst();
}

export function findVolunteerOf(db: Kysely<DB>, userId: number) {
  const query = db.selectFrom('volunteers').innerJoin('sites', 'sites.id', 'volunteers.site_id')
    .selectAll('volunteers').select('sites.name as site_name').where('volunteers.user_id', '=', userId);
  return (db.isTransaction ? query.forUpdate('volunteers') : query).executeTakeFirst();
}

export function rolesOf(db: Kysely<DB>, userId: number) {
  return db.selectFrom('grants').innerJoin('sites', 'sites.id', 'grants.site_id')
    .select(['grants.role', 'sites.name as site_name', 'grants.region_code', 'grants.created_at'])
    .where('grants.user_id', '=', userId).orderBy('grants.id').execute();
}

// ---- the copy ----

export function membershipsOf(db: Kysely<DB>, volunteerId: number) {
  return db.selectFrom('memberships').innerJoin('organizations', 'organizations.id', 'memberships.organization_id')
    .select(['organizations.id', 'organizations.name', 'memberships.status', 'memberships.requested_at', 'memberships.decided_at'])
    .where('memberships.volunteer_id', '=', volunteerId).orderBy('memberships.requested_at').execute();
}

export function signupsOf(db: Kysely<DB>, volunteerId: number) {
  return db.selectFrom('signups').innerJoin('activities', 'activities.id', 'signups.activity_id')
    .leftJoin('attendance', (join) => join.onRef('attendance.activity_id', '=', 'signups.activity_id').onRef('attendance.volunteer_id', '=', 'signups.volunteer_id'))
    .select(['activities.id', 'activities.title', 'activities.starts_at', 'activities.ends_at', 'signups.status', 'signups.created_at',
      'attendance.check_in_at', 'attendance.check_out_at'])
    .where('signups.volunteer_id', '=', volunteerId).orderBy('activities.starts_at').execute();
}

/** Future sign-ups still holding (or waiting for) a seat: withdrawn before an erasure. */
export function openSignupsOf(db: Kysely<DB>, volunteerId: number) {
  return db.selectFrom('signups').innerJoin('activities', 'activities.id', 'signups.activity_id')
    .select('activities.id').where('signups.volunteer_id', '=', volunteerId)
    .where('signups.status', 'in', ['pending', 'confirmed', 'waitlisted']).where('activities.starts_at', '>', sql<Date>`now()`)
    .orderBy('activities.id').execute();
}

export function ledgerOf(db: Kysely<DB>, volunteerId: number) {
  return db.selectFrom('service_hours as s').leftJoin('organizations as o', 'o.id', 's.organization_id')
    .select(['s.id', 's.kind', 's.source', 's.source_id', 'o.name as organization_name', 's.started_at', 's.ended_at', 's.minutes',
      's.reverses_id', 's.reason', 's.content', 's.recorded_at'])
    .where('s.volunteer_id', '=', volunteerId).orderBy('s.id').execute();
}

export function totalsOf(db: Kysely<DB>, volunteerId: number) {
  return db.selectFrom('volunteer_hours').select(['minutes', 'entries']).where('volunteer_id', '=', volunteerId).executeTakeFirst();
}

export function certificatesOf(db: Kysely<DB>, volunteerId: number) {
  return db.selectFrom('certificates').select(['code', 'minutes', 'content', 'issued_at', 'revoked_at'])
    .where('volunteer_id', '=', volunteerId).orderBy('id').execute();
}

export function trainingOf(db: Kysely<DB>, volunteerId: number) {
  return db.selectFrom('training_records').innerJoin('courses', 'courses.id', 'training_records.course_id')
    .select(['courses.id', 'courses.title', 'training_records.score', 'training_records.completed_at'])
    .where('training_records.volunteer_id', '=', volunteerId).orderBy('training_records.completed_at').execute();
}

export function qualificationsOf(db: Kysely<DB>, volunteerId: number) {
  return db.selectFrom('volunteer_qualifications').select(['qualification', 'earned_at'])
    .where('volunteer_id', '=', volunteerId).orderBy('earned_at').execute();
}

/** Visits the person logged: when and how, not what they learned about the people visited. */
export function careVisitsOf(db: Kysely<DB>, volunteerId: number) {
  return db.selectFrom('care_visits').select(['id', 'visited_on', 'kind', 'created_at'])
    .where('volunteer_id', '=', volunteerId).orderBy('visited_on').execute();
}

export function wishesPostedBy(db: Kysely<DB>, userId: number) {
  return db.selectFrom('wishes')
    .select(['id', 'title', 'story', 'category', 'beneficiary_group', 'beneficiary_name_enc', 'beneficiary_name_masked',
      'beneficiary_phone_enc', 'beneficiary_phone_masked', 'on_behalf', 'status', 'created_at'])
    .where('posted_by', '=', userId).orderBy('id').execute();
}

export function ordersPlacedBy(db: Kysely<DB>, userId: number) {
  return db.selectFrom('orders')
    .select(['id', 'title', 'details', 'category', 'contact_phone_enc', 'address', 'status', 'rating', 'rating_comment', 'created_at'])
    .where('resident_id', '=', userId).orderBy('id').execute();
}

// ---- the erasure ----

/**
 * The volunteer row stays (it anchors the service-hour ledger) under a pseudonym: every
 * identifier, contact, guardian and profile detail goes; the birth date keeps only its
 * year (age-band statistics); suspended, so no workflow picks the record up again.
 */
export function scrubVolunteer(db: Kysely<DB>, volunteerId: number, pseudonym: string) {
  return db.updateTable('volunteers').set({
    name: pseudonym, name_initials: '',
    id_hash: `${ERASED}:${volunteerId}`, id_enc: '', id_masked: '',
    birth_date: sql<string>`date_trunc('year', birth_date)::date`,
    phone_hash: ERASED, phone_enc: '', phone_masked: '', phone_tail: '',
    categories: [], skills: [], availability: [], party_member: false, emergency_reserve: false,
    guardian_name: null, guardian_phone_enc: null, guardian_phone_masked: null,
    reject_reason: null, status: 'suspended', updated_at: sql<Date>`now()`,
  }).where('id', '=', volunteerId).execute();
}

export function organizationsLedBy(db: Kysely<DB>, volunteerId: number) {
  return db.selectFrom('organizations').select(['id', 'contact_phone_enc']).where('leader_volunteer_id', '=', volunteerId).execute();
}

/** Teams they led lose their leader, and the contact details when those were theirs. */
export async function dropLeadership(db: Kysely<DB>, volunteerId: number, contactOf: number[]) {
  if (contactOf.length > 0) {
    await db.updateTable('organizations').set({ contact_name: null, contact_phone_enc: null, contact_phone_masked: null })
      .where('id', 'in', contactOf).execute();
  }
  await db.updateTable('organizations').set({ leader_volunteer_id: null, updated_at: sql<Date>`now()` })
    .where('leader_volunteer_id', '=', volunteerId).execute();
}

/** Their recipients show up as needing a hand-over (the care module's own signal). */
export function leaveCareGroups(db: Kysely<DB>, volunteerId: number) {
  return db.updateTable('care_group_members').set({ left_at: sql<Date>`now()` })
    .where('volunteer_id', '=', volunteerId).where('left_at', 'is', null).execute();
}

/** Certificates name the holder: they are revoked and their snapshot loses name and ID. */
export function revokeCertificatesOf(db: Kysely<DB>, volunteerId: number, pseudonym: string, reason: string) {
  return db.updateTable('certificates').set({
    snapshot: sql`snapshot || jsonb_build_object('name', ${pseudonym}::text, 'idMasked', '')`,
    revoked_at: sql<Date>`coalesce(revoked_at, now())`,
    revoke_reason: sql<string>`coalesce(revoke_reason, ${reason}::text)`,
  }).where('volunteer_id', '=', volunteerId).execute();
}

/** The account: no name, no phone, no way in (no scrypt hash verifies against ERASED). */
export function scrubUser(db: Kysely<DB>, userId: number, pseudonym: string) {
  return db.updateTable('users').set({
    name: pseudonym, phone_hash: `${ERASED}:${userId}`, phone_enc: '', phone_masked: '',
    password_hash: ERASED, status: 'disabled', must_change_password: false, updated_at: sql<Date>`now()`,
  }).where('id', '=', userId).execute();
}

/** Roles, sessions, the inbox and replayable answers belong to the account alone: deleted. */
export async function deleteAccountData(db: Kysely<DB>, userId: number) {
  await db.deleteFrom('grants').where('user_id', '=', userId).execute();
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  await db.deleteFrom('notifications').where('user_id', '=', userId).execute();
  await db.deleteFrom('idempotency_keys').where('user_key', '=', `user:${userId}`).execute();
}

/** Sign-in attempts stay (their counts), without the phone number's hash. */
export function scrubLoginAttempts(db: Kysely<DB>, userId: number, phoneHash: string) {
  return db.updateTable('login_attempts').set({ phone_hash: ERASED })
    .where((eb) => eb.or([eb('user_id', '=', userId), eb('phone_hash', '=', phoneHash)])).execute();
}

/** Orders stay for the teams' records; how to reach the person does not. */
export function scrubOrders(db: Kysely<DB>, userId: number) {
  return db.updateTable('orders').set({ contact_phone_enc: null, contact_phone_masked: null, address: null })
    .where('resident_id', '=', userId).execute();
}

/**
 * Wishes the person posted for themselves name them as the beneficiary: the pseudonym
 * replaces name and phone. Wishes posted for someone else name that person, not them.
 */
export function scrubOwnWishes(db: Kysely<DB>, userId: number, pseudonymEnc: string, pseudonym: string) {
  return db.updateTable('wishes').set({
    beneficiary_name_enc: pseudonymEnc, beneficiary_name_masked: pseudonym,
    beneficiary_key: sql<string>`${ERASED} || ':' || id`, beneficiary_phone_enc: null, beneficiary_phone_masked: null,
  }).where('posted_by', '=', userId).where('on_behalf', '=', false).execute();
}
