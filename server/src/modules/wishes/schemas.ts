import { Type } from 'typebox';
import { Cursor, Id, Limit, nullable, Phone, RegionCode, Timestamp } from '../../http/schemas.ts';
import { beneficiaryGroups, wishCategories, wishStatuses } from './service.ts';

const Under = Type.String({ pattern: '^[0-9]{2,12}$', description: 'Region code prefix' });
const Status = Type.Enum(wishStatuses);
const Category = Type.Enum(wishCategories, { description: 'study 学习用品, daily 生活用品, company 陪伴探访, health 健康关爱, repair 维修帮办, other 其他' });
const Group = Type.Enum(beneficiaryGroups, { description: '空巢老人, 留守儿童, 残疾人, 困难家庭, 其他' });

export const WishInput = Type.Object(
  {
    title: Type.String({ minLength: 2, maxLength: 60 }),
    story: Type.String({ minLength: 5, maxLength: 1000 }),
    category: Category,
    beneficiaryGroup: Group,
    beneficiaryName: Type.String({ minLength: 1, maxLength: 50 }),
    beneficiaryPhone: Type.Optional(nullable(Phone)),
    estimatedValueYuan: Type.Optional(nullable(Type.Integer({ minimum: 0, maximum: 100000 }))),
    siteId: Id,
    campaignId: Type.Optional(nullable(Id)),
  },
  { additionalProperties: false },
);

export const Wish = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  story: Type.String(),
  category: Type.String(),
  beneficiaryGroup: Type.String(),
  beneficiaryName: Type.String({ description: 'Masked (王*) except to the staff, poster and claimer who serve them' }),
  beneficiaryPhone: nullable(Type.String()),
  estimatedValueYuan: nullable(Type.Integer()),
  site: Type.Object({ id: Type.Integer(), name: Type.String(), regionCode: RegionCode }),
  campaign: nullable(Type.Object({ id: Type.Integer(), name: Type.String() })),
  status: Status,
  rejectReason: nullable(Type.String()),
  mergedIntoId: nullable(Type.Integer()),
  claimer: nullable(Type.Object({ kind: Type.Enum(['volunteer', 'organization', 'unit']), name: Type.String() })),
  claimDeadline: nullable(Timestamp),
  fulfilNote: nullable(Type.String()),
  fulfilPhotos: Type.Array(Type.String()),
  overdue: Type.Boolean({ description: 'A claim ran past its deadline and was released' }),
  createdAt: Timestamp,
});

export const WishDetail = Type.Object({
  ...Wish.properties,
  timeline: Type.Array(Type.Object({ from: nullable(Type.String()), to: Type.String(), note: nullable(Type.String()), actor: nullable(Type.String()), at: Timestamp })),
});
export const WishList = Type.Object({ items: Type.Array(Wish) });
export const WishPage = Type.Object({ items: Type.Array(Wish), nextCursor: nullable(Type.String()) });

const filters = {
  status: Type.Optional(Status),
  campaignId: Type.Optional(Id),
  category: Type.Optional(Category),
  beneficiaryGroup: Type.Optional(Group),
  cursor: Type.Optional(Cursor),
  limit: Limit,
};
export const WishListQuery = Type.Object({ ...filters, under: Type.Optional(Under), overdue: Type.Optional(Type.Boolean()) }, { additionalProperties: false });
export const WallQuery = Type.Object({ ...filters, under: Under }, { additionalProperties: false });

export const WishReview = Type.Object(
  {
    decision: Type.Enum(['approve', 'reject', 'merge']),
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    mergeIntoId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export const Duplicates = Type.Object({
  items: Type.Array(Type.Object({ wish: Wish, sameBeneficiary: Type.Boolean(), similarity: Type.Number({ description: '0..1, bigram Dice of title+story' }) })),
});
export const ClaimRequest = Type.Object(
  {
    as: Type.Enum(['volunteer', 'organization', 'unit'], { description: 'Claim as myself, for a team I run, or for a unit (staff)' }),
    organizationId: Type.Optional(Id),
    unitName: Type.Optional(Type.String({ minLength: 2, maxLength: 100 })),
    days: Type.Optional(Type.Integer({ minimum: 1, maximum: 60, description: 'Deadline in days (default 7)' })),
  },
  { additionalProperties: false },
);
export const FulfilRequest = Type.Object(
  {
    note: Type.String({ minLength: 2, maxLength: 1000 }),
    photos: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 9, description: 'File ids from POST /files' })),
    minutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 1440, description: 'A volunteer claimer’s own service time' })),
    participants: Type.Optional(Type.Array(
      Type.Object({ volunteerId: Id, minutes: Type.Integer({ minimum: 1, maximum: 1440 }) }, { additionalProperties: false }),
      { maxItems: 200, description: 'For a team claim: the members who served' },
    )),
  },
  { additionalProperties: false },
);

export const CampaignInput = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 100 }),
    description: Type.Optional(nullable(Type.String({ maxLength: 2000 }))),
    regionCode: RegionCode,
    startsOn: Type.String({ format: 'date' }),
    endsOn: Type.String({ format: 'date' }),
    valueCapYuan: Type.Optional(nullable(Type.Integer({ minimum: 1, maximum: 100000 }))),
    oneOpenPerFamily: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export const Campaign = Type.Object({
  id: Type.Integer(), name: Type.String(), description: nullable(Type.String()), regionCode: RegionCode, startsOn: Type.String(), endsOn: Type.String(),
  valueCapYuan: nullable(Type.Integer()), oneOpenPerFamily: Type.Boolean(),
  collected: Type.Integer({ description: 'Wishes on the wall or beyond' }), fulfilled: Type.Integer({ description: 'Wishes fulfilled (圆梦)' }),
});
export const CampaignList = Type.Object({ items: Type.Array(Campaign) });
export const CampaignQuery = Type.Object({ under: Type.Optional(Under) }, { additionalProperties: false });
