import type { AppContext } from '../../context.ts';
import type { App } from '../../http/app-types.ts';
import { errorResponses } from '../../http/schemas.ts';
import { requireActor } from '../auth/service.ts';
import { AuditPage, AuditQuery, AuditVerification } from './schemas.ts';
import * as audit from './service.ts';

const tags = ['audit'];

export function auditRoutes(app: App, ctx: AppContext) {
  app.get('/audit', {
    config: { access: 'staff' },
    schema: { tags, summary: 'Audit log entries in my area, newest first (center admins and above)', querystring: AuditQuery, response: { 200: AuditPage, ...errorResponses } },
  }, async (request) => audit.listAuditEntries(ctx, requireActor(request), request.query));

  app.get('/audit/verify', {
    config: { access: 'staff' },
    schema: { tags, summary: 'Re-compute the audit log’s hash chain (province admins)', response: { 200: AuditVerification, ...errorResponses } },
  }, async (request) => audit.verifyAuditLog(ctx, requireActor(request)));
}
