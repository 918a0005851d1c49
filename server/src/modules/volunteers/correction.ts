// Correction on request (PIPL Art 46; DOMAIN.md "Personal data"): volunteers correct their
// own contact phone and what they offer from 我的; staff correct the phone with the rest of
// a profile. A phone number is stored like at registration (encrypted, keyed hash, masked
// copies) and belongs to one volunteer only. Name and ID number are not the person's to
// change: their station corrects them, which keeps the ID number unique.
import { sql, type Kysely } from 'kysely';
import type { Static } from 'typebox';
import { inTransaction, type AppContext } from '../../context.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { maskName, maskPhone } from '../../lib/pii.ts';
import { requireInScope, type Actor } from '../../lib/scope.ts';
import * as q from './queries.ts';
import type { VolunteerSelfUpdate, VolunteerUpdate } from './schemas.ts';
import * as volunteers from './service.ts';

type Fields = Parameters<typeof q.updateVolunteer>[2];

/** The volunteer corrects their own record; answers it as GET /volunteers/me does. */
export async function correctMine(ctx: AppContext, actor: Actor, patch: Static<typeof VolunteerSelfUpdate>) {
  const { phone, ...profile } = patch;
  await inTransaction(ctx, async (tx) => {
    const row = await q.findByUserId(tx.db, actor.userId);
    if (!row) throw notFound();
    const fields = { ...volunteers.offerFields(row, profile), ...(phone === undefined ? {} : await phoneFields(tx, row, phone, { forStaff: false })) };
    await q.updateVolunteer(tx.db, row.id, fields);
  });
  return volunteers.myVolunteer(ctx, actor);
}

/**
 * Staff edit a volunteer (VolunteerUpdate): a phone number is corrected here, in the same
 * transaction as the rest of the edit, which the profile update does as before.
 */
export async function correctVolunteer(ctx: AppContext, actor: Actor, id: number, patch: Static<typeof VolunteerUpdate>) {
  const { phone, ...profile } = patch;
  if (phone === undefined) return volunteers.updateVolunteer(ctx, actor, id, profile);
  return inTransaction(ctx, async (tx) => {
    const row = await requireInScope(actor, () => q.findScoped(tx.db, actor, id));
    await q.updateVolunteer(tx.db, row.id, await phoneFields(tx, row, phone, { forStaff: true }));
    return volunteers.updateVolunteer(tx, actor, id, profile);
  });
}

/**
 * The phone columns for a new number, once no other volunteer holds it. Must run in the
 * transaction that stores them: the number stays locked until it commits.
 */
async function phoneFields(tx: AppContext, row: q.VolunteerRow, phone: string, options: { forStaff: boolean }): Promise<Fields> {
  const phoneHash = tx.pii.lookupHash('phone', phone);
  if (phoneHash === row.phone_hash) return {};
  await lockPhone(tx.db, phoneHash);
  const holder = await volunteerWithPhone(tx.db, phoneHash, row.id);
  if (holder) throw phoneTaken(holder, options.forStaff);
  return { phone_hash: phoneHash, phone_enc: tx.pii.encrypt(phone), phone_masked: maskPhone(phone), phone_tail: phone.slice(-4) };
}

/** Staff learn who holds the number (masked), to sort it out; the person only that it is taken. */
function phoneTaken(holder: { volunteer_no: string; name: string }, forStaff: boolean): AppError {
  const detail = forStaff
    ? { zh: `该手机号已登记给志愿者 ${holder.volunteer_no}（${maskName(holder.name)}）`, en: `This phone number belongs to volunteer ${holder.volunteer_no} (${maskName(holder.name)})` }
    : { zh: '该手机号已被其他志愿者使用，请核对；如确为您本人的号码，请联系所在实践站', en: 'Another volunteer uses this phone number: check it, and if it is yours, ask your practice station' };
  return new AppError('PHONE_TAKEN', { field: 'phone', detail });
}

// Queries of a correction. volunteers.phone_hash has no unique index (imports and staff
// entries predate this rule), so two corrections to one number are serialized by a lock on
// the number, in a key space of its own (two-key advisory locks never meet one-key ones).
const PHONE_LOCK_CLASS = 7_301;

async function lockPhone(db: Kysely<DB>, phoneHash: string) {
  await sql`SELECT pg_advisory_xact_lock(${PHONE_LOCK_CLASS}::integer, hashtext(${phoneHash}))`.execute(db);
}

function volunteerWithPhone(db: Kysely<DB>, phoneHash: string, exceptId: number) {
  return db.selectFrom('volunteers').select(['id', 'volunteer_no', 'name'])
    .where('phone_hash', '=', phoneHash).where('id', '<>', exceptId).limit(1).executeTakeFirst();
}
