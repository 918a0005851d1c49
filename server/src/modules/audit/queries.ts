import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { likePrefix } from '../../lib/like.ts';
import { withinPrefixes } from '../../lib/scope.ts';

export function chainBatch(db: Kysely<DB>, afterId: number, limit: number) {
  return db.selectFrom('audit_log').selectAll().where('id', '>', afterId).orderBy('id').limit(limit).execute();
}

export interface AuditFilter {
  action?: string | undefined;
  actorId?: number | undefined;
  subject?: string | undefined;
  from?: Date | undefined;
  /** Exclusive. */
  to?: Date | undefined;
}

/**
 * Entries in the given areas, newest first; entries that belong to no region only when
 * `withoutRegion` (the province's own admins).
 */
export function listEntries(
  db: Kysely<DB>, area: { prefixes: string[]; withoutRegion: boolean }, filter: AuditFilter, beforeId: number | null, limit: number,
) {
  let query = db.selectFrom('audit_log').leftJoin('users', 'users.id', 'audit_log.actor_id')
    .select(['audit_log.id', 'audit_log.at', 'audit_log.actor_id', 'users.name as actor_name', 'audit_log.action', 'audit_log.subject',
      'audit_log.region_code', 'audit_log.reason', 'audit_log.details', 'audit_log.hash'])
    .where((eb) => eb.or([
      withinPrefixes(area.prefixes, 'audit_log.region_code'),
      ...(area.withoutRegion ? [eb('audit_log.region_code', 'is', null)] : []),
    ]));
  if (filter.action) query = query.where('audit_log.action', '=', filter.action);
  if (filter.actorId) query = query.where('audit_log.actor_id', '=', filter.actorId);
  if (filter.subject) query = query.where('audit_log.subject', 'like', likePrefix(filter.subject));
  if (filter.from) query = query.where('audit_log.at', '>=', filter.from);
  if (filter.to) query = query.where('audit_log.at', '<', filter.to);
  if (beforeId !== null) query = query.where('audit_log.id', '<', beforeId);
  return query.orderBy('audit_log.id', 'desc').limit(limit + 1).execute();
}
