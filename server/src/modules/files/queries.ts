import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** `column` (a uuid[]) holds the file: answered by the GIN indexes of migration 0017. */
const holds = (column: string, fileId: string) => sql<boolean>`${sql.ref(column)} @> ARRAY[${fileId}]::uuid[]`;

export function findFile(db: Kysely<DB>, id: string) {
  return db.selectFrom('files').select(['id', 'owner_id', 'content_type', 'storage']).where('id', '=', id).executeTakeFirst();
}

/** Wishes whose fulfilment photos include the file, with who serves each one. */
export function wishesHolding(db: Kysely<DB>, fileId: string) {
  return db.selectFrom('wishes').leftJoin('volunteers as claimer', 'claimer.id', 'wishes.claimer_volunteer_id')
    .select(['wishes.status', 'wishes.region_code', 'wishes.posted_by', 'wishes.claimed_by', 'wishes.claimer_organization_id', 'claimer.user_id as claimer_user_id'])
    .where(holds('wishes.fulfil_photos', fileId)).orderBy('wishes.id').limit(20).execute();
}

/** Orders whose delivery photos include the file. */
export function ordersHolding(db: Kysely<DB>, fileId: string) {
  return db.selectFrom('orders').select(['region_code', 'handler_region_code', 'resident_id', 'organization_id'])
    .where(holds('delivery_photos', fileId)).orderBy('id').limit(20).execute();
}

/**
 * Care visits whose photos include the file, with whether the user is an active member of
 * the group caring for the recipient (the care module's rule for reading a recipient).
 */
export function careVisitsHolding(db: Kysely<DB>, fileId: string, userId: number | null) {
  return db.selectFrom('care_visits').innerJoin('care_recipients as r', 'r.id', 'care_visits.recipient_id')
    .select(['r.region_code', sql<boolean>`EXISTS (SELECT 1 FROM care_group_members m JOIN volunteers v ON v.id = m.volunteer_id
      WHERE m.group_id = r.group_id AND m.left_at IS NULL AND v.user_id = ${userId})`.as('member')])
    .where(holds('care_visits.photos', fileId)).orderBy('care_visits.id').limit(20).execute();
}
