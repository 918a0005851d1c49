// Volunteer service certificates (志愿服务证明): issued by the organization that recorded the
// hours (谁记录谁证明) — its superior site when it is dissolved — frozen as a snapshot,
// verifiable by code on a public page, revocable with a reason.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { inTransaction, type AppContext } from '../../context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { chinaToday } from '../../lib/id-number.ts';
import { maskName } from '../../lib/pii.ts';
import { covers, isAdmin, requireAdmin, withinScope, type Actor } from '../../lib/scope.ts';
import * as hours from '../hours/service.ts';
import * as volunteers from '../volunteers/service.ts';
import { certificatePdf, type CertificateSnapshot } from './pdf.ts';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** LX-XXXX-XXXX-XXXX: 60 random bits, unambiguous characters. */
function newCode(): string {
  const chars = [...randomBytes(12)].map((byte) => ALPHABET[byte % ALPHABET.length]).join('');
  return `LX-${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

const chinaDate = (date: Date) => chinaToday(date);

/** Standing hours one organization recorded for one volunteer, with what they were for. */
async function recordedBy(ctx: AppContext, volunteerId: number, organizationId: number) {
  const rows = await ctx.db.selectFrom('service_hours as s')
    .leftJoin('activities as a', (join) => join.onRef('a.id', '=', 's.source_id').on('s.source', '=', 'activity'))
    .select(['s.minutes', 's.started_at', 's.ended_at', 's.content', 'a.title'])
    .where('s.volunteer_id', '=', volunteerId).where('s.organization_id', '=', organizationId).where('s.kind', '=', 'service')
    .where(sql<boolean>`NOT EXISTS (SELECT 1 FROM service_hours r WHERE r.reverses_id = s.id)`)
    .orderBy('s.started_at').execute();
  return rows;
}

/**
 * 谁记录谁证明: staff certify for the organization that recorded the hours, so only for
 * one inside their own area (its superior site's staff too, when it is dissolved). Staff
 * elsewhere are told there is no such organization, as for any record outside their area,
 * with the same words whether it exists or not.
 */
function noSuchIssuer(staffIssued: boolean) {
  if (!staffIssued) return notFound('organizationId');
  return new AppError('NOT_FOUND', {
    field: 'organizationId',
    detail: { zh: '您的管辖范围内没有该组织：服务时长由哪个组织记录，就由哪个组织出具证明', en: 'No such organization in your area: hours are certified by the organization that recorded them' },
  });
}

export async function issueCertificate(ctx: AppContext, actor: Actor, request: { organizationId: number; volunteerId?: number | undefined }) {
  const volunteerId = request.volunteerId ?? (await volunteers.volunteerOfUser(ctx, actor.userId))?.id;
  if (!volunteerId) throw notFound('volunteerId');
  const person = await volunteers.certificateFacts(ctx, volunteerId);
  if (!person) throw notFound('volunteerId');
  const staffIssued = request.volunteerId !== undefined;
  if (staffIssued) {
    requireAdmin(actor); // staff issuing for someone: the volunteer must be in their area
    await volunteers.getVolunteer(ctx, actor, volunteerId);
  } else if (person.userId !== actor.userId) throw notFound('volunteerId');

  const org = await ctx.db.selectFrom('organizations').innerJoin('sites', 'sites.id', 'organizations.site_id')
    .leftJoin('volunteers as leader', 'leader.id', 'organizations.leader_volunteer_id')
    .select(['organizations.id', 'organizations.name', 'organizations.status', 'organizations.contact_name', 'organizations.site_id', 'organizations.region_code',
      'sites.name as site_name', 'sites.contact_tel', 'leader.name as leader_name'])
    .where('organizations.id', '=', request.organizationId).executeTakeFirst();
  if (!org || (staffIssued && !covers(actor, org.region_code))) throw noSuchIssuer(staffIssued);
  const records = await recordedBy(ctx, volunteerId, org.id);
  const minutes = records.reduce((sum, row) => sum + row.minutes, 0);
  if (minutes <= 0) {
    throw new AppError('VALIDATION_FAILED', { field: 'organizationId', detail: { zh: '该组织没有为您记录服务时长', en: 'This organization has recorded no hours for you' } });
  }
  const titles = [...new Set(records.map((row) => row.title ?? row.content).filter(Boolean))];
  const issuer = org.status === 'dissolved' ? org.site_name : org.name;
  const snapshot: CertificateSnapshot = {
    name: person.name,
    idType: '居民身份证',
    idMasked: person.idMasked,
    volunteerNo: person.volunteerNo,
    hours: hours.hoursOf(minutes),
    periodFrom: chinaDate(records[0]!.started_at),
    periodTo: chinaDate(records.at(-1)!.ended_at),
    content: `${titles.slice(0, 5).join('、')}${titles.length > 5 ? ` 等 ${titles.length} 项` : ''}`,
    issuer,
    personInCharge: org.leader_name ?? org.contact_name ?? '—',
    handler: staffIssued ? actor.name : '系统自动出具',
    contact: org.contact_tel ?? org.site_name,
    issuedOn: chinaToday(),
  };
  const code = newCode();
  // One transaction even for one row: a retried request's Idempotency-Key is stamped in the same commit.
  const row = await inTransaction(ctx, (tx) => tx.db.insertInto('certificates').values({
    code, volunteer_id: volunteerId, organization_id: org.id, issuer_site_id: org.site_id, region_code: org.region_code, minutes,
    period_from: snapshot.periodFrom, period_to: snapshot.periodTo, content: snapshot.content, snapshot: JSON.stringify(snapshot), issued_by: actor.userId,
  }).returning(['id', 'issued_at']).executeTakeFirstOrThrow());
  return { id: row.id, code, hours: snapshot.hours, issuer, issuedAt: row.issued_at.toISOString(), revoked: false };
}

export async function myCertificates(ctx: AppContext, actor: Actor) {
  const me = await volunteers.volunteerOfUser(ctx, actor.userId);
  if (!me) return { items: [] };
  const rows = await ctx.db.selectFrom('certificates').selectAll().where('volunteer_id', '=', me.id).orderBy('id', 'desc').execute();
  return {
    items: rows.map((row) => ({
      id: row.id, code: row.code, hours: hours.hoursOf(row.minutes), issuer: (row.snapshot as CertificateSnapshot).issuer,
      issuedAt: row.issued_at.toISOString(), revoked: row.revoked_at !== null,
    })),
  };
}

/** The PDF, for the volunteer it certifies or staff over the issuing area. */
export async function certificateFile(ctx: AppContext, actor: Actor, code: string, baseUrl: string) {
  const row = await ctx.db.selectFrom('certificates').innerJoin('volunteers', 'volunteers.id', 'certificates.volunteer_id')
    .select(['certificates.code', 'certificates.snapshot', 'certificates.region_code', 'volunteers.user_id'])
    .where('certificates.code', '=', code).executeTakeFirst();
  const allowed = row && (row.user_id === actor.userId || (isAdmin(actor) && (await inScope(ctx, actor, code))));
  if (!row || !allowed) throw notFound('code');
  return certificatePdf(row.code, row.snapshot as CertificateSnapshot, verifyUrl(ctx, baseUrl, row.code));
}

async function inScope(ctx: AppContext, actor: Actor, code: string) {
  return !!(await ctx.db.selectFrom('certificates').select('id').where('code', '=', code).where(withinScope(actor, 'region_code')).executeTakeFirst());
}

export function verifyUrl(ctx: AppContext, baseUrl: string, code: string) {
  return `${ctx.config.publicUrl ?? baseUrl}/verify/${code}`;
}

/** What anyone holding the code may learn: genuine or not, and what it certifies, masked. */
export async function verifyCertificate(ctx: AppContext, code: string) {
  const row = await ctx.db.selectFrom('certificates').selectAll().where('code', '=', code.toUpperCase()).executeTakeFirst();
  if (!row) return { genuine: false as const, code };
  const snapshot = row.snapshot as CertificateSnapshot;
  return {
    genuine: true as const,
    code: row.code,
    revoked: row.revoked_at !== null,
    revokeReason: row.revoke_reason,
    name: maskName(snapshot.name),
    volunteerNo: snapshot.volunteerNo,
    hours: snapshot.hours,
    periodFrom: snapshot.periodFrom,
    periodTo: snapshot.periodTo,
    content: snapshot.content,
    issuer: snapshot.issuer,
    issuedOn: snapshot.issuedOn,
  };
}

export async function revokeCertificate(ctx: AppContext, actor: Actor, code: string, reason: string) {
  requireAdmin(actor);
  const result = await ctx.db.updateTable('certificates').set({ revoked_at: sql<Date>`now()`, revoke_reason: reason })
    .where('code', '=', code).where('revoked_at', 'is', null).where(withinScope(actor, 'region_code')).executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw notFound('code');
  return verifyCertificate(ctx, code);
}

/** The organizations that recorded standing hours for me: what I can ask a certificate from. */
export async function issuableSources(ctx: AppContext, actor: Actor) {
  const me = await volunteers.volunteerOfUser(ctx, actor.userId);
  if (!me) return { items: [] };
  const rows = await ctx.db.selectFrom('service_hours as s').innerJoin('organizations as o', 'o.id', 's.organization_id')
    .select(['o.id', 'o.name', (eb) => eb.fn.sum<number>('s.minutes').as('minutes')])
    .where('s.volunteer_id', '=', me.id)
    .groupBy(['o.id', 'o.name']).having((eb) => eb.fn.sum('s.minutes'), '>', 0).orderBy('o.id').execute();
  return { items: rows.map((row) => ({ organizationId: row.id, name: row.name, hours: hours.hoursOf(Number(row.minutes)) })) };
}
