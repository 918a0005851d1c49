// Names for the API shapes of the audit log, derived from the generated `paths` like
// types.ts, so a server change shows up as a type error.
import type { Ok, Query } from './derive';
import type { paths } from './schema';

export type AuditEntry = Ok<paths['/api/v1/audit']['get']>['items'][number];
export type AuditQuery = Query<paths['/api/v1/audit']['get']>;
export type AuditAction = AuditEntry['action'];
export type AuditVerification = Ok<paths['/api/v1/audit/verify']['get']>;
