// Who may see and change what. A grant is (user, role, site); an admin grant covers every
// row whose region code starts with the site's prefix. Every scoped query takes its filter
// from `withinScope`, so the rule lives here and only here.
import { sql, type Expression, type SqlBool } from 'kysely';
import { AppError } from './errors.ts';
import { regionPrefix } from './region-code.ts';

export const roles = [
  'resident', 'volunteer', 'team_leader',
  'station_admin', 'institute_admin', 'center_admin', 'city_admin', 'province_admin',
] as const;
export type Role = (typeof roles)[number];

export const adminRoles = ['station_admin', 'institute_admin', 'center_admin', 'city_admin', 'province_admin'] as const;
export type AdminRole = (typeof adminRoles)[number];

export const siteKinds = ['province', 'city', 'center', 'institute', 'station', 'point'] as const;
export type SiteKind = (typeof siteKinds)[number];

/** The site kind an admin role is granted on: 中心管理员 on a center, and so on. */
export const adminRoleSiteKind: Record<AdminRole, SiteKind> = {
  station_admin: 'station',
  institute_admin: 'institute',
  center_admin: 'center',
  city_admin: 'city',
  province_admin: 'province',
};

export function roleRank(role: Role): number {
  return roles.indexOf(role);
}

export function isAdminRole(role: Role): role is AdminRole {
  return (adminRoles as readonly Role[]).includes(role);
}

export interface Grant {
  id: number;
  role: Role;
  siteId: number;
  siteName: string;
  siteKind: SiteKind;
  regionCode: string;
}

export interface Actor {
  userId: number;
  name: string;
  grants: Grant[];
}

/** The region prefixes the actor administers, without prefixes already covered by a shorter one. */
export function scopePrefixes(actor: Actor): string[] {
  const prefixes = actor.grants.filter((grant) => isAdminRole(grant.role)).map((grant) => regionPrefix(grant.regionCode));
  return [...new Set(prefixes)]
    .sort((a, b) => a.length - b.length)
    .filter((prefix, index, all) => !all.slice(0, index).some((shorter) => prefix.startsWith(shorter)));
}

export function isAdmin(actor: Actor): boolean {
  return scopePrefixes(actor).length > 0;
}

export function requireAdmin(actor: Actor): void {
  if (!isAdmin(actor)) throw new AppError('FORBIDDEN');
}

export function covers(actor: Actor, regionCode: string): boolean {
  return scopePrefixes(actor).some((prefix) => regionCode.startsWith(prefix));
}

/** The highest admin rank the actor holds over a region (-1 when none covers it). */
export function rankOver(actor: Actor, regionCode: string): number {
  return Math.max(
    -1,
    ...actor.grants
      .filter((grant) => isAdminRole(grant.role) && regionCode.startsWith(regionPrefix(grant.regionCode)))
      .map((grant) => roleRank(grant.role)),
  );
}

/** [low, high) bounds of the 12-digit codes that start with a prefix. */
export function prefixRange(prefix: string): [string, string | null] {
  const low = prefix.padEnd(12, '0');
  if (/^9+$/.test(prefix)) return [low, null];
  const next = (BigInt(prefix) + 1n).toString().padStart(prefix.length, '0');
  return [low, next.padEnd(12, '0')];
}

/**
 * The SQL condition "this row's region is inside the actor's subtree", as ranges on the
 * code so a B-tree index serves it. An actor without admin grants matches nothing.
 */
export function withinScope(actor: Actor, column: Expression<string> | string): Expression<SqlBool> {
  return withinPrefixes(scopePrefixes(actor), column);
}

export function withinPrefixes(prefixes: string[], column: Expression<string> | string): Expression<SqlBool> {
  const ref = typeof column === 'string' ? sql.ref(column) : column;
  if (prefixes.length === 0) return sql<SqlBool>`false`;
  const ranges = prefixes.map((prefix) => {
    const [low, high] = prefixRange(prefix);
    return high === null ? sql`${ref} >= ${low}` : sql`(${ref} >= ${low} AND ${ref} < ${high})`;
  });
  return sql<SqlBool>`(${sql.join(ranges, sql` OR `)})`;
}

/**
 * A row inside the actor's area, found by `find` (which filters with withinScope), or
 * 404: never 403, so the ids of other counties reveal nothing.
 */
export async function requireInScope<T>(actor: Actor, find: () => Promise<T | undefined>, field = 'id'): Promise<T> {
  requireAdmin(actor);
  const row = await find();
  if (!row) throw new AppError('NOT_FOUND', { field });
  return row;
}
