// The authorization matrix, walked from the route table: every route a module registers,
// for anonymous callers and every role of the demo county, answers as its declared access
// says; and every id in a URL, swapped for a record of another county, answers 404.
import fc from 'fast-check';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireAccessDeclaration } from '../server/src/http/access.ts';
import type { RouteEntry } from '../server/src/http/app-types.ts';
import { buildUser, buildVolunteer } from '../server/src/seed/factories.ts';
import { arbitraryOf, routesOf, type Schema } from './fuzz/arbitraries.ts';
import { createTestServer, type TestClient, type TestResponse, type TestServer } from './harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(() => server?.close());

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

const DEMO_COUNTY = '210321'; // 台安县
const OTHER_CENTER = '210323000000'; // 岫岩满族自治县

/** The demo logins, one per role (README), and whether the role is staff. */
const personas = [
  { role: 'resident', phone: '13800000006', staff: false },
  { role: 'volunteer', phone: '13800000005', staff: false },
  { role: 'team_leader', phone: '13800000004', staff: false },
  { role: 'station_admin', phone: '13800000003', staff: true },
  { role: 'institute_admin', phone: '13800000002', staff: true },
  { role: 'center_admin', phone: '13800000001', staff: true },
  { role: 'province_admin', phone: '13800000000', staff: true },
];

/** A module's routes: the ones that declare their access (the web pages and API docs do not). */
const declaredRoutes = () => server.app.routeTable.filter((route): route is Required<RouteEntry> => route.access !== undefined);

/** Sends a route with each parameter from `params`, and `body` (an empty one where a body may go). */
function send(client: TestClient, route: RouteEntry, params: (name: string) => string, body?: unknown): Promise<TestResponse> {
  const url = route.url.replace(/:(\w+)/g, (_, name: string) => params(name));
  return client.request(route.method as Method, url, body ?? (route.method === 'GET' || route.method === 'DELETE' ? undefined : {}));
}

/** One body each route's schema accepts (seeded), so a request gets past validation to the record. */
function validBodies(): Map<string, unknown> {
  const document = server.app.swagger() as unknown as { paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, Schema> } };
  const bodies = new Map<string, unknown>();
  for (const spec of routesOf(document, '/')) {
    if (!spec.body) continue;
    const [body] = fc.sample(arbitraryOf(spec.body, { components: document.components.schemas }), { numRuns: 1, seed: 8 });
    bodies.set(`${spec.method} ${spec.path.replace(/\{(\w+)\}/g, ':$1')}`, body);
  }
  return bodies;
}

const STAFF_ONLY = '此功能仅限工作人员使用';
const gateRefused = (response: TestResponse) => response.status === 403 && response.body?.error?.message === STAFF_ONLY;

describe('the authorization matrix', () => {
  it('stops a module route without an access declaration before the server starts', async () => {
    const app = Fastify();
    const module = app.register(async (scope) => {
      scope.addHook('onRoute', requireAccessDeclaration);
      scope.get('/undeclared', async () => 'open');
    });
    await expect(module).rejects.toThrow('GET /undeclared declares no access');
  });

  it('answers every route, for anonymous callers and every role, as the route declares', async () => {
    const routes = declaredRoutes();
    const anonymous = server.client();
    const signedIn = await Promise.all(personas.map(async (persona) => ({ ...persona, client: await server.signIn(persona.phone) })));
    // Signing out ends the session the later rows would use: it goes last.
    routes.sort((a, b) => Number(a.url.endsWith('/auth/logout')) - Number(b.url.endsWith('/auth/logout')));
    const wrong: string[] = [];
    let checked = 0;
    for (const route of routes) {
      const name = `${route.method} ${route.url} (${route.access})`;
      const answer = await send(anonymous, route, () => '999999');
      checked += 1;
      if (answer.status >= 500) wrong.push(`${name} anonymous: ${answer.status}`);
      else if ((answer.status === 401) !== (route.access !== 'public')) wrong.push(`${name} anonymous: ${answer.status}`);
      for (const persona of signedIn) {
        const response = await send(persona.client, route, () => '999999');
        checked += 1;
        const refused = route.access === 'staff' && !persona.staff;
        if (response.status >= 500 || response.status === 401 || gateRefused(response) !== refused) {
          wrong.push(`${name} ${persona.role}: ${response.status} ${JSON.stringify(response.body?.error ?? '')}`);
        }
      }
    }
    console.log(`authorization matrix: ${routes.length} routes × ${personas.length + 1} callers = ${checked} answers checked`);
    expect(wrong).toEqual([]);
    expect(routes.length).toBeGreaterThan(150);
    expect(routes.filter((route) => route.access === 'public').length).toBeGreaterThan(10);
  });
});

/**
 * Routes whose record is meant to be seen or used across counties, with the reason; every
 * other id swapped for a record of another county must answer 404, never the record.
 */
const acrossCounties: Record<string, string> = {
  'GET /api/v1/wishes/:id': 'the wish wall is public (the beneficiary is masked)',
  'GET /api/v1/campaigns/:id': 'campaigns are public',
  'GET /api/v1/portals/:id': 'a station’s portal is public',
  'GET /p/:id': 'a station’s portal link is public',
  'GET /api/v1/public/certificates/:code': 'anyone may verify a certificate by its code',
  'GET /verify/:code': 'anyone may verify a certificate by its code',
  'GET /api/v1/regions/:code': 'divisions are public',
  'GET /api/v1/regions/:code/children': 'divisions are public',
  'GET /api/v1/regions/:code/site': 'the practice site of a division is public (registration pickers)',
  'GET /api/v1/imports/templates/:kind.xlsx': 'the import templates are the same everywhere',
  'GET /api/v1/files/:id': 'images are served by an unguessable id (wish photos appear on the public wall)',
  // A volunteer may serve in any county: activities recruit, and the wish wall shows, across county lines.
  'GET /api/v1/activities/:id': 'an activity is a public call for volunteers',
  'POST /api/v1/activities/:id/signup': 'volunteers may sign up anywhere',
  'DELETE /api/v1/activities/:id/signup': 'volunteers may sign up anywhere (and withdraw)',
  'POST /api/v1/activities/:id/checkin': 'the caller’s own sign-up is checked (403 without one)',
  'POST /api/v1/activities/:id/checkout': 'the caller’s own sign-up is checked (403 without one)',
  'POST /api/v1/activities/:id/rating': 'the caller’s own attendance is checked (403 without one)',
  'POST /api/v1/wishes/:id/claim': 'volunteers may take a wish from the public wall anywhere',
  'POST /api/v1/wishes/:id/release': 'the caller’s own claim is checked',
  // Brands are the province's shared list: everyone may read one, its manager alone change it (403).
  'PATCH /api/v1/brands/:id': 'brands are the province’s shared list, managed above the counties',
  // Courses are teaching material, open to learners of every county.
  'GET /api/v1/courses/:id': 'courses are open to learners of every county',
  'GET /api/v1/courses/:id/sessions': 'courses are open to learners of every county',
  'POST /api/v1/courses/:id/quiz': 'courses are open to learners of every county',
  'POST /api/v1/training-sessions/:id/enrol': 'courses are open to learners of every county',
  'POST /api/v1/training-sessions/:id/attend': 'attendance needs the lecturer’s current code',
};

/** What the demo seed does not hold: a disputed entry, a certificate and an import, made by the demo county's own people. */
async function demoRecordsMadeHere() {
  const volunteer = await server.signIn('13800000005');
  const [entry] = (await volunteer.get('/api/v1/hours/mine')).body.items;
  const dispute = await volunteer.post(`/api/v1/hours/${entry.id}/dispute`, { claim: '签退时间记早了' });
  const [source] = (await volunteer.get('/api/v1/certificates/sources')).body.items;
  const certificate = await volunteer.post('/api/v1/certificates', { organizationId: source.organizationId });
  const center = await server.signIn('13800000001');
  const template = await center.get('/api/v1/imports/templates/volunteers.xlsx');
  const job = await center.upload('/api/v1/imports', { kind: 'volunteers' }, { filename: '模板.xlsx', content: template.raw });
  expect([dispute.status, certificate.status, job.status]).toEqual([201, 201, 202]);
  return { 'hour-disputes': String(dispute.body.id), certificates: String(certificate.body.code), imports: String(job.body.id) };
}

describe('records of another county', () => {
  it('answer 404 to an admin of a neighbouring county, on every route that takes an id', async () => {
    const db = server.ctx.db;
    const first = async (table: string, where = sql`region_code LIKE ${`${DEMO_COUNTY}%`}`, column = 'id') => {
      const { rows } = await sql<{ value: string | number }>`SELECT ${sql.ref(column)} AS value FROM ${sql.table(table)} WHERE ${where} ORDER BY 1 LIMIT 1`.execute(db);
      return rows[0] === undefined ? undefined : String(rows[0].value);
    };
    const demoStaff = sql`id IN (SELECT user_id FROM grants WHERE region_code LIKE ${`${DEMO_COUNTY}%`} AND role <> 'province_admin')`;
    const demoUser = sql`id = (SELECT user_id FROM grants WHERE region_code LIKE ${`${DEMO_COUNTY}%`} ORDER BY id LIMIT 1)`;
    // One record of the demo county for each kind of id a URL takes.
    const samples: Record<string, string | undefined> = {
      activities: await first('activities'),
      callups: await first('callups'),
      'care-groups': await first('care_groups'),
      'care-recipients': await first('care_recipients'),
      courses: await first('courses'),
      hours: await first('service_hours'),
      inbox: await first('notifications', sql`user_id IN (SELECT user_id FROM grants WHERE region_code LIKE ${`${DEMO_COUNTY}%`})`),
      items: await first('menu_items'),
      lecturers: await first('lecturers'),
      orders: await first('orders'),
      // Any id: the recipient of the other county is refused before the file is looked at.
      photos: '00000000-0000-4000-8000-000000000000',
      organizations: await first('organizations'),
      projects: await first('projects'),
      sites: await first('sites', sql`region_code LIKE ${`${DEMO_COUNTY}%`} AND kind = 'point'`),
      staff: await first('users', demoStaff),
      'training-sessions': await first('course_sessions'),
      volunteers: await first('volunteers'),
      wishes: await first('wishes'),
      grants: await first('grants', sql`user_id IN (SELECT user_id FROM grants g WHERE g.region_code LIKE ${`${DEMO_COUNTY}%`} AND g.role <> 'province_admin')`),
      users: await first('users', demoUser),
    };
    Object.assign(samples, await demoRecordsMadeHere());
    const otherCenter = await db.selectFrom('sites').select('id').where('region_code', '=', OTHER_CENTER).where('kind', '=', 'center').executeTakeFirstOrThrow();
    // The neighbour is staff there and a volunteer there, so neither kind of route stops at "who are you".
    const neighbour = await buildUser(server.ctx, { siteId: otherCenter.id, role: 'center_admin' });
    await buildVolunteer(server.ctx, { siteId: otherCenter.id, userId: neighbour.userId });
    const client = await server.signIn(neighbour.phone, neighbour.password);
    const bodies = validBodies();

    const sampleFor = (route: RouteEntry, name: string): string => {
      if (name === 'volunteerId') return samples.volunteers!;
      if (name === 'grantId') return samples.grants!;
      if (name === 'userId') return samples.staff!;
      const segments = route.url.split('/');
      const kind = segments[segments.indexOf(`:${name}`) - 1]!;
      const sample = samples[kind];
      if (sample === undefined) throw new Error(`no record of the demo county for ${route.method} ${route.url} (:${name} after ${kind})`);
      return sample;
    };
    const withIds = declaredRoutes().filter((route) => route.url.includes('/:') && !acrossCounties[`${route.method} ${route.url}`]);
    const leaks: string[] = [];
    for (const route of withIds) {
      const response = await send(client, route, (name) => sampleFor(route, name), bodies.get(`${route.method} ${route.url}`));
      if (response.status !== 404) leaks.push(`${route.method} ${route.url}: ${response.status} ${JSON.stringify(response.body).slice(0, 120)}`);
    }
    console.log(`records of another county: ${withIds.length} routes with ids answered 404 (${Object.keys(acrossCounties).length} public by design)`);
    expect(leaks).toEqual([]);
  });
});
