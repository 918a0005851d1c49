// Imports (批量导入) of volunteers and organizations from .xlsx/.csv, and exports of their
// lists to .xlsx. An import is a job row with its file in the database; a runner in any
// server process (or the CLI) works through it in batches, each batch one transaction
// that also records the progress, so an interrupted job resumes without doubling rows.
// Rows go through the same rules as the API: the volunteers and organizations services.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Static } from 'typebox';
import { Compile } from 'typebox/compile';
import ExcelJS from 'exceljs';
import { inTransaction, type AppContext } from '../../context.ts';
import { isDatabaseUnavailable } from '../../http/errors.ts';
import { PHONE_PATTERN } from '../../http/schemas.ts';
import { validationError } from '../../http/validation.ts';
import { availabilityNames, categoryNames, serviceCategories, type Availability, type ServiceCategory } from '../../lib/categories.ts';
import { checkCharacter } from '../../lib/id-number.ts';
import { AppError, errorBody, notFound } from '../../lib/errors.ts';
import { decodeCursor, pageOf } from '../../lib/paging.ts';
import { maskIdNumber, maskPhone } from '../../lib/pii.ts';
import { adminRoleSiteKind, covers, isAdminRole, rankOver, requireAdmin, requireInScope, roleRank, roles, scopePrefixes, type Actor, type AdminRole } from '../../lib/scope.ts';
import { recordAudit } from '../audit/service.ts';
import * as auth from '../auth/service.ts';
import * as organizations from '../organizations/service.ts';
import { OrganizationInput } from '../organizations/schemas.ts';
import * as sites from '../sites/service.ts';
import * as volunteers from '../volunteers/service.ts';
import { ID_NUMBER_PATTERN, VolunteerInput } from '../volunteers/schemas.ts';
import {
  CellProblem, cellReader, columnsOf, headerOfField, mapHeaders, organizationFromCells, siteCodeOf, volunteerFromCells,
  type HeaderMap, type ImportKind,
} from './columns.ts';
import { countCsvLines, readHeader, readRows, sniffFormat, streamingWorkbook, type FileFormat, type SheetRow } from './files.ts';
import * as q from './queries.ts';
import type { OrganizationExportQuery, VolunteerExportQuery } from './schemas.ts';

/** How long a claim on a job holds without news; renewed after every batch. */
export const LEASE_SECONDS = 60;
const CHUNK_BYTES = 1 << 20;
/** Rows per transaction: volunteers go in as one statement per batch, organizations one by one. */
export const batchSizes: Record<ImportKind, number> = { volunteers: 5000, organizations: 500 };

const checkVolunteerInput = Compile(VolunteerInput);
const checkOrganizationInput = Compile(OrganizationInput);

/** Another process took the job over (our claim ran out): stop without touching it. */
class LostClaim extends Error {}

type Job = q.ImportJobRow;

function presentJob(job: Job) {
  return {
    id: job.id,
    kind: job.kind as ImportKind,
    filename: job.filename,
    format: job.format as FileFormat,
    sha256: job.sha256,
    sizeBytes: Number(job.size_bytes),
    status: job.status as 'queued' | 'running' | 'done' | 'failed',
    total: job.total,
    processed: job.processed,
    inserted: job.inserted,
    skipped: job.skipped,
    failed: job.failed,
    error: job.error,
    site: { id: job.site_id, regionCode: job.region_code },
    createdBy: job.created_by,
    createdAt: job.created_at.toISOString(),
    startedAt: job.started_at?.toISOString() ?? null,
    finishedAt: job.finished_at?.toISOString() ?? null,
  };
}

// ---------------------------------------------------------------------------------------
// Templates

const exampleIdNumber = () => `21032119900615002${checkCharacter('21032119900615002')}`;

/** The template of a kind: the header row, an example row, and a sheet of notes. */
export async function templateWorkbook(kind: ImportKind): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const columns = columnsOf(kind);
  const sheet = workbook.addWorksheet(kind === 'volunteers' ? '志愿者' : '志愿服务组织', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({
    header: column.header, key: column.key, width: column.width ?? 12, style: column.text ? { numFmt: '@' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  columns.forEach((column, i) => {
    const cell = sheet.getRow(1).getCell(i + 1);
    if (column.required) cell.font = { bold: true, color: { argb: 'FFC00000' } };
    cell.note = `${column.required ? '必填。' : ''}${column.note}`;
  });
  sheet.addRow(columns.map((column) => (column.key === 'idNumber' ? exampleIdNumber() : column.example)));

  const notes = workbook.addWorksheet('填写说明');
  notes.columns = [{ header: '列名', width: 18 }, { header: '是否必填', width: 10 }, { header: '说明', width: 80 }];
  notes.getRow(1).font = { bold: true };
  for (const column of columns) notes.addRow([column.header, column.required ? '必填' : '选填', column.note]);
  notes.addRow([]);
  notes.addRow(['服务类别（八类）']).font = { bold: true };
  for (const code of serviceCategories) notes.addRow([categoryNames[code]]);
  if (kind === 'volunteers') {
    notes.addRow([]);
    notes.addRow(['可服务时间']).font = { bold: true };
    for (const name of Object.values(availabilityNames)) notes.addRow([name]);
  }
  notes.addRow([]);
  notes.addRow(['说明', '', '第一个工作表为数据，第一行为表头（请勿修改列名），示例行可删除。也可以另存为 CSV（UTF-8 或 GBK）上传。同一文件重复导入不会重复登记：已登记的身份证号（组织：同一阵地下的同名组织）计为“已存在”。']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------------------
// Jobs

/** The admin grant an import runs under: the actor's widest one, or the one over `siteId`. */
async function importScope(ctx: AppContext, actor: Actor, siteId: number | undefined) {
  requireAdmin(actor);
  if (siteId !== undefined) {
    const site = await sites.findSiteInScope(ctx, actor, siteId);
    if (!site) throw notFound('siteId');
    return { role: roles[rankOver(actor, site.regionCode)]!, siteId: site.id, regionCode: site.regionCode, home: site.kind !== 'point' ? site : null };
  }
  const widest = actor.grants.filter((grant) => isAdminRole(grant.role)).sort((a, b) => roleRank(b.role) - roleRank(a.role))[0]!;
  return { role: widest.role, siteId: widest.siteId, regionCode: widest.regionCode, home: null };
}

export interface Upload {
  kind: ImportKind;
  filename: string;
  content: Buffer;
  /** Narrow the import to this site's area; rows without a site code go to it. */
  siteId?: number | undefined;
}

/**
 * Stores an upload as a queued job, after checking what can be checked at once: the file
 * type (by content), the header row. The rows are read later, in the background.
 * `claimFor` hands the job straight to a worker (the CLI), so no server runner takes it.
 */
export async function createImportJob(ctx: AppContext, actor: Actor, upload: Upload, claimFor?: string) {
  const scope = await importScope(ctx, actor, upload.siteId);
  const format = sniffFormat(upload.content.subarray(0, 8192), upload.filename);
  const headers = await readHeader(format, upload.content);
  const defaultSite = scope.home && (await sites.findHomeSite(ctx, scope.home.id));
  const { missing } = mapHeaders(upload.kind, headers, { siteOptional: Boolean(defaultSite) });
  if (missing.length > 0) {
    throw new AppError('IMPORT_HEADER_MISSING', {
      field: 'file', params: { columns: missing.map((column) => column.header).join('、') },
    });
  }
  const job = await inTransaction(ctx, async (tx) => {
    const created = await q.insertJob(tx.db, {
      kind: upload.kind,
      filename: upload.filename.slice(0, 255),
      format,
      sha256: createHash('sha256').update(upload.content).digest('hex'),
      size_bytes: upload.content.length,
      headers: JSON.stringify(headers),
      role: scope.role,
      site_id: scope.siteId,
      region_code: scope.regionCode,
      default_site_id: defaultSite?.id ?? null,
      created_by: actor.userId,
      ...(claimFor ? { status: 'running', worker: claimFor, lease_until: sql<Date>`now() + make_interval(secs => ${LEASE_SECONDS})`, started_at: new Date() } : {}),
    });
    // Encrypted at rest: the file holds ID and phone numbers.
    for (let seq = 0; seq * CHUNK_BYTES < upload.content.length; seq += 1) {
      const chunk = upload.content.subarray(seq * CHUNK_BYTES, (seq + 1) * CHUNK_BYTES);
      await q.insertFileChunk(tx.db, created.id, seq, ctx.pii.encrypt(chunk.toString('base64')));
    }
    return created;
  });
  return presentJob(job);
}

const scopedJob = (ctx: AppContext, actor: Actor, id: number) => requireInScope(actor, () => q.findScopedJob(ctx.db, actor, id));

export async function getImportJob(ctx: AppContext, actor: Actor, id: number) {
  return presentJob(await scopedJob(ctx, actor, id));
}

export async function listImportJobs(ctx: AppContext, actor: Actor, filter: { cursor?: string | undefined; limit: number }) {
  requireAdmin(actor);
  const after = decodeCursor(filter.cursor);
  const rows = await q.listScopedJobs(ctx.db, actor, after ? Number(after[0]) : null, filter.limit);
  const page = pageOf(rows, filter.limit, (row) => [row.id]);
  return { items: page.items.map(presentJob), nextCursor: page.nextCursor };
}

async function* fileChunks(ctx: AppContext, jobId: number): AsyncGenerator<Buffer> {
  for (let seq = 0; ; seq += 1) {
    const chunk = await q.findFileChunk(ctx.db, jobId, seq);
    if (!chunk) return;
    yield Buffer.from(ctx.pii.decrypt(chunk.data_enc), 'base64');
  }
}

/** The actor a job's rows are checked as: its creator, limited to the job's scope. */
function jobActor(job: Job): Actor {
  const role = job.role as AdminRole;
  return {
    userId: job.created_by ?? 0,
    name: '',
    grants: [{ id: 0, role, siteId: job.site_id, siteName: '', siteKind: adminRoleSiteKind[role], regionCode: job.region_code }],
  };
}

/**
 * The sites a file names, resolved a batch at a time (one query for the codes not seen
 * yet): a file of 1,000,000 rows names ten thousand villages again and again. A network
 * site found here is live, so "inside the importer's scope" is the region-prefix rule of
 * lib/scope.ts that `findSiteInScope` applies.
 */
function siteLookups(actor: Actor) {
  const byCode = new Map<string, sites.SiteSummary | null>();
  return {
    async load(ctx: AppContext, codes: Iterable<string>) {
      const missing = [...new Set(codes)].filter((code) => !byCode.has(code));
      if (missing.length === 0) return;
      const found = await sites.networkSitesOn(ctx, missing);
      for (const code of missing) byCode.set(code, found.get(code) ?? null);
    },
    site: (code: string) => byCode.get(code) ?? null,
    inScope: (site: sites.SiteSummary) => covers(actor, site.regionCode),
  };
}
type SiteLookups = ReturnType<typeof siteLookups>;

/** The reason a row was refused, in Chinese, naming the column as the template does. */
function reasonOf(kind: ImportKind, error: unknown): string {
  if (error instanceof CellProblem) return error.message;
  if (!(error instanceof AppError)) throw error;
  if (error.code === 'NOT_FOUND' && error.field === 'siteId') return '所属阵地不存在，或不在您的管辖范围内';
  const message = errorBody(error, 'zh').error.message;
  const header = headerOfField(kind, error.field);
  return header && error.field ? message.replace(error.field, header) : message;
}

interface Batch {
  rows: SheetRow[];
  /** Data rows finished once this batch commits. */
  processedAfter: number;
}

interface RowOutcome {
  inserted: number;
  skipped: number;
  errors: q.RowError[];
}

interface JobRun {
  ctx: AppContext;
  job: Job;
  worker: string;
  actor: Actor;
  map: HeaderMap;
  lookups: SiteLookups;
  defaultSite: sites.SiteSummary | null;
}

const rowError = (run: JobRun, row: SheetRow, error: unknown): q.RowError => ({
  rowNumber: row.number, cellsEnc: run.ctx.pii.encrypt(JSON.stringify(row.cells)), reason: reasonOf(run.job.kind as ImportKind, error),
});

async function homeSiteOf(run: JobRun, ctx: AppContext, row: SheetRow) {
  const code = siteCodeOf(cellReader(run.map, row.cells));
  if (!code) {
    if (run.defaultSite) return run.defaultSite;
    throw new CellProblem('缺少所属阵地区划代码');
  }
  await run.lookups.load(ctx, [code]);
  const site = run.lookups.site(code);
  if (!site) throw new CellProblem(`找不到区划代码 ${code} 对应的实践阵地`);
  if (!run.lookups.inScope(site)) throw new CellProblem(`区划代码 ${code}（${site.name}）不在您的管辖范围内，只能导入本辖区的数据`);
  return site;
}

/** A site people can belong to, as `findHomeSite` answers for a live site. */
const asHomeSite = (site: sites.SiteSummary) => (sites.homeSiteKinds.includes(site.kind) ? site : null);

interface PreparedVolunteers {
  good: { row: SheetRow; data: volunteers.NewVolunteerRow }[];
  errors: q.RowError[];
}

/** Checks and encrypts a batch of volunteer rows (no transaction open: lookups use ctx). */
async function prepareVolunteers(run: JobRun, batch: Batch): Promise<PreparedVolunteers> {
  const prepared: PreparedVolunteers = { good: [], errors: [] };
  const extra = { source: 'import', status: 'active', userId: null, createdBy: run.job.created_by } as const;
  const codes = batch.rows.map((row) => run.map.index.has('siteCode') ? (row.cells[run.map.index.get('siteCode')!] ?? '').trim() : '');
  await run.lookups.load(run.ctx, codes.filter((code) => /^\d{12}$/.test(code)));
  for (const [i, row] of batch.rows.entries()) {
    // Let the previous batch's database replies in now and then: it is being inserted meanwhile.
    if (i % 200 === 199) await new Promise((resolve) => setImmediate(resolve));
    try {
      const input = volunteerFromCells(cellReader(run.map, row.cells));
      const site = await homeSiteOf(run, run.ctx, row);
      input.siteId = site.id;
      if (!checkVolunteerInput.Check(input)) throw validationError([...checkVolunteerInput.Errors(input)]);
      const checked = await volunteers.checkVolunteer(run.ctx, input, async (id) => (id === site.id ? asHomeSite(site) : null));
      prepared.good.push({ row, data: volunteers.volunteerRow(run.ctx, checked, extra) });
    } catch (error) {
      prepared.errors.push(rowError(run, row, error));
    }
  }
  return prepared;
}

async function insertVolunteers(tx: AppContext, good: PreparedVolunteers['good']): Promise<Set<string>> {
  const byProvince = new Map<string, volunteers.NewVolunteerRow[]>();
  for (const { data } of good) {
    const province = data.region_code.slice(0, 2);
    byProvince.set(province, [...(byProvince.get(province) ?? []), data]);
  }
  const inserted = new Set<string>();
  for (const [province, rows] of byProvince) {
    for (const hash of await volunteers.insertVolunteerBatch(tx, province, rows)) inserted.add(hash);
  }
  return inserted;
}

/** Inserts a prepared batch; an ID number already registered (or twice in the file) is skipped. */
async function commitVolunteers(run: JobRun, batch: Batch, prepared: PreparedVolunteers) {
  const outcome = (inserted: Set<string>, errors: q.RowError[]): RowOutcome => {
    let count = 0;
    for (const { data } of prepared.good) {
      if (inserted.delete(data.id_hash)) count += 1;
    }
    return { inserted: count, skipped: prepared.good.length - count - (errors.length - prepared.errors.length), errors };
  };
  try {
    return await inTransaction(run.ctx, async (tx) => {
      const result = outcome(await insertVolunteers(tx, prepared.good), prepared.errors);
      await saveBatch(run, tx, batch, result);
      return result;
    });
  } catch (error) {
    if (error instanceof LostClaim || isDatabaseUnavailable(error)) throw error;
    // A row the database refused: find it by going row by row, each in a savepoint.
    return inTransaction(run.ctx, async (tx) => {
      const inserted = new Set<string>();
      const errors = [...prepared.errors];
      for (const { row, data } of prepared.good) {
        await sql`SAVEPOINT import_row`.execute(tx.db);
        try {
          for (const hash of await insertVolunteers(tx, [{ row, data }])) inserted.add(hash);
          await sql`RELEASE SAVEPOINT import_row`.execute(tx.db);
        } catch (rowFailure) {
          if (isDatabaseUnavailable(rowFailure)) throw rowFailure;
          await sql`ROLLBACK TO SAVEPOINT import_row`.execute(tx.db);
          errors.push({ ...rowError(run, row, new CellProblem('数据库拒绝保存该行，请核对各项内容')) });
        }
      }
      const result = outcome(inserted, errors);
      await saveBatch(run, tx, batch, result);
      return result;
    });
  }
}

/** Organizations one by one through the service (a savepoint each), in one transaction. */
async function commitOrganizations(run: JobRun, batch: Batch): Promise<RowOutcome> {
  return inTransaction(run.ctx, async (tx) => {
    const result: RowOutcome = { inserted: 0, skipped: 0, errors: [] };
    for (const row of batch.rows) {
      await sql`SAVEPOINT import_row`.execute(tx.db);
      try {
        const input = organizationFromCells(cellReader(run.map, row.cells));
        input.siteId = (await homeSiteOf(run, tx, row)).id;
        if (!checkOrganizationInput.Check(input)) throw validationError([...checkOrganizationInput.Errors(input)]);
        await organizations.createOrganization(tx, run.actor, input as Static<typeof OrganizationInput>, 'import');
        await sql`RELEASE SAVEPOINT import_row`.execute(tx.db);
        result.inserted += 1;
      } catch (error) {
        await sql`ROLLBACK TO SAVEPOINT import_row`.execute(tx.db);
        if (error instanceof AppError && error.code === 'CONFLICT') result.skipped += 1;
        else result.errors.push(rowError(run, row, error));
      }
    }
    await saveBatch(run, tx, batch, result);
    return result;
  });
}

async function saveBatch(run: JobRun, tx: AppContext, batch: Batch, result: RowOutcome) {
  await q.insertRowErrors(tx.db, run.job.id, result.errors);
  const saved = await q.recordProgress(tx.db, run.job.id, run.worker, LEASE_SECONDS, {
    processed: batch.processedAfter, inserted: result.inserted, skipped: result.skipped, failed: result.errors.length,
  });
  if (!saved) throw new LostClaim(`import job ${run.job.id} was taken over`);
}

async function* batchesOf(rows: AsyncIterable<SheetRow>, size: number, alreadyDone: number): AsyncGenerator<Batch> {
  let seen = 0;
  let rowsOfBatch: SheetRow[] = [];
  for await (const row of rows) {
    seen += 1;
    if (seen <= alreadyDone) continue; // finished before an interruption
    rowsOfBatch.push(row);
    if (rowsOfBatch.length === size) {
      yield { rows: rowsOfBatch, processedAfter: seen };
      rowsOfBatch = [];
    }
  }
  if (rowsOfBatch.length > 0) yield { rows: rowsOfBatch, processedAfter: seen };
}

export interface RunOptions {
  /** Stop (leaving the job to be resumed) after this many batches: tests of interruption. */
  maxBatches?: number;
  /** Checked between batches: a stopping server lets go of the job. */
  shouldStop?: () => boolean;
  onProgress?: (job: ReturnType<typeof presentJob>) => void;
  batchSize?: number;
}

async function countDataRows(ctx: AppContext, job: Job): Promise<number> {
  if (job.format === 'csv') return countCsvLines(fileChunks(ctx, job.id));
  let count = 0;
  for await (const _row of readRows(job.format as FileFormat, fileChunks(ctx, job.id))) count += 1;
  return Math.max(0, count - 1);
}

/** Ends a job: state, audit entry and (personal data minimization) its file, in one transaction. */
async function finish(ctx: AppContext, job: Job, worker: string, outcome: { status: 'done' | 'failed'; error: string | null }) {
  return inTransaction(ctx, async (tx) => {
    const finished = await q.finishJob(tx.db, job.id, worker, outcome);
    if (!finished) throw new LostClaim(`import job ${job.id} was taken over`);
    await q.deleteFile(tx.db, job.id);
    await recordAudit(tx, {
      actorId: finished.created_by, action: 'import', subject: `import:${finished.id}`, regionCode: finished.region_code, reason: null,
      details: {
        kind: finished.kind, filename: finished.filename, sha256: finished.sha256, status: finished.status, total: finished.total,
        inserted: finished.inserted, skipped: finished.skipped, failed: finished.failed,
      },
    });
    return finished;
  });
}

/**
 * Works through a claimed job from where it stands. Returns the job as it is when the
 * run ends: done, failed, or still running when told to stop early.
 */
export async function runImportJob(ctx: AppContext, worker: string, claimed: Job, options: RunOptions = {}) {
  const kind = claimed.kind as ImportKind;
  let job = claimed;
  // Volunteers: while the database inserts one batch, the next is checked and encrypted.
  let pending: Promise<RowOutcome> | null = null;
  try {
    if (job.total === null) {
      const total = await countDataRows(ctx, job);
      await q.setTotal(ctx.db, job.id, total);
      job = { ...job, total };
    }
    const rows = readRows(job.format as FileFormat, fileChunks(ctx, job.id));
    const header = await rows.next();
    if (header.done) throw new AppError('IMPORT_HEADER_MISSING', { params: { columns: columnsOf(kind).filter((c) => c.required).map((c) => c.header).join('、') } });
    const actor = jobActor(job);
    const defaultSite = job.default_site_id ? await sites.findHomeSite(ctx, job.default_site_id) : null;
    const run: JobRun = {
      ctx, job, worker, actor, defaultSite, lookups: siteLookups(actor),
      map: mapHeaders(kind, header.value.cells, { siteOptional: Boolean(defaultSite) }),
    };
    let batches = 0;
    const progress = { processed: job.processed, inserted: job.inserted, skipped: job.skipped, failed: job.failed };
    const settle = async () => {
      if (!pending) return;
      const result = await pending;
      pending = null;
      progress.inserted += result.inserted;
      progress.skipped += result.skipped;
      progress.failed += result.errors.length;
      options.onProgress?.(presentJob({ ...job, ...progress }));
    };
    for await (const batch of batchesOf(rows, options.batchSize ?? batchSizes[kind], job.processed)) {
      if (kind === 'volunteers') {
        const prepared = await prepareVolunteers(run, batch);
        await settle();
        pending = commitVolunteers(run, batch, prepared);
        pending.catch(() => undefined); // awaited in settle(); avoids an unhandled rejection meanwhile
      } else {
        pending = commitOrganizations(run, batch);
        await settle();
      }
      progress.processed = batch.processedAfter;
      batches += 1;
      if ((options.maxBatches !== undefined && batches >= options.maxBatches) || options.shouldStop?.()) {
        await settle();
        await rows.return(undefined);
        return presentJob((await q.findJob(ctx.db, job.id))!);
      }
    }
    await settle();
    return presentJob(await finish(ctx, job, worker, { status: 'done', error: null }));
  } catch (error) {
    await (pending as Promise<RowOutcome> | null)?.catch(() => undefined);
    if (error instanceof LostClaim || isDatabaseUnavailable(error)) throw error;
    // A file that cannot be read ends the job with the reason; anything else is logged by the runner.
    const reason = error instanceof AppError ? errorBody(error, 'zh').error.message : '导入中断：服务器内部错误，请联系管理员';
    await finish(ctx, job, worker, { status: 'failed', error: reason });
    if (!(error instanceof AppError)) throw error;
    return presentJob((await q.findJob(ctx.db, job.id))!);
  }
}

/**
 * Works on queued (or abandoned) jobs for about `budgetMs`, then lets go of an unfinished
 * one so that a stopping server never waits long: the next run, here or in another
 * process, resumes it from its last batch. Returns the number of jobs touched.
 */
export async function processImportJobs(ctx: AppContext, options: { worker: string; budgetMs: number; shouldStop?: () => boolean }) {
  const started = performance.now();
  const outOfTime = () => performance.now() - started > options.budgetMs || (options.shouldStop?.() ?? false);
  let touched = 0;
  while (!outOfTime()) {
    const claimed = await q.claimJob(ctx.db, options.worker, LEASE_SECONDS);
    if (!claimed) break;
    touched += 1;
    const job = await runImportJob(ctx, options.worker, claimed, { shouldStop: outOfTime });
    if (job.status === 'running') await q.releaseClaim(ctx.db, job.id, options.worker);
  }
  return touched;
}

/** Claims the next job nobody works on (or the given one), for `worker`. */
export const claimImportJob = (ctx: AppContext, worker: string, onlyId?: number) => q.claimJob(ctx.db, worker, LEASE_SECONDS, onlyId);

const REPORT_PAGE = 1000;
const maskers = { id: maskIdNumber, phone: maskPhone } as const;
// The shapes the API's schemas accept, so a cell the upload would take as a number is masked.
const ID_NUMBER_LIKE = new RegExp(ID_NUMBER_PATTERN);
const MOBILE_LIKE = new RegExp(PHONE_PATTERN);

/**
 * A row's cells as the error report shows them to anyone but the uploader: the ID and
 * phone columns masked, and any other cell that looks like either number too (a column
 * under a header the template does not know).
 */
function maskedCells(kind: ImportKind, headers: string[]): (cells: string[]) => string[] {
  const { index } = mapHeaders(kind, headers, { siteOptional: true });
  const byIndex = new Map(columnsOf(kind).flatMap((column) =>
    (column.personal && index.has(column.key) ? [[index.get(column.key)!, maskers[column.personal]] as const] : [])));
  return (cells) => cells.map((cell, i) => {
    const value = cell.trim();
    const mask = byIndex.get(i) ?? (ID_NUMBER_LIKE.test(value) ? maskIdNumber : MOBILE_LIKE.test(value) ? maskPhone : null);
    return mask ? mask(value) : cell;
  });
}

export async function errorReport(ctx: AppContext, actor: Actor, id: number) {
  const job = await scopedJob(ctx, actor, id);
  // The uploader gets the rows as uploaded, full numbers included, to correct them in the
  // report itself; center admins and above over the job's area get them masked.
  const uploader = job.created_by === actor.userId;
  if (!uploader && rankOver(actor, job.region_code) < roleRank('center_admin')) throw new AppError('FORBIDDEN');
  const headers = (job.headers as string[]) ?? [];
  const width = Math.max(headers.length, 1);
  const shown = uploader ? (cells: string[]) => cells : maskedCells(job.kind as ImportKind, headers);
  const first = await q.rowErrorsAfter(ctx.db, job.id, 0, REPORT_PAGE);
  // Full numbers are about to leave the database: audited before the first byte goes out.
  if (uploader && first.length > 0) {
    await recordAudit(ctx, {
      actorId: actor.userId, action: 'export', subject: `import:${job.id}`, regionCode: job.region_code, reason: null,
      details: { format: 'xlsx', report: 'errors', unmasked: true },
    });
  }
  const workbook = streamingWorkbook({
    name: '错误报告',
    columns: [{ header: '行号', width: 8 }, ...headers.map((header) => ({ header: header || '(无列名)', text: true })), { header: '错误原因', width: 50 }],
  });
  void (async () => {
    try {
      for (let errors = first; ; errors = await q.rowErrorsAfter(ctx.db, job.id, errors.at(-1)!.row_number, REPORT_PAGE)) {
        for (const error of errors) {
          const cells = JSON.parse(ctx.pii.decrypt(error.cells_enc)) as string[];
          workbook.addRow([error.row_number, ...shown(Array.from({ length: width }, (_, i) => cells[i] ?? '')), error.reason]);
        }
        if (errors.length < REPORT_PAGE) break;
      }
      await workbook.commit();
    } catch (error) {
      workbook.stream.destroy(error as Error);
    }
  })();
  return { filename: `${job.filename.replace(/\.[^.]+$/, '')}.errors.xlsx`, stream: workbook.stream };
}

/** The province admin, whom the command-line import runs as. */
export async function provinceImporter(ctx: AppContext): Promise<Actor> {
  const admin = await q.findProvinceAdmin(ctx.db);
  if (!admin) throw new Error('no province admin yet: run `lianxin seed` first');
  return { userId: admin.user_id, name: admin.name, grants: await auth.findGrants(ctx, admin.user_id) };
}

// ---------------------------------------------------------------------------------------
// Exports

/** Full numbers only for city admins and above, with a reason; rows limited to those grants. */
function exporter(actor: Actor, query: { unmasked?: boolean | undefined; reason?: string | undefined }): Actor {
  requireAdmin(actor);
  if (!query.unmasked) return actor;
  const grants = actor.grants.filter((grant) => isAdminRole(grant.role) && roleRank(grant.role) >= roleRank('city_admin'));
  if (grants.length === 0) {
    throw new AppError('FORBIDDEN', { detail: { zh: '只有市级及以上管理员可以导出完整的身份证号和手机号', en: 'Only city admins and above may export full numbers' } });
  }
  if (!query.reason) {
    throw new AppError('VALIDATION_FAILED', { field: 'reason', detail: { zh: '导出完整号码须填写原因', en: 'Exporting full numbers needs a reason' } });
  }
  return { ...actor, grants };
}

const dateTag = () => new Date().toISOString().slice(0, 10).replaceAll('-', '');
const yes = (value: boolean) => (value ? '是' : '否');

/**
 * Writes the rows of `pages` into a streamed workbook, then the audit entry (filters and
 * row count), then closes the file: a complete download always has its audit entry. The
 * first page is read before the download starts, so a filter the database refuses is
 * answered as an error rather than as a cut-off file.
 */
async function streamExport<T>(
  ctx: AppContext, actor: Actor, spec: Parameters<typeof streamingWorkbook>[0], pages: AsyncIterable<T[]>, toCells: (item: T) => (string | number | null)[],
  audit: { subject: string; under: string | undefined; reason: string | null; filters: Record<string, unknown>; unmasked: boolean },
) {
  const iterator = pages[Symbol.asyncIterator]();
  const first = await iterator.next();
  const workbook = streamingWorkbook(spec);
  const regionCode = (audit.under ?? scopePrefixes(actor)[0] ?? '').padEnd(12, '0').slice(0, 12) || null;
  void (async () => {
    let rows = 0;
    let failure: unknown = null;
    try {
      for (let page = first; !page.done; page = await iterator.next()) {
        for (const item of page.value) workbook.addRow(toCells(item));
        rows += page.value.length;
      }
    } catch (error) {
      failure = error;
    }
    try {
      await recordAudit(ctx, {
        actorId: actor.userId, action: 'export', subject: audit.subject, regionCode, reason: audit.reason,
        details: { format: 'xlsx', unmasked: audit.unmasked, filters: audit.filters, rows, complete: failure === null },
      });
      if (failure) throw failure;
      await workbook.commit();
    } catch (error) {
      workbook.stream.destroy(error as Error);
    }
  })();
  return workbook.stream;
}

const statusNames: Record<string, string> = { pending: '待审核', active: '已通过', rejected: '已驳回', suspended: '已暂停', approved: '已通过', dissolved: '已解散' };
const sourceNames: Record<string, string> = { self: '本人注册', staff: '工作人员录入', import: '批量导入' };
const listOf = (codes: string[], names: Record<string, string>) => codes.map((code) => names[code] ?? code).join('、');

export async function exportVolunteers(ctx: AppContext, actor: Actor, query: Static<typeof VolunteerExportQuery>) {
  const { unmasked = false, reason, ...filter } = query;
  const who = exporter(actor, query);
  const pages = volunteers.volunteerExportPages(ctx, who, filter, { unmasked });
  const stream = await streamExport(ctx, who, {
    name: '志愿者',
    columns: [
      { header: '志愿者编号', width: 14 }, { header: '姓名' }, { header: '性别', width: 6 }, { header: '年龄', width: 6 },
      { header: '身份证号', width: 22, text: true }, { header: '手机号', width: 14, text: true }, { header: '所属阵地', width: 28 },
      { header: '阵地区划代码', width: 14, text: true }, { header: '服务类别', width: 24 }, { header: '技能特长', width: 16 },
      { header: '可服务时间', width: 16 }, { header: '是否党员' }, { header: '应急志愿者储备' }, { header: '监护人' },
      { header: '状态' }, { header: '来源' }, { header: '最近服务日期', width: 12 }, { header: '登记时间', width: 20 },
    ],
  }, pages, (v) => [
    v.volunteerNo, v.name, v.sex === 'M' ? '男' : '女', v.age, v.idNumber ?? v.idMasked, v.phone ?? v.phoneMasked, v.site.name,
    v.site.regionCode, listOf(v.categories, categoryNames as Record<ServiceCategory, string>), v.skills.join('、'),
    listOf(v.availability, availabilityNames as Record<Availability, string>), yes(v.partyMember), yes(v.emergencyReserve),
    v.guardian ? `${v.guardian.name} ${v.guardian.phoneMasked}` : '', statusNames[v.status] ?? v.status, sourceNames[v.source] ?? v.source,
    v.lastServedOn ?? '', v.createdAt.slice(0, 19).replace('T', ' '),
  ], { subject: 'volunteers', under: filter.under, reason: reason ?? null, filters: filter, unmasked });
  return { filename: `志愿者_${dateTag()}.xlsx`, stream };
}

const sponsorNames: Record<string, string> = { party_government: '党政机关', enterprise: '企业', institution: '事业单位', social: '社会组织' };

export async function exportOrganizations(ctx: AppContext, actor: Actor, query: Static<typeof OrganizationExportQuery>) {
  const { unmasked = false, reason, ...filter } = query;
  const who = exporter(actor, query);
  const pages = organizations.organizationExportPages(ctx, who, filter, { unmasked });
  const stream = await streamExport(ctx, who, {
    name: '志愿服务组织',
    columns: [
      { header: '组织名称', width: 28 }, { header: '服务类别', width: 14 }, { header: '所属阵地', width: 28 }, { header: '阵地区划代码', width: 14, text: true },
      { header: '发起单位类型' }, { header: '发起单位名称', width: 20 }, { header: '联系人' }, { header: '联系电话', width: 14, text: true },
      { header: '成员数' }, { header: '状态' }, { header: '登记时间', width: 20 },
    ],
  }, pages, (o) => [
    o.name, o.category === 'custom' ? o.customCategory ?? '' : categoryNames[o.category as ServiceCategory] ?? o.category, o.site.name,
    o.site.regionCode, o.sponsorType ? sponsorNames[o.sponsorType] ?? o.sponsorType : '', o.sponsorName ?? '', o.contactName ?? '',
    o.contactPhone ?? o.contactPhoneMasked ?? '', o.memberCount, statusNames[o.status] ?? o.status, o.createdAt.slice(0, 19).replace('T', ' '),
  ], { subject: 'organizations', under: filter.under, reason: reason ?? null, filters: filter, unmasked });
  return { filename: `志愿服务组织_${dateTag()}.xlsx`, stream };
}
