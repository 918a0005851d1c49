import type { AppContext } from '../../context.ts';
import type { App } from '../../http/app-types.ts';
import { errorResponses } from '../../http/schemas.ts';
import { requireActor } from '../auth/service.ts';
import {
  CreateStaffRequest, CreateStaffResponse, GrantParams, GrantRequest, ResetPasswordResponse, Staff, StaffListQuery, StaffPage,
  UpdateStaffRequest, UserParams,
} from './schemas.ts';
import * as staff from './service.ts';

const tags = ['staff'];

export function staffRoutes(app: App, ctx: AppContext) {
  app.get('/staff', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Staff accounts holding roles in my area', querystring: StaffListQuery, response: { 200: StaffPage, ...errorResponses } },
  }, async (request) => staff.listStaff(ctx, requireActor(request), request.query));

  app.post('/staff', {
    config: { access: 'staff' },
    schema: {
      tags, summary: 'Create a staff account (or add the role to an existing one), below my own rank',
      body: CreateStaffRequest, response: { 201: CreateStaffResponse, ...errorResponses },
    },
  }, async (request, reply) => reply.status(201).send(await staff.createStaff(ctx, requireActor(request), request.body)));

  app.patch('/staff/:userId', {
    config: { access: 'staff' },
    schema: { tags, summary: 'Rename, disable or enable a staff account', params: UserParams, body: UpdateStaffRequest, response: { 200: Staff, ...errorResponses } },
  }, async (request) => staff.updateStaff(ctx, requireActor(request), request.params.userId, request.body));

  app.post('/staff/:userId/grants', {
    config: { access: 'staff' },
    schema: { tags, summary: 'Grant a role on a site', params: UserParams, body: GrantRequest, response: { 201: Staff, ...errorResponses } },
  }, async (request, reply) =>
    reply.status(201).send(await staff.grantRole(ctx, requireActor(request), request.params.userId, request.body.role, request.body.siteId)));

  app.delete('/staff/:userId/grants/:grantId', {
    config: { access: 'staff' },
    schema: { tags, summary: 'Revoke a role', params: GrantParams, response: { 200: Staff, ...errorResponses } },
  }, async (request) => staff.revokeGrant(ctx, requireActor(request), request.params.userId, request.params.grantId));

  app.post('/staff/:userId/reset-password', {
    config: { access: 'staff' },
    schema: { tags, summary: 'Issue a temporary password; ends the person’s sessions', params: UserParams, response: { 200: ResetPasswordResponse, ...errorResponses } },
  }, async (request) => staff.resetPassword(ctx, requireActor(request), request.params.userId));
}
