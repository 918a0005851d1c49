// The capabilities of Lianxin. Adding one is one line here; everything else about it
// lives in its own folder.
import type { AppContext } from '../context.ts';
import type { App } from '../http/app-types.ts';
import type { BackgroundTask } from '../tasks.ts';
import { closeForgottenCheckOuts } from './activities/service.ts';
import { activityRoutes } from './activities/routes.ts';
import { auditRoutes } from './audit/routes.ts';
import { authRoutes } from './auth/routes.ts';
import { callupRoutes } from './callups/routes.ts';
import { runFanOut } from './callups/service.ts';
import { careRoutes } from './care/routes.ts';
import { sealPlainFollowUps } from './care/service.ts';
import { certificateRoutes, verifyPageRoutes } from './certificates/routes.ts';
import { fileRoutes } from './files/routes.ts';
import { healthRoutes } from './health/routes.ts';
import { hourRoutes } from './hours/routes.ts';
import { sweepSmsOutbox } from './inbox/outbox.ts';
import { inboxRoutes } from './inbox/routes.ts';
import { importRoutes } from './imports/routes.ts';
import { importTasks } from './imports/runner.ts';
import { orderRoutes } from './orders/routes.ts';
import { escalateOverdueOrders } from './orders/service.ts';
import { organizationRoutes } from './organizations/routes.ts';
import { platformRoutes } from './platform/routes.ts';
import { portalLinkRoutes, portalRoutes } from './portals/routes.ts';
import { privacyRoutes } from './privacy/routes.ts';
import { projectRoutes } from './projects/routes.ts';
import { regionRoutes } from './regions/routes.ts';
import { siteRoutes } from './sites/routes.ts';
import { staffRoutes } from './staff/routes.ts';
import { statsRoutes } from './stats/routes.ts';
import { FOLD_SECONDS, foldStatsEvents } from './stats/service.ts';
import { trainingRoutes } from './training/routes.ts';
import { volunteerRoutes } from './volunteers/routes.ts';
import { releaseOverdueClaims } from './wishes/service.ts';
import { wishRoutes } from './wishes/routes.ts';

export interface LianxinModule {
  name: string;
  /** Defaults to /api/v1. */
  prefix?: string;
  routes(app: App, ctx: AppContext): void;
  /** Background work the module needs, run on a timer by the server. */
  tasks?: BackgroundTask[];
}

export const modules: LianxinModule[] = [
  { name: 'health', prefix: '/api', routes: healthRoutes },
  { name: 'platform', routes: platformRoutes },
  { name: 'auth', routes: authRoutes },
  { name: 'regions', routes: regionRoutes },
  { name: 'sites', routes: siteRoutes },
  { name: 'staff', routes: staffRoutes },
  { name: 'volunteers', routes: volunteerRoutes },
  { name: 'organizations', routes: organizationRoutes },
  { name: 'projects', routes: projectRoutes },
  {
    name: 'activities', routes: activityRoutes,
    tasks: [{ name: 'close forgotten check-outs', everySeconds: 60, run: closeForgottenCheckOuts }],
  },
  { name: 'hours', routes: hourRoutes },
  {
    name: 'inbox', routes: inboxRoutes,
    tasks: [{ name: 'send texts left in the outbox', everySeconds: 30, run: (ctx) => sweepSmsOutbox(ctx) }],
  },
  { name: 'files', routes: fileRoutes },
  {
    name: 'wishes', routes: wishRoutes,
    tasks: [{ name: 'release overdue wish claims', everySeconds: 60, run: (ctx) => releaseOverdueClaims(ctx) }],
  },
  {
    name: 'orders', routes: orderRoutes,
    tasks: [{ name: 'escalate overdue orders', everySeconds: 60, run: (ctx) => escalateOverdueOrders(ctx) }],
  },
  { name: 'certificates', routes: certificateRoutes },
  { name: 'portals', routes: portalRoutes },
  { name: 'care', routes: careRoutes, tasks: [{ name: 'encrypt follow-ups written before 0015', everySeconds: 60, run: (ctx) => sealPlainFollowUps(ctx) }] },
  { name: 'training', routes: trainingRoutes },
  { name: 'privacy', routes: privacyRoutes },
  { name: 'audit', routes: auditRoutes },
  {
    name: 'callups', routes: callupRoutes,
    tasks: [{ name: 'fan out call-ups', everySeconds: 2, run: (ctx) => runFanOut(ctx) }],
  },
  {
    name: 'statistics', routes: statsRoutes,
    tasks: [{ name: 'fold statistics', everySeconds: FOLD_SECONDS, run: (ctx) => foldStatsEvents(ctx) }],
  },
  { name: 'portal links', prefix: '', routes: portalLinkRoutes },
  { name: 'verify page', prefix: '', routes: verifyPageRoutes },
  { name: 'imports', routes: importRoutes, tasks: importTasks },
];
