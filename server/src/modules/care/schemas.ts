import { Type } from 'typebox';
import { Cursor, Id, Limit, nullable, page, Phone, RegionCode, Timestamp } from '../../http/schemas.ts';
import { recipientKinds, visitKinds } from './service.ts';

const DateOnly = Type.String({ format: 'date' });

export const UnitPairInput = Type.Object(
  {
    unitName: Type.String({ minLength: 2, maxLength: 100 }),
    unitType: Type.Enum(['party_government', 'enterprise', 'institution', 'social']),
    siteId: Id,
    unitContactName: Type.String({ minLength: 1, maxLength: 50 }),
    unitContactPhone: Type.Optional(nullable(Phone)),
    communityContactName: Type.String({ minLength: 1, maxLength: 50 }),
    communityContactPhone: Type.Optional(nullable(Phone)),
    startedOn: DateOnly,
  },
  { additionalProperties: false },
);
const Contact = Type.Object({ name: Type.String(), phoneMasked: nullable(Type.String()) });
export const UnitPair = Type.Object({
  id: Type.Integer(), unitName: Type.String(), unitType: Type.String(), site: Type.Object({ id: Type.Integer(), name: Type.String(), regionCode: RegionCode }),
  unitContact: Contact, communityContact: Contact, startedOn: Type.String(), endedOn: nullable(Type.String()),
});
export const UnitPairList = Type.Object({ items: Type.Array(UnitPair) });

export const GroupInput = Type.Object(
  { name: Type.String({ minLength: 2, maxLength: 100 }), siteId: Id, memberIds: Type.Array(Id, { maxItems: 200, uniqueItems: true }) },
  { additionalProperties: false },
);
export const MemberInput = Type.Object({ volunteerId: Id }, { additionalProperties: false });
export const GroupMemberParams = Type.Object({ id: Id, volunteerId: Id }, { additionalProperties: false });

export const ListedRecipient = Type.Object({
  id: Type.Integer(), groupId: Type.Integer(), groupName: Type.String(), kind: Type.String(), name: Type.String({ description: 'Masked' }),
  visitEveryDays: Type.Integer(), caretaker: nullable(Type.Object({ volunteerId: Type.Integer(), name: Type.String(), active: Type.Boolean() })),
  lastVisit: nullable(Type.String()), nextDue: Type.String(), lateDays: Type.Integer({ description: 'Days past the visit plan (0: covered)' }),
  mine: Type.Optional(Type.Boolean()),
});
export const Group = Type.Object({
  id: Type.Integer(), name: Type.String(), siteId: Type.Integer(), regionCode: RegionCode,
  members: Type.Array(Type.Object({ volunteerId: Type.Integer(), name: Type.String(), partyMember: Type.Boolean(), joinedAt: Timestamp, leftAt: nullable(Timestamp) })),
  recipients: Type.Array(ListedRecipient),
});
export const GroupList = Type.Object({
  items: Type.Array(Type.Object({
    id: Type.Integer(), name: Type.String(), site: Type.Object({ id: Type.Integer(), name: Type.String(), regionCode: RegionCode }),
    members: Type.Integer(), recipients: Type.Integer(),
  })),
});

export const RecipientInput = Type.Object(
  {
    groupId: Id,
    kind: Type.Enum(recipientKinds),
    name: Type.String({ minLength: 1, maxLength: 50 }),
    phone: Type.Optional(nullable(Phone)),
    address: Type.Optional(nullable(Type.String({ maxLength: 200 }))),
    needs: Type.Optional(nullable(Type.String({ maxLength: 1000, description: 'Health, disability, family situation: sensitive' }))),
    visitEveryDays: Type.Integer({ minimum: 1, maximum: 365 }),
    caretakerId: Id,
    consent: Type.Literal(true, { description: 'Separate consent for sensitive data, from the person or their guardian' }),
  },
  { additionalProperties: false },
);
export const Created = Type.Object({ id: Type.Integer() });
export const RecipientList = Type.Object({ items: Type.Array(ListedRecipient) });
export const RecipientQuery = Type.Object({ reason: Type.Optional(Type.String({ maxLength: 200, description: 'Kept in the audit log' })) }, { additionalProperties: false });
export const RecipientDetail = Type.Object({
  ...ListedRecipient.properties,
  name: Type.String(), phone: nullable(Type.String()), address: nullable(Type.String()), needs: nullable(Type.String()),
  visits: Type.Array(Type.Object({
    id: Type.Integer(), visitedOn: Type.String(), kind: Type.String(), summary: Type.String(), followUp: nullable(Type.String()),
    photos: Type.Array(Type.Object({ id: Type.String({ format: 'uuid' }), url: Type.String(), thumbUrl: Type.String({ description: '320 px' }) }), {
      description: 'Served to those who may read the recipient only',
    }),
    volunteer: Type.String(),
  })),
});
export const VisitInput = Type.Object(
  {
    clientId: Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$', description: 'Made by the phone; a resend adds nothing' }),
    visitedOn: DateOnly,
    kind: Type.Enum(visitKinds),
    summary: Type.String({ minLength: 2, maxLength: 2000 }),
    photos: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 9, description: 'Ids of images the member uploaded (POST /files)' })),
    followUp: Type.Optional(nullable(Type.String({ maxLength: 500 }))),
  },
  { additionalProperties: false },
);
export const Visit = Type.Object({ id: Type.Integer(), recipientId: Type.Integer(), visitedOn: Type.String(), kind: Type.String() });
export const CoverageQuery = Type.Object(
  { under: Type.Optional(Type.String({ pattern: '^[0-9]{2,12}$' })), asOf: Type.Optional(DateOnly) },
  { additionalProperties: false },
);
export const Coverage = Type.Object({
  asOf: Type.String(), recipients: Type.Integer(), covered: Type.Integer(),
  overdue: Type.Integer({ description: 'Recipients past their visit plan (listed by /care/coverage/recipients?list=overdue)' }),
  withoutCaretaker: Type.Integer({ description: 'Recipients whose caretaker left or is missing (list=withoutCaretaker)' }),
  leavers: Type.Array(Type.Object({ groupId: Type.Integer(), groupName: Type.String(), volunteerId: Type.Integer(), name: Type.String(), leftAt: Timestamp, recipients: Type.Integer() })),
});
export const HandOverRequest = Type.Object({ toVolunteerId: Id }, { additionalProperties: false });
export const CoverageListQuery = Type.Object(
  {
    list: Type.Enum(['overdue', 'withoutCaretaker']),
    under: Type.Optional(Type.String({ pattern: '^[0-9]{2,12}$' })),
    asOf: Type.Optional(DateOnly),
    cursor: Type.Optional(Cursor),
    limit: Type.Optional(Limit),
  },
  { additionalProperties: false },
);
export const CoveragePage = Type.Object({ ...page(ListedRecipient).properties, asOf: Type.String() });
export const PhotoParams = Type.Object({ id: Id, fileId: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
export const PhotoQuery = Type.Object({ size: Type.Optional(Type.Enum(['full', 'thumb'])) }, { additionalProperties: false });
