import { Type } from 'typebox';
import { Cursor, Id, Limit, nullable, RegionCode, Timestamp } from '../../http/schemas.ts';
import { serviceCategories } from '../../lib/categories.ts';

const DateOnly = Type.String({ format: 'date', description: 'YYYY-MM-DD (China time)' });
const Status = Type.Enum(['draft', 'submitted', 'approved', 'rejected', 'running', 'closed']);
export const Category = Type.Enum(serviceCategories);

export const Brand = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  description: nullable(Type.String()),
  retiredAt: Type.Union([Timestamp, Type.Null()], { description: 'When retired: kept on its projects, offered for no new one' }),
  manageable: Type.Boolean({ description: 'Whether I may rename or retire it (staff of its city, or the province)' }),
});
export const BrandList = Type.Object({ items: Type.Array(Brand) });
export const BrandListQuery = Type.Object(
  { includeRetired: Type.Optional(Type.Boolean({ description: 'Also the retired brands (listed last)' })) },
  { additionalProperties: false },
);
const BrandName = Type.String({ minLength: 1, maxLength: 50, pattern: '\\S' });
const BrandDescription = nullable(Type.String({ maxLength: 500 }));
export const BrandInput = Type.Object(
  { name: BrandName, description: Type.Optional(BrandDescription) },
  { additionalProperties: false },
);
export const BrandUpdate = Type.Object(
  { name: Type.Optional(BrandName), description: Type.Optional(BrandDescription), retired: Type.Optional(Type.Boolean({ description: 'true retires it, false brings it back' })) },
  { additionalProperties: false, minProperties: 1 },
);

const editable = {
  name: Type.String({ minLength: 2, maxLength: 100 }),
  brandId: Type.Optional(nullable(Id)),
  category: Category,
  targetGroup: Type.Optional(nullable(Type.String({ maxLength: 100, description: 'e.g. 空巢老人, 留守儿童' }))),
  startsOn: DateOnly,
  endsOn: DateOnly,
  description: Type.Optional(nullable(Type.String({ maxLength: 5000 }))),
  coverUrl: Type.Optional(nullable(Type.String({ maxLength: 500, pattern: '^(https?://|/)' }))),
};

export const ProjectInput = Type.Object(
  { ...editable, organizationId: Id, siteId: Type.Optional(Id) },
  { additionalProperties: false },
);

export const ProjectUpdate = Type.Object(
  { ...editable, name: Type.Optional(editable.name), category: Type.Optional(Category), startsOn: Type.Optional(DateOnly), endsOn: Type.Optional(DateOnly) },
  { additionalProperties: false, minProperties: 1 },
);

export const Project = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  brand: nullable(Type.Object({ id: Type.Integer(), name: Type.String() })),
  category: Type.String(),
  organization: Type.Object({ id: Type.Integer(), name: Type.String() }),
  site: Type.Object({ id: Type.Integer(), name: Type.String(), regionCode: RegionCode }),
  targetGroup: nullable(Type.String()),
  startsOn: Type.String(),
  endsOn: Type.String(),
  description: nullable(Type.String()),
  coverUrl: nullable(Type.String()),
  status: Status,
  rejectReason: nullable(Type.String()),
  createdAt: Timestamp,
});

export const ProjectPage = Type.Object({ items: Type.Array(Project), nextCursor: nullable(Type.String()) });
export const ProjectListQuery = Type.Object(
  {
    under: Type.Optional(Type.String({ pattern: '^[0-9]{2,12}$' })),
    status: Type.Optional(Status),
    brandId: Type.Optional(Id),
    category: Type.Optional(Category),
    organizationId: Type.Optional(Id),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    cursor: Type.Optional(Cursor),
    limit: Limit,
  },
  { additionalProperties: false },
);
