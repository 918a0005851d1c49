import { Type } from 'typebox';
import { Cursor, Id, Limit, nullable, RegionCode, SearchText, Timestamp } from '../../http/schemas.ts';
import { siteKinds } from '../../lib/scope.ts';
import { pointTypes } from './service.ts';

const SiteKind = Type.Enum(siteKinds, {
  description: 'province/city guidance center, center (county), institute (township), station (village), point',
});
const PointType = Type.Enum(pointTypes);
const Counts = Type.Object(
  Object.fromEntries(siteKinds.map((kind) => [kind, Type.Integer()])) as Record<(typeof siteKinds)[number], ReturnType<typeof Type.Integer>>,
  { description: 'Sites of each kind below this one' },
);

export const SiteNode = Type.Object({
  id: Type.Integer(),
  kind: SiteKind,
  name: Type.String(),
  regionCode: RegionCode,
  pointType: nullable(PointType),
  childCount: Type.Integer(),
  counts: Counts,
});
export const SiteNodeList = Type.Object({ items: Type.Array(SiteNode) });

export const Site = Type.Object({
  id: Type.Integer(),
  kind: SiteKind,
  regionCode: RegionCode,
  parentId: nullable(Type.Integer()),
  name: Type.String(),
  pointType: nullable(PointType),
  address: nullable(Type.String()),
  longitude: nullable(Type.Number()),
  latitude: nullable(Type.Number()),
  contactName: nullable(Type.String()),
  contactTel: nullable(Type.String()),
  description: nullable(Type.String()),
  childCount: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const SiteDetail = Type.Object({
  ...Site.properties,
  counts: Counts,
  ancestors: Type.Array(Type.Object({
    id: Type.Integer(), kind: SiteKind, name: Type.String(), regionCode: RegionCode,
    inScope: Type.Boolean({ description: 'Whether the caller may open it' }),
  })),
});

export const SitePage = Type.Object({
  items: Type.Array(Type.Object({ ...Site.properties, regionPath: Type.String({ description: '辽宁省 / 鞍山市 / 台安县 / …: tells same-named places apart' }) })),
  nextCursor: nullable(Type.String()),
});

export const SiteListQuery = Type.Object(
  {
    parentId: Type.Optional(Id),
    kind: Type.Optional(SiteKind),
    q: Type.Optional(SearchText),
    under: Type.Optional(Type.String({ pattern: '^[0-9]{2,12}$', description: 'Region code prefix' })),
    cursor: Type.Optional(Cursor),
    limit: Limit,
  },
  { additionalProperties: false },
);

const editable = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  address: Type.Optional(nullable(Type.String({ maxLength: 200 }))),
  longitude: Type.Optional(nullable(Type.Number({ minimum: 73, maximum: 136, description: 'WGS-84, inside China' }))),
  latitude: Type.Optional(nullable(Type.Number({ minimum: 3, maximum: 54 }))),
  contactName: Type.Optional(nullable(Type.String({ maxLength: 50 }))),
  contactTel: Type.Optional(nullable(Type.String({ pattern: '^[0-9+\\- ]{5,20}$', description: 'Public office or hotline number' }))),
  description: Type.Optional(nullable(Type.String({ maxLength: 2000 }))),
};

export const CreatePointRequest = Type.Object(
  {
    parentId: Id,
    pointType: PointType,
    regionCode: Type.Optional(RegionCode),
    ...editable,
  },
  { additionalProperties: false },
);

export const UpdateSiteRequest = Type.Object(
  { ...editable, name: Type.Optional(editable.name), pointType: Type.Optional(PointType) },
  { additionalProperties: false, minProperties: 1 },
);

export const SiteSummary = Type.Object({ id: Type.Integer(), kind: SiteKind, name: Type.String(), regionCode: RegionCode });
