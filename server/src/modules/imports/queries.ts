import { sql, type InsertObject, type Kysely, type Selectable } from 'kysely';
import type { DB, ImportJobsTable } from '../../db/schema.ts';
import { withinScope, type Actor } from '../../lib/scope.ts';

export type ImportJobRow = Selectable<ImportJobsTable>;

export function insertJob(db: Kysely<DB>, row: InsertObject<DB, 'import_jobs'>) {
  return db.insertInto('import_jobs').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function insertFileChunk(db: Kysely<DB>, jobId: number, seq: number, dataEnc: string) {
  await db.insertInto('import_file_chunks').values({ job_id: jobId, seq, data_enc: dataEnc }).execute();
}

export function findFileChunk(db: Kysely<DB>, jobId: number, seq: number) {
  return db.selectFrom('import_file_chunks').select('data_enc').where('job_id', '=', jobId).where('seq', '=', seq).executeTakeFirst();
}

export async function deleteFile(db: Kysely<DB>, jobId: number) {
  await db.deleteFrom('import_file_chunks').where('job_id', '=', jobId).execute();
}

export function findJob(db: Kysely<DB>, id: number) {
  return db.selectFrom('import_jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findScopedJob(db: Kysely<DB>, actor: Actor, id: number) {
  return db.selectFrom('import_jobs').selectAll().where('id', '=', id).where(withinScope(actor, 'region_code')).executeTakeFirst();
}

/** Newest first, keyset-paged by id. */
export function listScopedJobs(db: Kysely<DB>, actor: Actor, beforeId: number | null, limit: number) {
  let query = db.selectFrom('import_jobs').selectAll().where(withinScope(actor, 'region_code'));
  if (beforeId) query = query.where('id', '<', beforeId);
  return query.orderBy('id', 'desc').limit(limit + 1).execute();
}

/**
 * Claims the oldest job nobody works on (queued, or running under a claim that ran out:
 * its process died) for `leaseSeconds`. SKIP LOCKED lets several processes claim at once
 * without waiting on each other's candidate row. `onlyId` claims one given job.
 */
export async function claimJob(db: Kysely<DB>, worker: string, leaseSeconds: number, onlyId?: number) {
  const only = onlyId === undefined ? sql`` : sql`AND id = ${onlyId}`;
  const result = await sql<ImportJobRow>`
    UPDATE import_jobs
    SET status = 'running', worker = ${worker}, lease_until = now() + make_interval(secs => ${leaseSeconds}),
        started_at = coalesce(started_at, now()), updated_at = now()
    WHERE id = (
      SELECT id FROM import_jobs
      WHERE (status = 'queued' OR (status = 'running' AND (lease_until < now() OR worker = ${worker}))) ${only}
      ORDER BY id LIMIT 1
      FOR UPDATE SKIP LOCKED)
    RETURNING *`.execute(db);
  return result.rows[0];
}

export interface Progress {
  processed: number;
  inserted: number;
  skipped: number;
  failed: number;
}

/**
 * Records a committed batch and renews the claim; false when the claim was lost (another
 * process took the job over), so the caller rolls the batch back.
 */
export async function recordProgress(db: Kysely<DB>, jobId: number, worker: string, leaseSeconds: number, progress: Progress) {
  const result = await db.updateTable('import_jobs')
    .set({
      processed: progress.processed,
      inserted: sql<number>`inserted + ${progress.inserted}`,
      skipped: sql<number>`skipped + ${progress.skipped}`,
      failed: sql<number>`failed + ${progress.failed}`,
      lease_until: sql<Date>`now() + make_interval(secs => ${leaseSeconds})`,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', jobId).where('worker', '=', worker).where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function setTotal(db: Kysely<DB>, jobId: number, total: number) {
  await db.updateTable('import_jobs').set({ total, updated_at: sql<Date>`now()` }).where('id', '=', jobId).execute();
}

export function finishJob(db: Kysely<DB>, jobId: number, worker: string, outcome: { status: 'done' | 'failed'; error: string | null }) {
  return db.updateTable('import_jobs')
    .set({
      status: outcome.status, error: outcome.error, worker: null, lease_until: null,
      total: sql<number>`CASE WHEN ${outcome.status} = 'done' THEN processed ELSE total END`,
      finished_at: sql<Date>`now()`, updated_at: sql<Date>`now()`,
    })
    .where('id', '=', jobId).where('worker', '=', worker).where('status', '=', 'running')
    .returningAll().executeTakeFirst();
}

export interface RowError {
  rowNumber: number;
  cellsEnc: string;
  reason: string;
}

export async function insertRowErrors(db: Kysely<DB>, jobId: number, errors: RowError[]) {
  if (errors.length === 0) return;
  await db.insertInto('import_row_errors')
    .values(errors.map((error) => ({ job_id: jobId, row_number: error.rowNumber, cells_enc: error.cellsEnc, reason: error.reason })))
    .onConflict((oc) => oc.columns(['job_id', 'row_number']).doNothing())
    .execute();
}

export function rowErrorsAfter(db: Kysely<DB>, jobId: number, afterRow: number, limit: number) {
  return db.selectFrom('import_row_errors').select(['row_number', 'cells_enc', 'reason'])
    .where('job_id', '=', jobId).where('row_number', '>', afterRow)
    .orderBy('row_number').limit(limit).execute();
}

/** Lets go of a claim at once, so the next runner resumes the job without waiting for the lease. */
export async function releaseClaim(db: Kysely<DB>, jobId: number, worker: string) {
  await db.updateTable('import_jobs').set({ lease_until: sql<Date>`now()`, updated_at: sql<Date>`now()` })
    .where('id', '=', jobId).where('worker', '=', worker).where('status', '=', 'running').execute();
}

/** The first province admin: the command-line import runs as them. */
export function findProvinceAdmin(db: Kysely<DB>) {
  return db.selectFrom('grants').innerJoin('users', 'users.id', 'grants.user_id')
    .select(['grants.user_id', 'users.name'])
    .where('grants.role', '=', 'province_admin').orderBy('grants.id').limit(1).executeTakeFirst();
}
