import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { likeContains, likePrefix } from '../../lib/like.ts';
import { withinPrefixes } from '../../lib/scope.ts';
import type { RegionRow } from './import.ts';

export async function insertRegions(db: Kysely<DB>, rows: RegionRow[]) {
  for (let i = 0; i < rows.length; i += 1000) {
    await db.insertInto('regions').values(rows.slice(i, i + 1000)).onConflict((oc) => oc.column('code').doNothing()).execute();
  }
}

export async function countRegionsByLevel(db: Kysely<DB>, prefix: string) {
  return db
    .selectFrom('regions')
    .select(['level', (eb) => eb.fn.countAll<number>().as('count')])
    .where(withinPrefixes([prefix], 'code'))
    .groupBy('level')
    .orderBy('level')
    .execute();
}

const childCount = sql<number>`(SELECT count(*) FROM regions c WHERE c.parent_code = regions.code)`.as('childCount');

export function findRegion(db: Kysely<DB>, code: string) {
  return db.selectFrom('regions').select(['code', 'name', 'level', 'parent_code as parentCode', childCount])
    .where('code', '=', code).executeTakeFirst();
}

export function findRegions(db: Kysely<DB>, codes: string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db.selectFrom('regions').select(['code', 'name', 'level']).where('code', 'in', codes).orderBy('code').execute();
}

export function findChildRegions(db: Kysely<DB>, code: string) {
  return db.selectFrom('regions').select(['code', 'name', 'level', 'parent_code as parentCode', childCount])
    .where('parent_code', '=', code).orderBy('code').execute();
}

/** By name fragment or by the start of the pinyin initials, larger divisions first. */
export function searchRegions(db: Kysely<DB>, text: string, under: string | undefined, limit: number) {
  let query = db.selectFrom('regions').select(['code', 'name', 'level', 'parent_code as parentCode', childCount])
    .where((eb) => eb.or([
      eb('name', 'like', likeContains(text)),
      eb('initials', 'like', likePrefix(text.toLowerCase())),
    ]));
  if (under) query = query.where(withinPrefixes([under], 'code'));
  return query.orderBy('level').orderBy('code').limit(limit).execute();
}
