import { Type } from 'typebox';
import { Id, nullable, Password, RegionCode, Timestamp } from '../../http/schemas.ts';

const DateOnly = Type.String({ format: 'date' });
const Strings = Type.Array(Type.String());

export const UserIdParams = Type.Object({ userId: Id }, { additionalProperties: false });

export const EraseMineRequest = Type.Object(
  {
    currentPassword: Password,
    confirm: Type.Literal(true, { description: 'The person confirms: erasure cannot be undone' }),
  },
  { additionalProperties: false },
);

export const EraseRequest = Type.Object(
  { reason: Type.String({ minLength: 2, maxLength: 200, description: 'Why (e.g. the written request received); must not repeat the person’s name or numbers' }) },
  { additionalProperties: false },
);

export const EraseResult = Type.Object({
  userId: Type.Integer(),
  pseudonym: Type.String({ description: 'The name the kept records now carry, e.g. 已注销用户#42' }),
  volunteerId: nullable(Type.Integer()),
  keptMinutes: Type.Integer({ description: 'Service minutes kept, anonymous, in the ledger and every total' }),
  keptEntries: Type.Integer(),
  erasedAt: Timestamp,
});

const Volunteer = Type.Object({
  id: Type.Integer(),
  volunteerNo: Type.String(),
  name: Type.String(),
  idNumber: Type.String({ description: 'In full: it is the person’s own' }),
  phone: Type.String(),
  birthDate: DateOnly,
  sex: Type.String(),
  site: Type.Object({ id: Type.Integer(), name: Type.String() }),
  regionCode: RegionCode,
  categories: Strings,
  skills: Strings,
  availability: Strings,
  partyMember: Type.Boolean(),
  emergencyReserve: Type.Boolean(),
  guardianName: nullable(Type.String()),
  guardianPhone: nullable(Type.String()),
  guardianConsentAt: nullable(Timestamp),
  consentAt: Timestamp,
  status: Type.String(),
  source: Type.String(),
  lastServedOn: nullable(DateOnly),
  createdAt: Timestamp,
});

const LedgerEntry = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  source: Type.String(),
  sourceId: Type.Integer(),
  organizationName: nullable(Type.String()),
  startedAt: Timestamp,
  endedAt: Timestamp,
  minutes: Type.Integer(),
  reversesId: nullable(Type.Integer()),
  reason: nullable(Type.String()),
  content: nullable(Type.String()),
  recordedAt: Timestamp,
});

export const DataExport = Type.Object({
  exportedAt: Timestamp,
  account: Type.Object({
    id: Type.Integer(),
    name: Type.String(),
    phone: Type.String({ description: 'In full: it is the person’s own' }),
    regionCode: RegionCode,
    status: Type.String(),
    createdAt: Timestamp,
    roles: Type.Array(Type.Object({ role: Type.String(), siteName: Type.String(), regionCode: RegionCode, grantedAt: Timestamp })),
  }),
  volunteer: nullable(Volunteer),
  memberships: Type.Array(Type.Object({
    organizationId: Type.Integer(), name: Type.String(), status: Type.String(), requestedAt: Timestamp, decidedAt: nullable(Timestamp),
  })),
  signups: Type.Array(Type.Object({
    activityId: Type.Integer(), title: Type.String(), startsAt: Timestamp, endsAt: Timestamp, status: Type.String(), signedUpAt: Timestamp,
    checkedInAt: nullable(Timestamp), checkedOutAt: nullable(Timestamp),
  })),
  hours: Type.Object({
    minutes: Type.Integer(), hours: Type.Number(), records: Type.Integer(), entries: Type.Array(LedgerEntry),
  }),
  certificates: Type.Array(Type.Object({
    code: Type.String(), minutes: Type.Integer(), content: Type.String(), issuedAt: Timestamp, revokedAt: nullable(Timestamp),
  })),
  training: Type.Array(Type.Object({ courseId: Type.Integer(), title: Type.String(), score: nullable(Type.Integer()), completedAt: Timestamp })),
  qualifications: Type.Array(Type.Object({ qualification: Type.String(), earnedAt: Timestamp })),
  careVisits: Type.Array(Type.Object({ id: Type.Integer(), visitedOn: DateOnly, kind: Type.String(), loggedAt: Timestamp })),
  wishes: Type.Array(Type.Object({
    id: Type.Integer(), title: Type.String(), story: Type.String(), category: Type.String(), beneficiaryGroup: Type.String(),
    beneficiaryName: Type.String({ description: 'In full when the wish is the person’s own; masked when posted for someone else' }),
    beneficiaryPhone: nullable(Type.String()), onBehalf: Type.Boolean(), status: Type.String(), createdAt: Timestamp,
  })),
  orders: Type.Array(Type.Object({
    id: Type.Integer(), title: Type.String(), details: nullable(Type.String()), category: Type.String(), contactPhone: nullable(Type.String()),
    address: nullable(Type.String()), status: Type.String(), rating: nullable(Type.Integer()), ratingComment: nullable(Type.String()), createdAt: Timestamp,
  })),
});
