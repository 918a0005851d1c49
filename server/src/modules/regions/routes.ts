import type { AppContext } from '../../context.ts';
import type { App } from '../../http/app-types.ts';
import { errorResponses, RegionCodeParams } from '../../http/schemas.ts';
import { RegionDetail, RegionList, RegionSearchQuery, RegionSearchResult } from './schemas.ts';
import * as regions from './service.ts';

const tags = ['regions'];

export function regionRoutes(app: App, ctx: AppContext) {
  app.get('/regions', {
    config: { access: 'public' },
    schema: {
      tags, summary: 'Search divisions by name or pinyin initials (public)',
      querystring: RegionSearchQuery, response: { 200: RegionSearchResult, ...errorResponses },
    },
  }, async (request) => ({ items: await regions.searchRegions(ctx, request.query.q, request.query.under, request.query.limit) }));

  app.get('/regions/:code', {
    config: { access: 'public' },
    schema: {
      tags, summary: 'One division with its ancestors (public)',
      params: RegionCodeParams, response: { 200: RegionDetail, ...errorResponses },
    },
  }, async (request) => regions.getRegion(ctx, request.params.code));

  app.get('/regions/:code/children', {
    config: { access: 'public' },
    schema: {
      tags, summary: "A division's child divisions (public)",
      params: RegionCodeParams, response: { 200: RegionList, ...errorResponses },
    },
  }, async (request) => ({ items: await regions.listChildRegions(ctx, request.params.code) }));
}
