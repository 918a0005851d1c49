// The web's copies of the API's enums and limits must match the OpenAPI document.
import { describe, expect, it } from 'vitest';
import openapi from '../api/openapi.json' with { type: 'json' };
import { grantableRoles, limits, pointTypes, roles, siteKinds } from './domain';

type Schema = { enum?: string[]; maxLength?: number; minimum?: number; maximum?: number; pattern?: string; anyOf?: Schema[]; properties?: Record<string, Schema> };

const paths = openapi.paths as unknown as Record<string, Record<string, {
  requestBody?: { content: { 'application/json': { schema: Schema } } };
  parameters?: { name: string; schema: Schema }[];
  responses: Record<string, { content?: { 'application/json': { schema: Schema } } }>;
}>>;

const body = (path: string, method: string) => paths[path]![method]!.requestBody!.content['application/json'].schema.properties!;
const param = (path: string, name: string) => paths[path]!.get!.parameters!.find((p) => p.name === name)!.schema;
/** The non-null branch of a nullable property. */
const value = (schema: Schema) => schema.anyOf?.find((branch) => 'maxLength' in branch || 'minimum' in branch || 'pattern' in branch) ?? schema;

describe('domain lists follow the API', () => {
  it('has every enum value in the server’s order', () => {
    const me = paths['/api/v1/auth/me']!.get!.responses['200']!.content!['application/json'].schema;
    const grant = (me.properties!.grants as unknown as { items: Schema }).items.properties!;
    expect(roles).toEqual(grant.role!.enum);
    expect(siteKinds).toEqual(grant.site!.properties!.kind!.enum);
    expect(grantableRoles).toEqual(param('/api/v1/staff', 'role').enum);
    expect(pointTypes).toEqual(body('/api/v1/sites', 'post').pointType!.enum);
  });

  it('has the request limits', () => {
    const point = body('/api/v1/sites', 'post');
    expect(limits.siteName).toBe(point.name!.maxLength);
    expect(limits.address).toBe(value(point.address!).maxLength);
    expect(limits.contactName).toBe(value(point.contactName!).maxLength);
    expect(limits.description).toBe(value(point.description!).maxLength);
    expect(limits.contactTel.source).toBe(value(point.contactTel!).pattern);
    expect(limits.longitude).toEqual({ min: value(point.longitude!).minimum, max: value(point.longitude!).maximum });
    expect(limits.latitude).toEqual({ min: value(point.latitude!).minimum, max: value(point.latitude!).maximum });
    const staff = body('/api/v1/staff', 'post');
    expect(limits.staffName).toBe(staff.name!.maxLength);
    expect(limits.phone.source).toBe(staff.phone!.pattern);
    expect(limits.password).toBe(body('/api/v1/auth/login', 'post').password!.maxLength);
    expect(limits.search).toBe(param('/api/v1/sites', 'q').maxLength);
    expect(limits.phoneSuffix.source).toBe(param('/api/v1/staff', 'phoneSuffix').pattern);
  });
});
