import { Type } from 'typebox';
import { RegionCode, SearchText } from '../../http/schemas.ts';

const RegionBase = {
  code: RegionCode,
  name: Type.String(),
  level: Type.Integer({ minimum: 1, maximum: 5, description: '1 province, 2 city, 3 county, 4 township, 5 village/community' }),
};

export const Region = Type.Object({
  ...RegionBase,
  parentCode: Type.Union([RegionCode, Type.Null()]),
  childCount: Type.Integer(),
});

export const RegionDetail = Type.Object({
  ...Region.properties,
  prefix: Type.String({ description: 'Codes in this subtree start with it' }),
  lineage: Type.Array(Type.Object(RegionBase), { description: 'From the province down to this region' }),
});

export const RegionList = Type.Object({ items: Type.Array(Region) });

export const RegionSearchQuery = Type.Object(
  {
    q: SearchText,
    under: Type.Optional(Type.String({ pattern: '^[0-9]{2,12}$', description: 'Only inside this code prefix' })),
    limit: Type.Integer({ minimum: 1, maximum: 50, default: 20 }),
  },
  { additionalProperties: false },
);

export const RegionSearchResult = Type.Object({
  items: Type.Array(Type.Object({ ...Region.properties, fullName: Type.String({ description: '辽宁省 / 鞍山市 / 台安县' }) })),
});
