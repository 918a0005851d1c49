import { Type } from 'typebox';
import { Cursor, Id, Limit, nullable, page, RegionCode, Timestamp } from '../../http/schemas.ts';
import { auditActions } from './service.ts';

const AuditActionSchema = Type.Enum(auditActions);
const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD (China time), inclusive' });

export const AuditQuery = Type.Object(
  {
    action: Type.Optional(AuditActionSchema),
    actorId: Type.Optional(Id),
    subject: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'What the entry is about, e.g. user:42; matches as a prefix' })),
    from: Type.Optional(Day),
    to: Type.Optional(Day),
    cursor: Type.Optional(Cursor),
    limit: Limit,
  },
  { additionalProperties: false },
);

export const AuditEntry = Type.Object({
  id: Type.Integer(),
  at: Timestamp,
  actor: nullable(Type.Object({ id: Type.Integer(), name: Type.String() })),
  action: AuditActionSchema,
  subject: Type.String(),
  regionCode: nullable(RegionCode),
  reason: nullable(Type.String()),
  details: Type.Record(Type.String(), Type.Unknown(), { description: 'What changed; never a plain phone or ID number' }),
  hash: Type.String({ description: 'sha256 of this entry chained to the previous one' }),
});

export const AuditPage = page(AuditEntry);

export const AuditVerification = Type.Object({
  ok: Type.Boolean(),
  entries: Type.Integer({ description: 'Entries checked' }),
  firstBrokenId: nullable(Type.Integer({ description: 'The first entry whose hash does not fit the chain' })),
});
