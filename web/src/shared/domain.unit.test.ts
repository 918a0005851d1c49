// The web's copies of the API's enums and limits must match the OpenAPI document.
import { describe, expect, it } from 'vitest';
import openapi from '../api/openapi.json' with { type: 'json' };
import {
  activityStatuses, availabilityOptions, grantableRoles, importKinds, limits, memberStatuses, organizationCategories, organizationStatuses, pointTypes,
  projectStatuses, regionPrefix, roles, serviceCategories, siteKinds, sizeBuckets, sponsorTypes, volunteerActivities, volunteerStatuses,
} from './domain';

type Schema = {
  enum?: string[]; maxLength?: number; minLength?: number; minimum?: number; maximum?: number; maxItems?: number; pattern?: string; description?: string;
  anyOf?: Schema[]; items?: Schema; properties?: Record<string, Schema>;
};

const paths = openapi.paths as unknown as Record<string, Record<string, {
  requestBody?: { content: Record<string, { schema: Schema }> };
  parameters?: { name: string; schema: Schema }[];
  responses: Record<string, { content?: { 'application/json': { schema: Schema } } }>;
}>>;

const body = (path: string, method: string) => paths[path]![method]!.requestBody!.content['application/json']!.schema.properties!;
const multipart = (path: string) => paths[path]!.post!.requestBody!.content['multipart/form-data']!.schema.properties!;
const param = (path: string, name: string) => paths[path]!.get!.parameters!.find((p) => p.name === name)!.schema;
/** The non-null branch of a nullable property. */
const value = (schema: Schema) => schema.anyOf?.find((branch) => 'maxLength' in branch || 'minimum' in branch || 'pattern' in branch || 'enum' in branch) ?? schema;

describe('domain lists follow the API', () => {
  it('has every enum value in the server’s order', () => {
    const me = paths['/api/v1/auth/me']!.get!.responses['200']!.content!['application/json'].schema;
    const grant = (me.properties!.grants as unknown as { items: Schema }).items.properties!;
    expect(roles).toEqual(grant.role!.enum);
    expect(siteKinds).toEqual(grant.site!.properties!.kind!.enum);
    expect(grantableRoles).toEqual(param('/api/v1/staff', 'role').enum);
    expect(pointTypes).toEqual(body('/api/v1/sites', 'post').pointType!.enum);
    expect(serviceCategories).toEqual(param('/api/v1/volunteers', 'category').enum);
    expect(organizationCategories).toEqual(body('/api/v1/organizations', 'post').category!.enum);
    expect(availabilityOptions).toEqual(body('/api/v1/volunteers', 'post').availability!.items!.enum);
    expect(sponsorTypes).toEqual(value(body('/api/v1/organizations', 'post').sponsorType!).enum);
    expect(sizeBuckets).toEqual(param('/api/v1/organizations', 'size').enum);
    expect(volunteerStatuses).toEqual(param('/api/v1/volunteers', 'status').enum);
    expect(volunteerActivities).toEqual(param('/api/v1/volunteers', 'activity').enum);
    expect(organizationStatuses).toEqual(param('/api/v1/organizations', 'status').enum);
    expect(memberStatuses).toEqual(param('/api/v1/organizations/{id}/members', 'status').enum);
    expect(projectStatuses).toEqual(param('/api/v1/projects', 'status').enum);
    expect(activityStatuses).toEqual(param('/api/v1/activities', 'status').enum);
    expect(importKinds).toEqual(multipart('/api/v1/imports').kind!.enum);
  });

  it('takes a site’s area as the prefix of its region code', () => {
    expect(regionPrefix({ kind: 'center', regionCode: '210321000000' })).toBe('210321');
    expect(regionPrefix({ kind: 'institute', regionCode: '210321001000' })).toBe('210321001');
    expect(regionPrefix({ kind: 'station', regionCode: '210321001021' })).toBe('210321001021');
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

    const volunteer = body('/api/v1/volunteers', 'post');
    expect(limits.personName).toBe(volunteer.name!.maxLength);
    expect(limits.skill).toBe(volunteer.skills!.items!.maxLength);
    expect(limits.skills).toBe(volunteer.skills!.maxItems);
    const reveal = body('/api/v1/volunteers/{id}/reveal', 'post').reason!;
    expect(limits.reason).toEqual({ min: reveal.minLength, max: reveal.maxLength });
    for (const [path, field] of [['/api/v1/hours/{id}/reverse', 'reason'], ['/api/v1/activities/{id}/cancel', 'reason'], ['/api/v1/hour-disputes/{id}/resolve', 'resolution']] as const) {
      expect({ min: body(path, 'post')[field]!.minLength, max: body(path, 'post')[field]!.maxLength }).toEqual(limits.reason);
    }
    expect(limits.rejectReason).toBe(body('/api/v1/volunteers/{id}/review', 'post').reason!.maxLength);
    const organization = body('/api/v1/organizations', 'post');
    expect(limits.organizationName).toEqual({ min: organization.name!.minLength, max: organization.name!.maxLength });
    expect(limits.customCategory).toBe(value(organization.customCategory!).maxLength);
    expect(limits.sponsorName).toBe(value(organization.sponsorName!).maxLength);
    const project = body('/api/v1/projects', 'post');
    expect(limits.projectName).toEqual({ min: project.name!.minLength, max: project.name!.maxLength });
    expect(limits.targetGroup).toBe(value(project.targetGroup!).maxLength);
    expect(limits.longText).toBe(value(project.description!).maxLength);
    const activity = body('/api/v1/activities', 'post');
    expect(limits.activityTitle).toEqual({ min: activity.title!.minLength, max: activity.title!.maxLength });
    expect(limits.quota).toBe(activity.quota!.maximum);
    expect(limits.checkinRadius).toEqual({ min: activity.checkinRadiusM!.minimum, max: activity.checkinRadiusM!.maximum });
    expect(limits.repeatWeeks).toBe(activity.repeatWeeks!.maximum);
    expect(limits.minAge).toBe(value(activity.minAge!).maximum);
    expect(limits.requiredSkills).toBe(activity.requiredSkills!.maxItems);
    expect(limits.insuranceRef).toBe(value(activity.insuranceRef!).maxLength);
    expect(limits.minutes).toBe(body('/api/v1/hours/{id}/correct', 'post').minutes!.maximum);
    expect(limits.peopleServed).toBe(body('/api/v1/activities/{id}', 'patch').peopleServed!.maximum);
    expect(multipart('/api/v1/imports').file!.description).toContain(`${limits.importBytes / 1024 / 1024} MB`);
    expect(paths['/api/v1/files']!.post! as unknown as { summary: string }).toMatchObject({ summary: expect.stringContaining(`${limits.imageBytes / 1024 / 1024} MB`) });
  });
});
