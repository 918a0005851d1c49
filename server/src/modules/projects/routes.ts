import type { AppContext } from '../../context.ts';
import type { App } from '../../http/app-types.ts';
import { errorResponses, IdParams, ReviewRequest } from '../../http/schemas.ts';
import { requireActor } from '../auth/service.ts';
import { Brand, BrandInput, BrandList, BrandListQuery, BrandUpdate, Project, ProjectInput, ProjectListQuery, ProjectPage, ProjectUpdate } from './schemas.ts';
import * as projects from './service.ts';

const tags = ['projects'];

export function projectRoutes(app: App, ctx: AppContext) {
  app.get('/brands', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Service brands (品牌): active ones, or all', querystring: BrandListQuery, response: { 200: BrandList, ...errorResponses } },
  }, async (request) => ({ items: await projects.listBrands(ctx, requireActor(request), request.query) }));

  app.post('/brands', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Add a brand (city and province staff)', body: BrandInput, response: { 201: Brand, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await projects.createBrand(ctx, requireActor(request), request.body)));

  app.patch('/brands/:id', {
    config: { access: 'staff' },
    schema: {
      tags, summary: 'Rename, retire or bring back a brand (staff of its city, or the province)',
      params: IdParams, body: BrandUpdate, response: { 200: Brand, ...errorResponses },
    },
  }, async (request) => projects.updateBrand(ctx, requireActor(request), request.params.id, request.body));

  app.get('/projects', {
    config: { access: 'staff' },
    schema: { tags, summary: 'Projects in my area, newest first', querystring: ProjectListQuery, response: { 200: ProjectPage, ...errorResponses } },
  }, async (request) => projects.listProjects(ctx, requireActor(request), request.query));

  app.post('/projects', {
    config: { access: 'signedIn', idempotent: true },
    schema: { tags, summary: 'Create a project (draft) for an organization I run', body: ProjectInput, response: { 201: Project, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await projects.createProject(ctx, requireActor(request), request.body)));

  app.get('/projects/:id', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'One project', params: IdParams, response: { 200: Project, ...errorResponses } },
  }, async (request) => projects.getProject(ctx, requireActor(request), request.params.id));

  app.patch('/projects/:id', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Edit a draft or rejected project', params: IdParams, body: ProjectUpdate, response: { 200: Project, ...errorResponses } },
  }, async (request) => projects.updateProject(ctx, requireActor(request), request.params.id, request.body));

  app.post('/projects/:id/submit', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Submit for approval', params: IdParams, response: { 200: Project, ...errorResponses } },
  }, async (request) => projects.submitProject(ctx, requireActor(request), request.params.id));

  app.post('/projects/:id/review', {
    config: { access: 'staff' },
    schema: { tags, summary: 'Approve or reject (the owning center or above)', params: IdParams, body: ReviewRequest, response: { 200: Project, ...errorResponses } },
  }, async (request) => projects.reviewProject(ctx, requireActor(request), request.params.id, request.body));

  app.post('/projects/:id/close', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Close a project', params: IdParams, response: { 200: Project, ...errorResponses } },
  }, async (request) => projects.closeProject(ctx, requireActor(request), request.params.id));
}
