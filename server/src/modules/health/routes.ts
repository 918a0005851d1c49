import { sql } from 'kysely';
import { Type } from 'typebox';
import type { AppContext } from '../../context.ts';
import type { App } from '../../http/app-types.ts';
import { errorResponses } from '../../http/schemas.ts';
import { AppError } from '../../lib/errors.ts';

const tags = ['health'];

export function healthRoutes(app: App, ctx: AppContext) {
  // The server listens only after migrations and the first seed, so being up means ready to serve.
  app.get('/health', {
    config: { access: 'public' },
    schema: {
      tags, summary: 'Liveness: 200 once migrations and seeding are done',
      response: { 200: Type.Object({ status: Type.Literal('ok'), engine: Type.String() }) },
    },
  }, async () => ({ status: 'ok' as const, engine: ctx.engine }));

  app.get('/ready', {
    config: { access: 'public' },
    schema: {
      tags, summary: 'Readiness: 200 while the database answers, 503 while it does not',
      response: { 200: Type.Object({ status: Type.Literal('ready') }), ...errorResponses },
    },
  }, async () => {
    try {
      await sql`SELECT 1`.execute(ctx.db);
    } catch {
      throw new AppError('DATABASE_UNAVAILABLE');
    }
    return { status: 'ready' as const };
  });
}
