// Service projects (服务项目) under brands (品牌): draft → submitted → approved/rejected (by
// the owning center or above) → running → closed. Staff of the area or the organizing
// team's leader run them.
import { inTransaction, type AppContext } from '../../context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { decodeCursor, pageOf } from '../../lib/paging.ts';
import { rejectionReason, type Review } from '../../lib/review.ts';
import { isAdmin, rankOver, requireAdmin, requireInScope, roleRank, type Actor } from '../../lib/scope.ts';
import * as organizations from '../organizations/service.ts';
import * as sites from '../sites/service.ts';
import * as q from './queries.ts';

export type ProjectStatus = 'draft' | 'submitted' | 'approved' | 'rejected' | 'running' | 'closed';

export interface ProjectInput {
  name: string;
  brandId?: number | null | undefined;
  category: string;
  organizationId: number;
  siteId?: number | undefined;
  targetGroup?: string | null | undefined;
  startsOn: string;
  endsOn: string;
  description?: string | null | undefined;
  coverUrl?: string | null | undefined;
}

type BrandRow = NonNullable<Awaited<ReturnType<typeof q.findBrand>>>;

/**
 * Brands (品牌) are managed data: city staff manage the brands made in their city, province
 * staff every brand of the province. Retired brands stay on their projects.
 */
const managesBrand = (actor: Actor, brand: BrandRow) => rankOver(actor, brand.region_code) >= roleRank('city_admin');

function presentBrand(actor: Actor, brand: BrandRow) {
  return { id: brand.id, name: brand.name, description: brand.description, retiredAt: brand.retired_at?.toISOString() ?? null, manageable: managesBrand(actor, brand) };
}

export async function listBrands(ctx: AppContext, actor: Actor, options: { includeRetired?: boolean | undefined } = {}) {
  return (await q.listBrands(ctx.db, options.includeRetired ?? false)).map((brand) => presentBrand(actor, brand));
}

const nameTaken = () => new AppError('CONFLICT', { field: 'name', detail: { zh: '已有同名品牌', en: 'A brand with this name exists' } });

/** Brands are added by city and province staff, in the area of their highest such grant. */
export async function createBrand(ctx: AppContext, actor: Actor, input: { name: string; description?: string | null | undefined }) {
  const grant = actor.grants.find((g) => g.role === 'province_admin') ?? actor.grants.find((g) => g.role === 'city_admin');
  if (!grant) throw new AppError('FORBIDDEN', { detail: { zh: '品牌由市级或省级管理员维护', en: 'City and province staff manage the brands' } });
  const row = await q.insertBrand(ctx.db, { name: input.name.trim(), description: input.description?.trim() || null, region_code: grant.regionCode, created_by: actor.userId });
  if (!row) throw nameTaken();
  return presentBrand(actor, (await q.findBrand(ctx.db, row.id))!);
}

/** Renames or redescribes a brand, retires it (no new projects under it) or brings it back. */
export async function updateBrand(ctx: AppContext, actor: Actor, id: number, patch: { name?: string | undefined; description?: string | null | undefined; retired?: boolean | undefined }) {
  const brand = await q.findBrand(ctx.db, id);
  if (!brand) throw notFound('id');
  if (!managesBrand(actor, brand)) {
    throw new AppError('FORBIDDEN', { detail: { zh: '只有品牌所在市或省的管理员可以修改该品牌', en: 'Only staff of the brand’s city or the province manage it' } });
  }
  const updated = await q.updateBrand(ctx.db, id, {
    ...(patch.name !== undefined && { name: patch.name.trim() }),
    ...(patch.description !== undefined && { description: patch.description?.trim() || null }),
    ...(patch.retired !== undefined && { retired: patch.retired }),
  });
  if (!updated) throw nameTaken();
  return presentBrand(actor, (await q.findBrand(ctx.db, id))!);
}

/** A brand a project may be filed under now: an active one (or the one it already has). */
async function checkBrand(ctx: AppContext, brandId: number | null | undefined, current: number | null = null) {
  if (brandId && brandId !== current && !(await q.activeBrandExists(ctx.db, brandId))) {
    throw new AppError('VALIDATION_FAILED', { field: 'brandId', detail: { zh: '该品牌不存在或已停用', en: 'No such brand, or it is retired' } });
  }
}

function present(row: q.ProjectWithNames) {
  return {
    id: row.id,
    name: row.name,
    brand: row.brand_id ? { id: row.brand_id, name: row.brand_name ?? '' } : null,
    category: row.category,
    organization: { id: row.organization_id, name: row.organization_name },
    site: { id: row.site_id, name: row.site_name, regionCode: row.region_code },
    targetGroup: row.target_group,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    description: row.description,
    coverUrl: row.cover_url,
    status: row.status as ProjectStatus,
    rejectReason: row.reject_reason,
    createdAt: row.created_at.toISOString(),
  };
}

function checkPeriod(startsOn: string, endsOn: string) {
  if (endsOn < startsOn) {
    throw new AppError('VALIDATION_FAILED', { field: 'endsOn', detail: { zh: '结束日期不能早于开始日期', en: 'The end date is before the start' } });
  }
}

export async function createProject(ctx: AppContext, actor: Actor, input: ProjectInput) {
  const organization = await organizations.organizationManagedBy(ctx, actor, input.organizationId);
  if (!organization) throw notFound('organizationId');
  if (organization.status !== 'approved') {
    throw new AppError('VALIDATION_FAILED', { field: 'organizationId', detail: { zh: '组织尚未通过审核', en: 'The organization is not approved yet' } });
  }
  const siteId = input.siteId ?? organization.siteId;
  const site = isAdmin(actor) ? await sites.findSiteInScope(ctx, actor, siteId) : siteId === organization.siteId ? await sites.findHomeSite(ctx, siteId) : null;
  if (!site) throw notFound('siteId');
  await checkBrand(ctx, input.brandId);
  checkPeriod(input.startsOn, input.endsOn);
  // One transaction even for one row: a retried request's Idempotency-Key is stamped in the same commit.
  const { id } = await inTransaction(ctx, (tx) => q.insertProject(tx.db, {
    name: input.name.trim(), brand_id: input.brandId ?? null, category: input.category, organization_id: organization.id,
    site_id: site.id, region_code: site.regionCode, target_group: input.targetGroup ?? null, starts_on: input.startsOn, ends_on: input.endsOn,
    description: input.description ?? null, cover_url: input.coverUrl ?? null, created_by: actor.userId,
  }));
  return present((await q.findProject(ctx.db, id))!);
}

/** The project, if the actor runs it: staff over its area, or its team's leader. */
export async function projectManagedBy(ctx: AppContext, actor: Actor, id: number) {
  const row = isAdmin(actor) ? await q.findScopedProject(ctx.db, actor, id) : await q.findProject(ctx.db, id);
  if (!row) return null;
  if (!isAdmin(actor) && !(await organizations.organizationManagedBy(ctx, actor, row.organization_id))) return null;
  return row;
}

async function managed(ctx: AppContext, actor: Actor, id: number) {
  const row = await projectManagedBy(ctx, actor, id);
  if (!row) throw notFound('id');
  return row;
}

export async function getProject(ctx: AppContext, actor: Actor, id: number) {
  return present(await managed(ctx, actor, id));
}

export async function listProjects(ctx: AppContext, actor: Actor, filter: q.ProjectFilter & { cursor?: string | undefined; limit: number }) {
  requireAdmin(actor);
  const before = decodeCursor(filter.cursor);
  const rows = await q.listScopedProjects(ctx.db, actor, filter, before ? Number(before[0]) : null, filter.limit);
  const page = pageOf(rows, filter.limit, (row) => [row.id]);
  return { items: page.items.map(present), nextCursor: page.nextCursor };
}

export async function updateProject(ctx: AppContext, actor: Actor, id: number, patch: Partial<Omit<ProjectInput, 'organizationId' | 'siteId'>>) {
  const row = await managed(ctx, actor, id);
  if (!['draft', 'rejected'].includes(row.status)) {
    throw new AppError('CONFLICT', { detail: { zh: '只有草稿或被驳回的项目可以修改', en: 'Only drafts and rejected projects can be edited' } });
  }
  await checkBrand(ctx, patch.brandId, row.brand_id);
  checkPeriod(patch.startsOn ?? row.starts_on, patch.endsOn ?? row.ends_on);
  await q.updateProject(ctx.db, id, {
    ...(patch.name !== undefined && { name: patch.name.trim() }),
    ...(patch.brandId !== undefined && { brand_id: patch.brandId }),
    ...(patch.category !== undefined && { category: patch.category }),
    ...(patch.targetGroup !== undefined && { target_group: patch.targetGroup }),
    ...(patch.startsOn !== undefined && { starts_on: patch.startsOn }),
    ...(patch.endsOn !== undefined && { ends_on: patch.endsOn }),
    ...(patch.description !== undefined && { description: patch.description }),
    ...(patch.coverUrl !== undefined && { cover_url: patch.coverUrl }),
  });
  return getProject(ctx, actor, id);
}

const stateError = () => new AppError('CONFLICT', { detail: { zh: '项目当前状态不允许此操作', en: 'Not possible in the project’s current state' } });

export async function submitProject(ctx: AppContext, actor: Actor, id: number) {
  await managed(ctx, actor, id);
  if (!(await q.moveProject(ctx.db, id, ['draft', 'rejected'], 'submitted', { reject_reason: null }))) throw stateError();
  return getProject(ctx, actor, id);
}

/** The owning center (county) or a level above approves. */
export async function reviewProject(ctx: AppContext, actor: Actor, id: number, review: Review) {
  const row = await requireInScope(actor, () => q.findScopedProject(ctx.db, actor, id));
  if (rankOver(actor, row.region_code) < roleRank('center_admin')) {
    throw new AppError('FORBIDDEN', { detail: { zh: '项目须由所属实践中心或上级审核', en: 'The owning center or above approves projects' } });
  }
  const reason = rejectionReason(review);
  const moved = await q.moveProject(ctx.db, id, ['submitted'], review.decision === 'approve' ? 'approved' : 'rejected', {
    reject_reason: reason, reviewed_by: actor.userId, reviewed_at: new Date(),
  });
  if (!moved) throw new AppError('ALREADY_DECIDED');
  return getProject(ctx, actor, id);
}

export async function closeProject(ctx: AppContext, actor: Actor, id: number) {
  await managed(ctx, actor, id);
  if (!(await q.moveProject(ctx.db, id, ['approved', 'running'], 'closed'))) throw stateError();
  return getProject(ctx, actor, id);
}

/** An activity published under an approved project sets it running. */
export async function markRunning(ctx: AppContext, projectId: number) {
  await q.moveProject(ctx.db, projectId, ['approved'], 'running');
}
