import { Type } from 'typebox';
import { Cursor, Id, Limit, nullable, Phone, RegionCode, Timestamp } from '../../http/schemas.ts';
import { serviceCategories, sizeBuckets } from '../../lib/categories.ts';

const OrgCategory = Type.Enum([...serviceCategories, 'custom'], { description: 'One of the eight kinds of teams, or custom' });
const OrgStatus = Type.Enum(['pending', 'approved', 'rejected', 'dissolved']);
const SponsorType = Type.Enum(['party_government', 'enterprise', 'institution', 'social'], {
  description: 'party_government: 党政机关; enterprise: 企业; institution: 事业单位; social: 社会组织',
});

const editable = {
  name: Type.String({ minLength: 2, maxLength: 100 }),
  category: OrgCategory,
  customCategory: Type.Optional(nullable(Type.String({ minLength: 1, maxLength: 30, description: 'Required when category is custom' }))),
  parentId: Type.Optional(nullable(Id)),
  sponsorType: Type.Optional(nullable(SponsorType)),
  sponsorName: Type.Optional(nullable(Type.String({ maxLength: 100, description: '共建单位: the unit whose team sinks down to the center' }))),
  contactName: Type.Optional(nullable(Type.String({ maxLength: 50 }))),
  contactPhone: Type.Optional(nullable(Phone)),
  description: Type.Optional(nullable(Type.String({ maxLength: 2000 }))),
};

export const OrganizationInput = Type.Object({ ...editable, siteId: Id }, { additionalProperties: false });

export const OrganizationUpdate = Type.Object(
  {
    ...editable,
    name: Type.Optional(editable.name),
    category: Type.Optional(OrgCategory),
    leaderVolunteerId: Type.Optional(nullable(Id)),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const Organization = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  category: Type.String(),
  customCategory: nullable(Type.String()),
  site: Type.Object({ id: Type.Integer(), name: Type.String(), kind: Type.String(), regionCode: RegionCode }),
  parentId: nullable(Type.Integer()),
  sponsorType: nullable(Type.String()),
  sponsorName: nullable(Type.String()),
  leader: nullable(Type.Object({ volunteerId: Type.Integer(), name: Type.String() })),
  contactName: nullable(Type.String()),
  contactPhoneMasked: nullable(Type.String()),
  description: nullable(Type.String()),
  status: OrgStatus,
  rejectReason: nullable(Type.String()),
  memberCount: Type.Integer(),
  sizeBucket: Type.Enum(sizeBuckets.map((bucket) => bucket.key)),
  createdAt: Timestamp,
});

export const OrganizationPage = Type.Object({ items: Type.Array(Organization), nextCursor: nullable(Type.String()) });
const MembershipStatus = nullable(Type.Enum(['pending', 'active', 'left', 'removed', 'declined'], { description: 'The asking volunteer’s own membership' }));
export const OrganizationDetail = Type.Object({ ...Organization.properties, myMembership: MembershipStatus });
export const BrowsePage = Type.Object({ items: Type.Array(Type.Object({ ...Organization.properties, myMembership: MembershipStatus })), nextCursor: nullable(Type.String()) });

export const OrganizationListQuery = Type.Object(
  {
    under: Type.Optional(Type.String({ pattern: '^[0-9]{2,12}$' })),
    category: Type.Optional(OrgCategory),
    status: Type.Optional(OrgStatus),
    size: Type.Optional(Type.Enum(sizeBuckets.map((bucket) => bucket.key), { description: 'Member count bucket, e.g. 30-99' })),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    cursor: Type.Optional(Cursor),
    limit: Limit,
  },
  { additionalProperties: false },
);

export const Member = Type.Object({
  volunteerId: Type.Integer(),
  volunteerNo: Type.String(),
  name: Type.String({ description: 'Masked (first character + *) for a child under 14 when the reader is not staff (a team leader)' }),
  phoneMasked: Type.String(),
  skills: Type.Array(Type.String()),
  partyMember: Type.Boolean(),
  status: Type.Enum(['pending', 'active', 'left', 'removed', 'declined']),
  requestedAt: Timestamp,
});
export const MemberPage = Type.Object({ items: Type.Array(Member), nextCursor: nullable(Type.String()) });
export const MemberListQuery = Type.Object(
  { status: Type.Optional(Type.Enum(['pending', 'active', 'left', 'removed', 'declined'])), cursor: Type.Optional(Cursor), limit: Limit },
  { additionalProperties: false },
);
export const MemberParams = Type.Object({ id: Id, volunteerId: Id }, { additionalProperties: false });
export const MemberDecision = Type.Object({ decision: Type.Enum(['approve', 'decline', 'remove']) }, { additionalProperties: false });
export const MyMembership = Type.Object({ organizationId: Type.Integer(), status: Type.String() });
