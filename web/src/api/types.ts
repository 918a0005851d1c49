// Names for the API's shapes, all derived from the generated `paths`, so a server change
// shows up here as a type error instead of a silent mismatch.
import type { Ok, Path, Query, RequestBody } from './derive';
import type { paths } from './schema';


export type Me = Ok<paths['/api/v1/auth/me']['get']>;
export type Grant = Me['grants'][number];
export type Role = Grant['role'];

export type SiteNode = Ok<paths['/api/v1/sites/mine']['get']>['items'][number];
export type SiteKind = SiteNode['kind'];
export type SiteCounts = SiteNode['counts'];
export type SiteDetail = Ok<paths['/api/v1/sites/{id}']['get']>;
export type SiteSummary = Ok<paths['/api/v1/sites']['get']>['items'][number];
export type SiteQuery = Query<paths['/api/v1/sites']['get']>;
export type NewPoint = RequestBody<paths['/api/v1/sites']['post']>;
export type PointType = NewPoint['pointType'];
export type SitePatch = RequestBody<paths['/api/v1/sites/{id}']['patch']>;

export type Staff = Ok<paths['/api/v1/staff']['get']>['items'][number];
export type StaffQuery = Query<paths['/api/v1/staff']['get']>;
export type GrantableRole = NonNullable<StaffQuery['role']>;
export type NewStaff = RequestBody<paths['/api/v1/staff']['post']>;
export type NewStaffResult = Ok<paths['/api/v1/staff']['post']>;


export type Volunteer = Ok<Path<'/api/v1/volunteers', 'get'>>['items'][number];
export type VolunteerDetail = Ok<Path<'/api/v1/volunteers/{id}', 'get'>>;
export type VolunteerQuery = Query<Path<'/api/v1/volunteers', 'get'>>;
export type VolunteerExportQuery = Query<Path<'/api/v1/volunteers/export.xlsx', 'get'>>;
export type NewVolunteer = RequestBody<Path<'/api/v1/volunteers', 'post'>>;
export type VolunteerPatch = RequestBody<Path<'/api/v1/volunteers/{id}', 'patch'>>;
export type VolunteerStatus = Volunteer['status'];
export type ServiceCategory = NonNullable<VolunteerQuery['category']>;
export type Availability = NewVolunteer['availability'][number];
export type VolunteerActivity = NonNullable<VolunteerQuery['activity']>;
export type RevealField = RequestBody<Path<'/api/v1/volunteers/{id}/reveal', 'post'>>['fields'][number];

export type Organization = Ok<Path<'/api/v1/organizations', 'get'>>['items'][number];
export type OrganizationQuery = Query<Path<'/api/v1/organizations', 'get'>>;
export type NewOrganization = RequestBody<Path<'/api/v1/organizations', 'post'>>;
export type OrganizationPatch = RequestBody<Path<'/api/v1/organizations/{id}', 'patch'>>;
export type OrganizationCategory = NewOrganization['category'];
export type OrganizationStatus = Organization['status'];
export type SponsorType = NonNullable<NewOrganization['sponsorType']>;
export type SizeBucket = Organization['sizeBucket'];
export type Member = Ok<Path<'/api/v1/organizations/{id}/members', 'get'>>['items'][number];
export type MemberStatus = Member['status'];

export type ImportJob = Ok<Path<'/api/v1/imports/{id}', 'get'>>;
export type ImportKind = ImportJob['kind'];

export type Brand = Ok<Path<'/api/v1/brands', 'get'>>['items'][number];
export type Project = Ok<Path<'/api/v1/projects/{id}', 'get'>>;
export type ProjectQuery = Query<Path<'/api/v1/projects', 'get'>>;
export type NewProject = RequestBody<Path<'/api/v1/projects', 'post'>>;
export type ProjectPatch = RequestBody<Path<'/api/v1/projects/{id}', 'patch'>>;
export type ProjectStatus = Project['status'];
export type UploadedFile = Ok<Path<'/api/v1/files', 'post'>>;

/** An activity as lists show it (one fetched alone also says the asking volunteer's own sign-up). */
export type Activity = Ok<Path<'/api/v1/activities', 'get'>>['items'][number];
export type ActivityQuery = Query<Path<'/api/v1/activities', 'get'>>;
export type NewActivity = RequestBody<Path<'/api/v1/activities', 'post'>>;
export type ActivityStatus = Activity['status'];
export type RosterEntry = Ok<Path<'/api/v1/activities/{id}/roster', 'get'>>['items'][number];
export type CheckInCode = Ok<Path<'/api/v1/activities/{id}/checkin-code', 'get'>>;
export type ConfirmResult = Ok<Path<'/api/v1/activities/{id}/confirm', 'post'>>;

export type LedgerEntry = Ok<Path<'/api/v1/hours', 'get'>>['items'][number];
export type Dispute = Ok<Path<'/api/v1/hour-disputes', 'get'>>['items'][number];

export type Certificate = Ok<Path<'/api/v1/certificates', 'post'>>;
export type Verification = Ok<Path<'/api/v1/public/certificates/{code}', 'get'>>;

// The phone H5's own reads and writes.
export type Region = Ok<Path<'/api/v1/regions/{code}/children', 'get'>>['items'][number];
export type RegionDetail = Ok<Path<'/api/v1/regions/{code}', 'get'>>;
export type RegionMatch = Ok<Path<'/api/v1/regions', 'get'>>['items'][number];
export type HomeSite = Ok<Path<'/api/v1/regions/{code}/site', 'get'>>;
export type MyVolunteer = Ok<Path<'/api/v1/volunteers/me', 'get'>>;
export type SelfRegistration = RequestBody<Path<'/api/v1/volunteers/register', 'post'>>;
export type MyRegistration = RequestBody<Path<'/api/v1/volunteers/me', 'post'>>;
export type MyCorrection = RequestBody<Path<'/api/v1/volunteers/me', 'patch'>>;
export type MyHours = Ok<Path<'/api/v1/hours/mine', 'get'>>;
export type HoursEntry = MyHours['items'][number];
export type MySignup = Ok<Path<'/api/v1/activities/mine', 'get'>>['items'][number];
export type SignupStatus = MySignup['status'];
export type CheckResult = Ok<Path<'/api/v1/activities/{id}/checkin', 'post'>>;
export type CertificateSource = Ok<Path<'/api/v1/certificates/sources', 'get'>>['items'][number];
export type InboxMessage = Ok<Path<'/api/v1/inbox', 'get'>>['items'][number];
