import { Type } from 'typebox';
import { Cursor, Id, Limit, nullable, RegionCode, Timestamp } from '../../http/schemas.ts';
import { OrganizationListQuery } from '../organizations/schemas.ts';
import { VolunteerListQuery } from '../volunteers/schemas.ts';
import { importKinds } from './columns.ts';

/** Largest upload: about 300,000 volunteer rows as .xlsx. Shared with the web client. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export const ImportKind = Type.Enum(importKinds, { description: 'volunteers: 志愿者; organizations: 志愿服务组织' });

export const TemplateParams = Type.Object({ kind: ImportKind }, { additionalProperties: false });

export const ImportUpload = Type.Object(
  {
    kind: ImportKind,
    file: Type.String({ format: 'binary', description: `The .xlsx or .csv file (at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB); its type is read from its content` }),
    siteId: Type.Optional(Type.Integer({
      minimum: 1, maximum: 2_147_483_647,
      description: 'Import into this site’s area only (a site of mine); rows without a home site code go to it',
    })),
  },
  { additionalProperties: false },
);

export const ImportJob = Type.Object({
  id: Type.Integer(),
  kind: ImportKind,
  filename: Type.String(),
  format: Type.Enum(['xlsx', 'csv']),
  sha256: Type.String(),
  sizeBytes: Type.Integer(),
  status: Type.Enum(['queued', 'running', 'done', 'failed'], { description: 'Poll until done or failed' }),
  total: nullable(Type.Integer({ description: 'Data rows in the file; null until counted' })),
  processed: Type.Integer({ description: 'Rows finished so far' }),
  inserted: Type.Integer(),
  skipped: Type.Integer({ description: 'Already present (same ID number; same organization name on the site)' }),
  failed: Type.Integer({ description: 'Rows refused; see errors.xlsx' }),
  error: nullable(Type.String({ description: 'Why the whole job failed (an unreadable file)' })),
  site: Type.Object({ id: Type.Integer(), regionCode: RegionCode }, { description: 'The area the import runs in' }),
  createdBy: nullable(Type.Integer()),
  createdAt: Timestamp,
  startedAt: nullable(Timestamp),
  finishedAt: nullable(Timestamp),
});

export const ImportJobPage = Type.Object({ items: Type.Array(ImportJob), nextCursor: nullable(Type.String()) });
export const ImportJobListQuery = Type.Object({ cursor: Type.Optional(Cursor), limit: Limit }, { additionalProperties: false });
export const ImportJobParams = Type.Object({ id: Id }, { additionalProperties: false });

const exportOptions = {
  unmasked: Type.Optional(Type.Boolean({ description: 'Full ID and phone numbers: city admins and above, with a reason; audited' })),
  reason: Type.Optional(Type.String({ minLength: 2, maxLength: 200, description: 'Why the full numbers are needed; kept in the audit log' })),
};

const { cursor: _vc, limit: _vl, ...volunteerFilters } = VolunteerListQuery.properties;
const { cursor: _oc, limit: _ol, ...organizationFilters } = OrganizationListQuery.properties;

export const VolunteerExportQuery = Type.Object({ ...volunteerFilters, ...exportOptions }, { additionalProperties: false });
export const OrganizationExportQuery = Type.Object({ ...organizationFilters, ...exportOptions }, { additionalProperties: false });

/** A binary .xlsx answer, for the OpenAPI document. */
