// The API's enums as runtime lists, in rank order. domain.unit.test.ts checks them
// against the OpenAPI document, so they cannot drift from the server.
import type {
  ActivityStatus, Availability, Grant, GrantableRole, ImportKind, MemberStatus, OrganizationCategory, OrganizationStatus, PointType, ProjectStatus,
  Role, ServiceCategory, SiteKind, SizeBucket, SponsorType, VolunteerActivity, VolunteerStatus,
} from '../api/types';

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

/** The rank of this person's highest admin role, or -1. */
export function adminRank(grants: readonly Grant[]): number {
  return Math.max(-1, ...grants.filter((grant) => isAdminRole(grant.role)).map((grant) => rank(grant.role)));
}

/** Whether this person holds an admin role at `role`'s level or above (the server still decides per region). */
export const hasRankOf = (grants: readonly Grant[], role: Role) => adminRank(grants) >= rank(role);

/** Roles this person may give: strictly below their highest admin role (server rule). */
export function rolesGrantableBy(grants: readonly Grant[]): GrantableRole[] {
  const highest = adminRank(grants);
  return grantableRoles.filter((role) => rank(role) < highest);
}

/** The eight kinds of volunteer service (DOMAIN.md), in the server's order. */
export const serviceCategories: readonly ServiceCategory[] = [
  'theory_policy', 'culture_arts', 'education', 'medical_fitness', 'science', 'legal', 'environment', 'assistance',
];
export const organizationCategories: readonly OrganizationCategory[] = [...serviceCategories, 'custom'];
export const availabilityOptions: readonly Availability[] = ['weekday_day', 'weekday_evening', 'weekend', 'holiday', 'anytime'];
export const sponsorTypes: readonly SponsorType[] = ['party_government', 'enterprise', 'institution', 'social'];
export const sizeBuckets: readonly SizeBucket[] = ['1-9', '10-29', '30-99', '100+'];
export const volunteerStatuses: readonly VolunteerStatus[] = ['pending', 'active', 'rejected', 'suspended'];
export const volunteerActivities: readonly VolunteerActivity[] = ['active', 'inactive', 'never'];
export const organizationStatuses: readonly OrganizationStatus[] = ['pending', 'approved', 'rejected', 'dissolved'];
export const memberStatuses: readonly MemberStatus[] = ['pending', 'active', 'left', 'removed', 'declined'];
export const projectStatuses: readonly ProjectStatus[] = ['draft', 'submitted', 'approved', 'rejected', 'running', 'closed'];
export const activityStatuses: readonly ActivityStatus[] = ['published', 'cancelled', 'finished'];
export const importKinds: readonly ImportKind[] = ['volunteers', 'organizations'];

/** Digits of a region code that name a site's area: its subtree is that prefix (ARCHITECTURE.md). */
const prefixLength: Record<SiteKind, number> = { province: 2, city: 4, center: 6, institute: 9, station: 12, point: 12 };
export const regionPrefix = (site: { kind: SiteKind; regionCode: string }) => site.regionCode.slice(0, prefixLength[site.kind]);

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
  personName: 50,
  skill: 20,
  skills: 20,
  reason: { min: 2, max: 200 },
  rejectReason: 200,
  organizationName: { min: 2, max: 100 },
  customCategory: 30,
  sponsorName: 100,
  projectName: { min: 2, max: 100 },
  targetGroup: 100,
  longText: 5000,
  activityTitle: { min: 2, max: 100 },
  quota: 100000,
  checkinRadius: { min: 20, max: 5000 },
  repeatWeeks: 52,
  minAge: 100,
  requiredSkills: 10,
  insuranceRef: 100,
  minutes: 1440,
  peopleServed: 10_000_000,
  importBytes: 50 * 1024 * 1024,
  imageBytes: 5 * 1024 * 1024,
} as const;
