// The region tree: the real divisions the practice network sits on. Public reading.
import type { AppContext } from '../../context.ts';
import { notFound } from '../../lib/errors.ts';
import { regionLineage, regionPrefix } from '../../lib/region-code.ts';
import { covers, type Actor } from '../../lib/scope.ts';
import { readProvinceDivisions } from './import.ts';
import * as q from './queries.ts';

/** Imports the province's divisions (idempotent); returns how many there are per level. */
export async function importProvinceRegions(ctx: AppContext, provinceCode: string) {
  await q.insertRegions(ctx.db, await readProvinceDivisions(provinceCode));
  return countRegionsByLevel(ctx, provinceCode);
}

export const countRegionsByLevel = (ctx: AppContext, prefix: string) => q.countRegionsByLevel(ctx.db, prefix);

/** The regions from the province down to this one (inclusive). */
export async function lineage(ctx: AppContext, code: string) {
  return q.findRegions(ctx.db, regionLineage(code));
}

export async function getRegion(ctx: AppContext, code: string) {
  const region = await q.findRegion(ctx.db, code);
  if (!region) throw notFound('code');
  return { ...region, prefix: regionPrefix(code), lineage: await lineage(ctx, code) };
}

/** A region that exists inside the actor's area, or not found (`field` names the input). */
export async function requireRegionInScope(ctx: AppContext, actor: Actor, code: string, field: string) {
  if (!covers(actor, code) || !(await q.findRegion(ctx.db, code))) throw notFound(field);
}

export async function listChildRegions(ctx: AppContext, code: string) {
  if (!(await q.findRegion(ctx.db, code))) throw notFound('code');
  return q.findChildRegions(ctx.db, code);
}

/** Full names of regions from the province down: 辽宁省 / 鞍山市 / 台安县, one query for all. */
export async function regionPaths(ctx: AppContext, codes: string[]): Promise<Map<string, string>> {
  const names = new Map(
    (await q.findRegions(ctx.db, [...new Set(codes.flatMap((code) => regionLineage(code)))])).map((r) => [r.code, r.name]),
  );
  return new Map(codes.map((code) => [code, regionLineage(code).map((part) => names.get(part) ?? '').join(' / ')]));
}

export async function searchRegions(ctx: AppContext, text: string, under: string | undefined, limit: number) {
  const found = await q.searchRegions(ctx.db, text, under, limit);
  const paths = await regionPaths(ctx, found.map((region) => region.code));
  return found.map((region) => ({ ...region, fullName: paths.get(region.code)! }));
}
