// The API's enums as runtime lists, in rank order. domain.unit.test.ts checks them
// against the OpenAPI document, so they cannot drift from the server.
import type { Grant, GrantableRole, PointType, Role, SiteKind } from '../api/types';

export const roles: readonly Role[] = [
  'resident', 'volunteer', 'team_leader', 'station_admin', 'institute_admin', 'center_admin', 'city_admin', 'province_admin',
];
export const grantableRoles: readonly GrantableRole[] = [
  'team_leader', 'station_admin', 'institute_admin', 'center_admin', 'city_admin', 'province_admin',
];
export const siteKinds: readonly SiteKind[] = ['province', 'city', 'center', 'institute', 'station', 'point'];
export const pointTypes: readonly PointType[] = [
  'family_workshop', 'square', 'library', 'culture_hall', 'school', 'enterprise', 'park', 'other',
];

/** Kinds under which a practice point may be added. */
export const pointParentKinds: readonly SiteKind[] = ['center', 'institute', 'station'];

/** The site kind each admin role is granted on; team leaders may sit on any site. */
export const roleSiteKind: Partial<Record<GrantableRole, SiteKind>> = {
  station_admin: 'station',
  institute_admin: 'institute',
  center_admin: 'center',
  city_admin: 'city',
  province_admin: 'province',
};

const adminRoles: readonly Role[] = roles.slice(roles.indexOf('station_admin'));

export const rank = (role: Role) => roles.indexOf(role);
export const isAdminRole = (role: Role) => adminRoles.includes(role);

/** The grant with the highest role, the one a header shows. */
export function topGrant(grants: readonly Grant[]): Grant | undefined {
  return grants.reduce<Grant | undefined>((top, grant) => (!top || rank(grant.role) > rank(top.role) ? grant : top), undefined);
}

/** Roles this person may give: strictly below their highest admin role (server rule). */
export function rolesGrantableBy(grants: readonly Grant[]): GrantableRole[] {
  const highest = Math.max(-1, ...grants.filter((grant) => isAdminRole(grant.role)).map((grant) => rank(grant.role)));
  return grantableRoles.filter((role) => rank(role) < highest);
}

/** The limits of the API's request schemas; checked against the OpenAPI document too. */
export const limits = {
  siteName: 100,
  address: 200,
  contactName: 50,
  description: 2000,
  contactTel: /^[0-9+\- ]{5,20}$/,
  longitude: { min: 73, max: 136 },
  latitude: { min: 3, max: 54 },
  staffName: 50,
  phone: /^1[0-9]{10}$/,
  password: 128,
  search: 50,
  phoneSuffix: /^[0-9]{1,4}$/,
} as const;
