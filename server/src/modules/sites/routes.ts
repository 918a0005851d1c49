import type { AppContext } from '../../context.ts';
import type { App } from '../../http/app-types.ts';
import { errorResponses, IdParams, RegionCodeParams } from '../../http/schemas.ts';
import { requireActor } from '../auth/service.ts';
import { CreatePointRequest, SiteDetail, SiteSummary, SiteListQuery, SiteNodeList, SitePage, UpdateSiteRequest } from './schemas.ts';
import * as sites from './service.ts';

const tags = ['sites'];

export function siteRoutes(app: App, ctx: AppContext) {
  app.get('/regions/:code/site', {
    config: { access: 'public' },
    schema: {
      tags, summary: 'The practice site on a division (public: for registration pickers)',
      params: RegionCodeParams, response: { 200: SiteSummary, ...errorResponses },
    },
  }, async (request) => sites.networkSiteOn(ctx, request.params.code));

  app.get('/sites/mine', {
    config: { access: 'staff' },
    schema: { tags, summary: 'The sites my admin roles stand on: the roots of my network tree', response: { 200: SiteNodeList, ...errorResponses } },
  }, async (request) => ({ items: await sites.mySites(ctx, requireActor(request)) }));

  app.get('/sites', {
    config: { access: 'staff' },
    schema: { tags, summary: 'Sites in my area, filtered and keyset-paged', querystring: SiteListQuery, response: { 200: SitePage, ...errorResponses } },
  }, async (request) => sites.listSites(ctx, requireActor(request), request.query));

  app.get('/sites/:id', {
    config: { access: 'staff' },
    schema: { tags, summary: 'One site with its ancestors and counts below it', params: IdParams, response: { 200: SiteDetail, ...errorResponses } },
  }, async (request) => sites.getSite(ctx, requireActor(request), request.params.id));

  app.get('/sites/:id/children', {
    config: { access: 'staff' },
    schema: { tags, summary: 'Direct children of a site, with counts', params: IdParams, response: { 200: SiteNodeList, ...errorResponses } },
  }, async (request) => ({ items: await sites.listChildSites(ctx, requireActor(request), request.params.id) }));

  app.post('/sites', {
    config: { access: 'staff' },
    schema: { tags, summary: 'Add a practice point under a center, institute or station', body: CreatePointRequest, response: { 201: SiteDetail, ...errorResponses } },
  }, async (request, reply) => reply.status(201).send(await sites.createPoint(ctx, requireActor(request), request.body)));

  app.patch('/sites/:id', {
    config: { access: 'signedIn' },
    schema: { tags, summary: 'Edit a site’s details', params: IdParams, body: UpdateSiteRequest, response: { 200: SiteDetail, ...errorResponses } },
  }, async (request) => sites.updateSite(ctx, requireActor(request), request.params.id, request.body));

  app.delete('/sites/:id', {
    config: { access: 'staff' },
    schema: { tags, summary: 'Retire a practice point', params: IdParams, response: { 204: { type: 'null' }, ...errorResponses } },
  }, async (request, reply) => {
    await sites.deleteSite(ctx, requireActor(request), request.params.id);
    return reply.status(204).send(null);
  });
}
