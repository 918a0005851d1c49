// What clients need to know about this installation: the province it serves and the
// configured star thresholds (public).
import { Type } from 'typebox';
import type { AppContext } from '../../context.ts';
import type { App } from '../../http/app-types.ts';
import { errorResponses, RegionCode } from '../../http/schemas.ts';

const PlatformConfig = Type.Object({
  province: Type.Object({ code: RegionCode, name: Type.String() }),
  starHours: Type.Array(Type.Number(), { description: 'Service hours for 1 to 5 stars' }),
});

export function platformRoutes(app: App, ctx: AppContext) {
  app.get('/config', {
    config: { access: 'public' },
    schema: { tags: ['platform'], summary: 'The province served and the star thresholds (public)', response: { 200: PlatformConfig, ...errorResponses } },
  }, async () => {
    const province = await ctx.db.selectFrom('regions').select(['code', 'name']).where('level', '=', 1).orderBy('code').executeTakeFirstOrThrow();
    return { province, starHours: ctx.config.starHours };
  });
}
