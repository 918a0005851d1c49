import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CompiledQuery, sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import { from as copyFrom } from 'pg-copy-streams';
import type { DB, VolunteersTable } from '../../db/schema.ts';
import { likePrefix } from '../../lib/like.ts';
import { overPage } from '../../lib/paging.ts';
import { withinPrefixes, withinScope, type Actor } from '../../lib/scope.ts';

export type VolunteerRow = Selectable<VolunteersTable>;
export type NewVolunteerRow = Omit<Insertable<VolunteersTable>, 'volunteer_no'>;

/** Inserts a volunteer with the next volunteer number; nothing when the ID number exists. */
export function insertVolunteer(db: Kysely<DB>, provinceCode: string, row: NewVolunteerRow) {
  return db.insertInto('volunteers')
    .values({ ...row, volunteer_no: sql<string>`${provinceCode} || lpad(nextval('volunteer_no_seq')::text, 9, '0')` })
    .onConflict((oc) => oc.column('id_hash').doNothing())
    .returning(['id', 'volunteer_no'])
    .executeTakeFirst();
}

/**
 * Inserts a batch in one statement: the rows travel as one JSON parameter that the server
 * reads straight into volunteers rows (json_populate_recordset), so 5,000 rows cost one
 * round trip. An ID number already present (or twice in the batch) is passed over;
 * returns the ID hashes inserted.
 */
export async function insertVolunteerBatch(db: Kysely<DB>, provinceCode: string, rows: NewVolunteerRow[]) {
  const columns = Object.keys(rows[0] ?? {}) as (keyof NewVolunteerRow)[];
  const result = await sql<{ id_hash: string }>`
    INSERT INTO volunteers (volunteer_no, ${sql.join(columns.map((column) => sql.ref(column)))})
    SELECT ${provinceCode} || lpad(nextval('volunteer_no_seq')::text, 9, '0'), ${sql.join(columns.map((column) => sql.ref(`r.${column}`)))}
    FROM json_populate_recordset(NULL::volunteers, ${JSON.stringify(rows)}::json) AS r
    ON CONFLICT (id_hash) DO NOTHING
    RETURNING id_hash`.execute(db);
  return result.rows;
}

/** Which of these ID hashes are registered already (one query for a whole batch). */
export async function existingIdHashes(db: Kysely<DB>, hashes: string[]): Promise<Set<string>> {
  const result = await sql<{ id_hash: string }>`SELECT id_hash FROM volunteers WHERE id_hash = ANY(${hashes}::text[])`.execute(db);
  return new Set(result.rows.map((row) => row.id_hash));
}

/** `count` fresh volunteer numbers' sequence values. */
export async function nextVolunteerNumbers(db: Kysely<DB>, count: number): Promise<number[]> {
  const result = await sql<{ n: string }>`SELECT nextval('volunteer_no_seq')::text AS n FROM generate_series(1, ${count}::integer)`.execute(db);
  return result.rows.map((row) => Number(row.n));
}

/** One value in COPY's text format: \N for null, arrays as literals, backslash escapes. */
export function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean') return value ? 't' : 'f';
  const text = Array.isArray(value) ? `{${value.map((item) => `"${String(item).replace(/["\\]/g, '\\$&')}"`).join(',')}}` : String(value);
  return /[\\\t\n\r]/.test(text) ? text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : text;
}

const PLAIN_COLUMNS = new Set<string>([
  'user_id', 'id_hash', 'id_enc', 'id_masked', 'birth_date', 'sex', 'phone_hash', 'phone_enc', 'phone_masked', 'phone_tail', 'site_id',
  'region_code', 'party_member', 'emergency_reserve', 'guardian_phone_enc', 'guardian_phone_masked', 'guardian_consent_at', 'consent_at',
  'status', 'source', 'created_by',
]);
const plainValue = (value: unknown) => (value === null || value === undefined ? '\\N' : value instanceof Date ? value.toISOString() : typeof value === 'boolean' ? (value ? 't' : 'f') : String(value));

/**
 * COPY of new volunteers (PostgreSQL only), inside the caller's transaction: the fastest
 * way in, used by imports. The rows must be new: COPY has no ON CONFLICT, so a duplicate
 * fails the statement. `numbers` are their volunteer_no_seq values.
 */
export async function copyVolunteers(db: Kysely<DB>, provinceCode: string, rows: NewVolunteerRow[], numbers: number[]) {
  const columns = Object.keys(rows[0] ?? {}) as (keyof NewVolunteerRow)[];
  const stream = copyFrom(`COPY volunteers (volunteer_no, ${columns.join(', ')}) FROM STDIN`);
  // Kysely has no COPY: its Postgres driver hands `sql` to pg's client.query() as it is,
  // and pg runs a "submittable" (the COPY stream) on the very connection of this
  // transaction. The stream is then fed, and finishes when the server has the rows.
  await db.executeQuery(CompiledQuery.raw(stream as unknown as string, []));
  // Hashes, ciphertexts, masks, codes and numbers never need escaping; free text does.
  const formats = columns.map((column) => (PLAIN_COLUMNS.has(column) ? plainValue : copyValue));
  const lines = function* () {
    for (let start = 0; start < rows.length; start += 500) {
      let text = '';
      for (let i = start; i < Math.min(start + 500, rows.length); i += 1) {
        const row = rows[i]!;
        text += `${provinceCode}${String(numbers[i]).padStart(9, '0')}`;
        for (const [c, column] of columns.entries()) text += `\t${formats[c]!(row[column])}`;
        text += '\n';
      }
      yield text;
    }
  };
  await pipeline(Readable.from(lines()), stream);
}

/** The volunteer holding an ID number, with where they live and whether they have an account, for the duplicate message. */
export function findByIdHash(db: Kysely<DB>, idHash: string) {
  return db.selectFrom('volunteers').innerJoin('sites', 'sites.id', 'volunteers.site_id')
    .select(['volunteers.id', 'volunteers.volunteer_no', 'volunteers.name', 'volunteers.region_code', 'volunteers.user_id', 'volunteers.birth_date', 'sites.name as site_name'])
    .where('volunteers.id_hash', '=', idHash).executeTakeFirst();
}

/**
 * Gives an account the record staff entered or imported for its ID number: only while the
 * record has no account, and only when its phone is one the person holds. One conditional
 * UPDATE, so of two registrations racing for the record exactly one links it (the other
 * finds user_id taken once the first commits).
 */
export function linkUnclaimed(db: Kysely<DB>, idHash: string, userId: number, phoneHashes: string[]) {
  return db.updateTable('volunteers').set({ user_id: userId, updated_at: sql<Date>`now()` })
    .where('id_hash', '=', idHash).where('user_id', 'is', null).where('phone_hash', 'in', phoneHashes)
    .returning(['id', 'site_id', 'region_code'])
    .executeTakeFirst();
}

export function findByUserId(db: Kysely<DB>, userId: number) {
  return db.selectFrom('volunteers').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

export function findScoped(db: Kysely<DB>, actor: Actor, id: number) {
  return db.selectFrom('volunteers').selectAll().where('id', '=', id).where(withinScope(actor, 'region_code')).executeTakeFirst();
}

export function findById(db: Kysely<DB>, id: number) {
  return db.selectFrom('volunteers').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface VolunteerFilter {
  under?: string | undefined;
  siteId?: number | undefined;
  category?: string | undefined;
  skill?: string | undefined;
  organizationId?: number | undefined;
  partyMember?: boolean | undefined;
  emergencyReserve?: boolean | undefined;
  status?: string | undefined;
  /** active: served in the last 12 months; inactive: served before; never: no record at all. */
  activity?: 'active' | 'inactive' | 'never' | undefined;
  q?: string | undefined;
  phoneSuffix?: string | undefined;
}

/** A subtree's volunteers, keyset-paged in (region_code, id) order. */
export function listScoped(
  db: Kysely<DB>, actor: Actor, filter: VolunteerFilter, activeSince: string, after: [string, number] | null, limit: number,
) {
  let query = db.selectFrom('volunteers').selectAll().where(withinScope(actor, 'region_code'));
  if (filter.under) query = query.where(withinPrefixes([filter.under], 'region_code'));
  if (filter.siteId) query = query.where('site_id', '=', filter.siteId);
  if (filter.category) query = query.where('categories', '@>', sql<string[]>`ARRAY[${filter.category}]::text[]`);
  if (filter.skill) query = query.where('skills', '@>', sql<string[]>`ARRAY[${filter.skill}]::text[]`);
  if (filter.partyMember !== undefined) query = query.where('party_member', '=', filter.partyMember);
  if (filter.emergencyReserve !== undefined) query = query.where('emergency_reserve', '=', filter.emergencyReserve);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.activity === 'active') query = query.where('last_served_on', '>=', activeSince);
  if (filter.activity === 'inactive') query = query.where('last_served_on', '<', activeSince);
  if (filter.activity === 'never') query = query.where('last_served_on', 'is', null);
  if (filter.q) {
    const text = filter.q;
    query = query.where((eb) => eb.or([eb('name', 'like', likePrefix(text)), eb('name_initials', 'like', likePrefix(text.toLowerCase()))]));
  }
  if (filter.phoneSuffix) {
    query = filter.phoneSuffix.length === 4
      ? query.where('phone_tail', '=', filter.phoneSuffix)
      : query.where('phone_tail', 'like', `%${filter.phoneSuffix}`);
  }
  if (filter.organizationId) {
    const orgId = filter.organizationId;
    query = query.where((eb) => eb.exists(eb.selectFrom('memberships').select(sql`1`.as('one'))
      .whereRef('memberships.volunteer_id', '=', 'volunteers.id')
      .where('memberships.organization_id', '=', orgId).where('memberships.status', '=', 'active')));
  }
  if (after) query = query.where((eb) => eb.or([eb('region_code', '>', after[0]), eb.and([eb('region_code', '=', after[0]), eb('id', '>', after[1])])]));
  const page = query.orderBy('region_code').orderBy('id').limit(limit + 1);
  return overPage(db, 'volunteers', page).selectFrom('volunteers').innerJoin('sites', 'sites.id', 'volunteers.site_id')
    .selectAll('volunteers').select(['sites.name as site_name', 'sites.region_code as site_region_code'])
    .orderBy('volunteers.region_code').orderBy('volunteers.id').execute();
}

export function siteNames(db: Kysely<DB>, siteIds: number[]) {
  if (siteIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('sites').select(['id', 'name', 'region_code', 'kind']).where('id', 'in', siteIds).execute();
}

export function membershipsOf(db: Kysely<DB>, volunteerId: number) {
  return db.selectFrom('memberships').innerJoin('organizations', 'organizations.id', 'memberships.organization_id')
    .select(['organizations.id', 'organizations.name', 'organizations.category', 'memberships.status', 'memberships.requested_at'])
    .where('memberships.volunteer_id', '=', volunteerId).orderBy('memberships.requested_at').execute();
}

export async function updateVolunteer(db: Kysely<DB>, id: number, fields: Partial<Omit<NewVolunteerRow, 'id_hash'>>) {
  await db.updateTable('volunteers').set({ ...fields, updated_at: sql<Date>`now()` }).where('id', '=', id).execute();
}

/** Moves a pending volunteer to a decision; false when someone decided first. */
export async function decide(db: Kysely<DB>, id: number, decision: { status: 'active' | 'rejected'; reason: string | null; by: number }) {
  const result = await db.updateTable('volunteers')
    .set({ status: decision.status, reject_reason: decision.reason, reviewed_by: decision.by, reviewed_at: sql<Date>`now()`, updated_at: sql<Date>`now()` })
    .where('id', '=', id).where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
