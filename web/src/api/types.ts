// Names for the API's shapes, all derived from the generated `paths`, so a server change
// shows up here as a type error instead of a silent mismatch.
import type { paths } from './schema';

type Json<R> = R extends { content: { 'application/json': infer Body } } ? Body : never;
type Ok<Operation> = Operation extends { responses: infer R }
  ? Json<R extends { 200: infer S } ? S : R extends { 201: infer S } ? S : never>
  : never;
type RequestBody<Operation> = Operation extends { requestBody: { content: { 'application/json': infer Body } } } ? Body : never;
type Query<Operation> = Operation extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

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
