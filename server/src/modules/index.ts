// The capabilities of Lianxin. Adding one is one line here; everything else about it
// lives in its own folder.
import type { AppContext } from '../context.ts';
import type { App } from '../http/app-types.ts';
import { authRoutes } from './auth/routes.ts';
import { healthRoutes } from './health/routes.ts';
import { organizationRoutes } from './organizations/routes.ts';
import { regionRoutes } from './regions/routes.ts';
import { siteRoutes } from './sites/routes.ts';
import { staffRoutes } from './staff/routes.ts';
import { volunteerRoutes } from './volunteers/routes.ts';

export interface LianxinModule {
  name: string;
  /** Defaults to /api/v1. */
  prefix?: string;
  routes(app: App, ctx: AppContext): void;
}

export const modules: LianxinModule[] = [
  { name: 'health', prefix: '/api', routes: healthRoutes },
  { name: 'auth', routes: authRoutes },
  { name: 'regions', routes: regionRoutes },
  { name: 'sites', routes: siteRoutes },
  { name: 'staff', routes: staffRoutes },
  { name: 'volunteers', routes: volunteerRoutes },
  { name: 'organizations', routes: organizationRoutes },
];
