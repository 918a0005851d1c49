import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import type { App } from '../../http/app-types.ts';
import { errorResponses } from '../../http/schemas.ts';
import { sendXlsx, XlsxFile } from '../../http/xlsx.ts';
import { AppError } from '../../lib/errors.ts';
import { requireActor } from '../auth/service.ts';
import { runnerFor } from './runner.ts';
import {
  ImportJob, ImportJobListQuery, ImportJobPage, ImportJobParams, ImportUpload, MAX_IMPORT_BYTES, OrganizationExportQuery, TemplateParams,
  VolunteerExportQuery,
} from './schemas.ts';
import * as imports from './service.ts';

const tags = ['imports'];

/** The uploaded file of a request; the body carries only its name (so the schema can say "binary"). */
const uploads = new WeakMap<FastifyRequest, { filename: string; content: Buffer }>();

export function importRoutes(app: App, ctx: AppContext) {
  void app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 5, fieldSize: 1000 },
    async onFile(part) {
      uploads.set(this, { filename: part.filename, content: await part.toBuffer() });
      (part as unknown as { value: string }).value = part.filename;
    },
  });

  // A runner started for this context (tests) is closed with the app; servers run the background task.
  app.addHook('onClose', async () => {
    await runnerFor(ctx)?.stop();
  });

  app.get('/imports/templates/:kind.xlsx', {
    config: { access: 'signedIn' },
    schema: {
      tags, summary: 'The import template of a kind: Chinese headers, an example row, a notes sheet',
      params: TemplateParams, response: { 200: XlsxFile, ...errorResponses },
    },
  }, async (request, reply) => {
    requireActor(request);
    return sendXlsx(reply, `${request.params.kind === 'volunteers' ? '志愿者' : '志愿服务组织'}导入模板.xlsx`, await imports.templateWorkbook(request.params.kind));
  });

  app.post('/imports', {
    config: { access: 'staff' },
    bodyLimit: MAX_IMPORT_BYTES + 1024 * 1024,
    schema: {
      tags, summary: 'Upload a file to import (multipart: kind, file); it is processed in the background',
      description: 'Answers 202 with the job; poll GET /imports/{id} until status is done or failed, then fetch errors.xlsx when rows failed.',
      consumes: ['multipart/form-data'], body: ImportUpload, response: { 202: ImportJob, ...errorResponses },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const upload = uploads.get(request);
    if (!upload) throw new AppError('VALIDATION_FAILED', { field: 'file', detail: { zh: '请选择要上传的文件', en: 'Attach the file' } });
    const job = await imports.createImportJob(ctx, actor, { kind: request.body.kind, ...upload, siteId: request.body.siteId });
    runnerFor(ctx)?.wake();
    return reply.status(202).send(job);
  });

  app.get('/imports', {
    config: { access: 'staff' },
    schema: { tags, summary: 'Import jobs in my area, newest first', querystring: ImportJobListQuery, response: { 200: ImportJobPage, ...errorResponses } },
  }, async (request) => imports.listImportJobs(ctx, requireActor(request), request.query));

  app.get('/imports/:id', {
    config: { access: 'staff' },
    schema: { tags, summary: 'One import job and its progress', params: ImportJobParams, response: { 200: ImportJob, ...errorResponses } },
  }, async (request) => imports.getImportJob(ctx, requireActor(request), request.params.id));

  app.get('/imports/:id/errors.xlsx', {
    config: { access: 'staff' },
    schema: {
      tags, summary: 'The rows that failed: original columns, 行号 and 错误原因',
      description: 'In full to the uploader (audited); to center admins and above over the area with ID and phone numbers masked.',
      params: ImportJobParams, response: { 200: XlsxFile, ...errorResponses },
    },
  }, async (request, reply) => {
    const report = await imports.errorReport(ctx, requireActor(request), request.params.id);
    return sendXlsx(reply, report.filename, report.stream);
  });

  app.get('/volunteers/export.xlsx', {
    config: { access: 'signedIn' },
    schema: {
      tags: ['volunteers'], summary: 'Export the filtered volunteer list (masked unless unmasked=true with a reason; audited)',
      querystring: VolunteerExportQuery, response: { 200: XlsxFile, ...errorResponses },
    },
  }, async (request, reply) => {
    const file = await imports.exportVolunteers(ctx, requireActor(request), request.query);
    return sendXlsx(reply, file.filename, file.stream);
  });

  app.get('/organizations/export.xlsx', {
    config: { access: 'signedIn' },
    schema: {
      tags: ['organizations'], summary: 'Export the filtered organization list (masked unless unmasked=true with a reason; audited)',
      querystring: OrganizationExportQuery, response: { 200: XlsxFile, ...errorResponses },
    },
  }, async (request, reply) => {
    const file = await imports.exportOrganizations(ctx, requireActor(request), request.query);
    return sendXlsx(reply, file.filename, file.stream);
  });
}
