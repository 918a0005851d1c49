import type { AppContext } from '../../context.ts';
import type { App } from '../../http/app-types.ts';
import { errorResponses, IdParams, ReviewRequest } from '../../http/schemas.ts';
import { requireActor } from '../auth/service.ts';
import {
  BrowsePage, MemberDecision, MemberListQuery, MemberPage, MemberParams, MyMembership, Organization, OrganizationDetail, OrganizationInput, OrganizationListQuery,
  OrganizationPage, OrganizationUpdate,
} from './schemas.ts';
import * as organizations from './service.ts';

const tags = ['organizations'];

export function organizationRoutes(app: App, ctx: AppContext) {
  app.get('/organizations', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Organizations in my area, filtered, keyset-paged', querystring: OrganizationListQuery, response: { 200: OrganizationPage, ...errorResponses } },
  }, async (request) => organizations.listOrganizations(ctx, requireActor(request), request.query));

  app.get('/organizations/browse', {
    config: { access: 'signedIn' },
    schema: {
      tags, summary: 'Approved teams a volunteer can join, in their county unless `under` says elsewhere',
      querystring: OrganizationListQuery, response: { 200: BrowsePage, ...errorResponses },
    },
  }, async (request) => organizations.browseOrganizations(ctx, requireActor(request), request.query));

  app.post('/organizations', {
    config: { access: 'staff', idempotent: true },
    schema: { tags, summary: 'Create an organization on a site; the level above approves it', body: OrganizationInput, response: { 201: Organization, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await organizations.createOrganization(ctx, requireActor(request), request.body)));

  app.get('/organizations/:id', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'One organization (approved ones to anyone signed in), with my membership', params: IdParams, response: { 200: OrganizationDetail, ...errorResponses } },
  }, async (request) => organizations.getOrganization(ctx, requireActor(request), request.params.id));

  app.patch('/organizations/:id', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Edit an organization, set its leader', params: IdParams, body: OrganizationUpdate, response: { 200: Organization, ...errorResponses } },
  }, async (request) => organizations.updateOrganization(ctx, requireActor(request), request.params.id, request.body));

  app.post('/organizations/:id/review', {
    config: { access: 'staff' },
    schema: { tags, summary: 'Approve or reject (the level above the organization’s site)', params: IdParams, body: ReviewRequest, response: { 200: Organization, ...errorResponses } },
  }, async (request) => organizations.reviewOrganization(ctx, requireActor(request), request.params.id, request.body));

  app.get('/organizations/:id/members', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Members and join requests', params: IdParams, querystring: MemberListQuery, response: { 200: MemberPage, ...errorResponses } },
  }, async (request) => organizations.listMembers(ctx, requireActor(request), request.params.id, request.query));

  app.post('/organizations/:id/join', {
    config: { access: 'signedIn', idempotent: true },
    schema: { tags, summary: 'Ask to join (a volunteer)', params: IdParams, response: { 201: MyMembership, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await organizations.requestToJoin(ctx, requireActor(request), request.params.id)));

  app.post('/organizations/:id/leave', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Leave (a volunteer)', params: IdParams, response: { 200: MyMembership, ...errorResponses } },
  }, async (request) => organizations.leave(ctx, requireActor(request), request.params.id));

  app.post('/organizations/:id/members/:volunteerId', {
    config: { access: 'signedIn' },
    schema: {
      tags, summary: 'Approve or decline a join request, or remove a member (staff or the team leader)',
      params: MemberParams, body: MemberDecision, response: { 200: MyMembership, ...errorResponses },
    },
  }, async (request) =>
    organizations.decideMember(ctx, requireActor(request), request.params.id, request.params.volunteerId, request.body.decision));
}
