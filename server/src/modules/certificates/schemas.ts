import { Type } from 'typebox';
import { Id, nullable, Timestamp } from '../../http/schemas.ts';

export const CodeParams = Type.Object({ code: Type.String({ pattern: '^LX-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}$' }) }, { additionalProperties: false });
export const IssueRequest = Type.Object(
  { organizationId: Id, volunteerId: Type.Optional(Id) },
  { additionalProperties: false, description: 'volunteerId: staff issuing for a volunteer of their area; omitted: my own' },
);
export const Certificate = Type.Object({
  id: Type.Integer(), code: Type.String(), hours: Type.Number(), issuer: Type.String(), issuedAt: Timestamp, revoked: Type.Boolean(),
});
export const CertificateList = Type.Object({ items: Type.Array(Certificate) });
export const Sources = Type.Object({ items: Type.Array(Type.Object({ organizationId: Type.Integer(), name: Type.String(), hours: Type.Number() })) });
export const Verification = Type.Object({
  genuine: Type.Boolean(),
  code: Type.String(),
  revoked: Type.Optional(Type.Boolean()),
  revokeReason: Type.Optional(nullable(Type.String())),
  name: Type.Optional(Type.String({ description: 'Masked' })),
  volunteerNo: Type.Optional(Type.String()),
  hours: Type.Optional(Type.Number()),
  periodFrom: Type.Optional(nullable(Type.String())),
  periodTo: Type.Optional(nullable(Type.String())),
  content: Type.Optional(Type.String()),
  issuer: Type.Optional(Type.String()),
  issuedOn: Type.Optional(Type.String()),
});
export const RevokeRequest = Type.Object({ reason: Type.String({ minLength: 2, maxLength: 200 }) }, { additionalProperties: false });
