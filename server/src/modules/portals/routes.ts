import { Type } from 'typebox';
import type { AppContext } from '../../context.ts';
import type { App } from '../../http/app-types.ts';
import { errorResponses, IdParams, nullable, RegionCode } from '../../http/schemas.ts';
import * as portals from './service.ts';

const tags = ['portals'];

const Portal = Type.Object({
  site: Type.Object({ id: Type.Integer(), name: Type.String(), kind: Type.String(), regionCode: RegionCode, address: nullable(Type.String()) }),
  shareUrl: Type.String({ description: 'Short address to share: /p/<id>' }),
  numbers: Type.Object({
    volunteers: Type.Integer(), organizations: Type.Integer(), activities: Type.Integer(), serviceHours: Type.Number(),
    wishesCollected: Type.Integer(), wishesFulfilled: Type.Integer(),
  }),
  menu: Type.Array(Type.Object({ id: Type.Integer(), title: Type.String(), category: Type.String(), schedule: nullable(Type.String()), organization: Type.Object({ id: Type.Integer(), name: Type.String() }) })),
  activities: Type.Array(Type.Object({ id: Type.Integer(), title: Type.String(), startsAt: Type.String(), quota: Type.Integer(), confirmedCount: Type.Integer() })),
  wishes: Type.Array(Type.Object({ id: Type.Integer(), title: Type.String(), beneficiaryName: Type.String(), beneficiaryGroup: Type.String(), status: Type.String() })),
  projects: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), category: Type.String(), coverUrl: nullable(Type.String()), brand: nullable(Type.String()) })),
  teams: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), category: Type.String(), memberCount: Type.Integer() })),
});

export function portalRoutes(app: App, ctx: AppContext) {
  app.get('/portals/:id', {
    config: { access: 'public' },
    schema: { tags, summary: 'A center’s (institute’s, station’s) public portal', params: IdParams, response: { 200: Portal, ...errorResponses } },
  }, async (request) => portals.portal(ctx, request.params.id));
}

/** The short address of a portal opens its phone page. */
export function portalLinkRoutes(app: App) {
  app.get('/p/:id', { config: { access: 'public' }, schema: { hide: true, params: IdParams } }, async (request, reply) => reply.redirect(`/m/portal/${request.params.id}`));
}
