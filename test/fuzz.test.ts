// Fuzzing from the API document: for every /api/v1 operation the app documents, seeded
// fast-check runs send requests its schemas accept and requests with one mutation (huge or
// odd text, wrong types, missing and extra fields, numbers out of range, injection strings,
// path ids that are not ids), as the province admin and anonymously. Every answer must be
// below 500, every 4xx exactly {error: {code, message, field?}}; afterwards the server
// still answers and nothing is half-written: statistics equal a recount, the audit chain
// holds, and the counters kept beside rows (hour totals, members, seats) equal a recount.
// Reproduce a run with FUZZ_SEED=<seed>; FUZZ_RUNS sets the runs per route and actor.
import fc from 'fast-check';
import { Value } from 'typebox/value';
import { afterAll, describe, expect, it } from 'vitest';
import { regionPrefix } from '../server/src/lib/region-code.ts';
import { verifyAuditChain } from '../server/src/modules/audit/service.ts';
import { SESSION_COOKIE, startSession } from '../server/src/modules/auth/service.ts';
import { verifyStats } from '../server/src/modules/stats/service.ts';
import { arbitraryOf, requestsFor, routesOf, type FuzzRequest, type RouteSpec, type Schema } from './fuzz/arbitraries.ts';
import { ADMIN_PHONE } from './env.ts';
import { createTestServer, type TestClient, type TestResponse } from './harness.ts';
import { drifts, recounts, type Recount } from './invariants.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_129);
const RUNS = Number(process.env.FUZZ_RUNS ?? 10);

const server = await createTestServer();
afterAll(() => server?.close());

const routes = routesOf(server.app.swagger() as any, '/api/v1/');

interface Actor {
  name: string;
  client: TestClient;
  /** Whose session to keep (null: anonymous). */
  userId: number | null;
}

async function signedIn(phone: string): Promise<Actor> {
  const client = await server.signIn(phone);
  return { name: phone, client, userId: (await client.get('/api/v1/auth/me')).body.user.id };
}

// The province admin and anonymous; FUZZ_AS=13800000005,… adds demo accounts (volunteer, resident…).
const actors: Actor[] = [
  { ...(await signedIn(ADMIN_PHONE)), name: 'admin' },
  { name: 'anonymous', client: server.client(), userId: null },
  ...(await Promise.all((process.env.FUZZ_AS ?? '').split(',').filter(Boolean).map(signedIn))),
];

// Region codes that exist (the demo county's), so scoped requests reach the queries.
const codes = (await server.ctx.db.selectFrom('regions').select('code').where('code', 'like', '210321%').orderBy('code').limit(12).execute())
  .map((row) => row.code).concat('210000000000', '210300000000');
function hint(schema: Schema): fc.Arbitrary<unknown> | undefined {
  if (schema.pattern === '^[0-9]{12}$') return fc.oneof(fc.constantFrom(...codes), fc.stringMatching(/^[0-9]{12}$/));
  if (schema.pattern === '^[0-9]{2,12}$') return fc.oneof(fc.constantFrom(...codes.map(regionPrefix)), fc.stringMatching(/^[0-9]{2,12}$/));
  return undefined;
}

/** What is wrong with an answer, or null. */
function problemWith(response: TestResponse): string | null {
  if (response.status >= 500) return `status ${response.status}`;
  if (response.status < 400) return null;
  const body = response.body as { error?: Record<string, unknown> };
  const error = body?.error;
  const shaped = typeof body === 'object' && body !== null && Object.keys(body).join() === 'error' && typeof error === 'object' && error !== null
    && typeof error.code === 'string' && typeof error.message === 'string'
    && Object.keys(error).every((key) => ['code', 'message', 'field'].includes(key))
    && (error.field === undefined || typeof error.field === 'string');
  if (!shaped) return `status ${response.status} without the error shape`;
  if (/at .*\.ts|node_modules|SELECT |syntax error|violates/i.test(`${error.code} ${error.message}`)) return 'internals in the error message';
  return null;
}

const clip = (value: unknown) => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text && text.length > 300 ? `${text.slice(0, 300)}… (${text.length} chars)` : text;
};

/** A 32-bit seed per route, derived from the run's seed, so one route reproduces alone. */
function seedOf(route: RouteSpec, actor: string): number {
  let hash = SEED | 0;
  for (const char of `${route.method} ${route.path} ${actor}`) hash = Math.imul(hash ^ char.charCodeAt(0), 16_777_619);
  return hash | 0;
}

let sent = 0;

async function send(client: TestClient, request: FuzzRequest): Promise<TestResponse> {
  sent += 1;
  const body = request.body === undefined ? undefined : JSON.stringify(request.body);
  // Every write carries a key, as from a phone: the routes that honour it must stamp it in their commit.
  const key: Record<string, string> = request.method === 'GET' ? {} : { 'idempotency-key': `fuzz-${SEED}-${sent}` };
  return client.request(request.method, request.url, body, body === undefined ? key : { ...key, 'content-type': 'application/json' });
}

/** Sign-out and the like may end a session: start a new one, without the login route's attempt limits. */
async function keepSignedIn({ client, userId }: Actor) {
  if (userId === null || (await client.get('/api/v1/auth/me')).status !== 401) return;
  client.cookie = `${SESSION_COOKIE}=${await startSession(server.ctx, userId, { ip: '127.0.0.1', userAgent: 'fuzz', previousToken: undefined })}`;
}

// What the fuzzer found, kept as plain cases: each was a 500 or an answer outside the error shape.
describe('requests the fuzzer found', () => {
  const admin = actors[0]!.client;
  const one = async (table: 'organizations' | 'courses' | 'sites') =>
    (await server.ctx.db.selectFrom(table).select('id').orderBy('id').executeTakeFirstOrThrow()).id;

  it.each([
    ['a path parameter over 100 characters', 'GET', `/api/v1/sites/${'9'.repeat(101)}`, undefined, 'VALIDATION_FAILED', undefined],
    ['a path that does not decode', 'GET', '/api/v1/sites/%ZZ', undefined, 'VALIDATION_FAILED', undefined],
    ['an export whose filter the database refuses (NUL)', 'GET', '/api/v1/volunteers/export.xlsx?q=a%00b', undefined, 'VALIDATION_FAILED', undefined],
    ['the other export, likewise', 'GET', '/api/v1/organizations/export.xlsx?q=a%00b', undefined, 'VALIDATION_FAILED', undefined],
    ['a lecturer outside my area', 'POST', '/api/v1/lecturers', { name: '张老师', regionCode: '220000000000' }, 'NOT_FOUND', 'regionCode'],
    ['a campaign on a region that does not exist', 'POST', '/api/v1/campaigns', { name: '微心愿', regionCode: '210321999999', startsOn: '2026-01-01', endsOn: '2026-02-01' }, 'NOT_FOUND', 'regionCode'],
    ['a call-up on a region that does not exist', 'POST', '/api/v1/callups', { title: '应急', areaPrefix: '219999', headcount: 1, posts: [{ name: '岗', capacity: 1 }] }, 'NOT_FOUND', 'areaPrefix'],
    ['a call-up post at a site that does not exist', 'POST', '/api/v1/callups', { title: '应急', areaPrefix: '210321', headcount: 1, posts: [{ name: '岗', siteId: 2_000_000_000, capacity: 1 }] }, 'NOT_FOUND', 'posts'],
  ] as const)('answers %s', async (_, method, url, body, code, field) => {
    const response = await admin.request(method, url, body);
    expect(response.body).toEqual({ error: { code, message: expect.any(String), ...(field && { field }) } });
  });

  it('checks a parent organization on update, and names that are too short once trimmed', async () => {
    const organization = await one('organizations');
    const parent = await admin.patch(`/api/v1/organizations/${organization}`, { parentId: 2_000_000_000 });
    expect(parent.body).toEqual({ error: { code: 'NOT_FOUND', field: 'parentId', message: expect.any(String) } });
    const name = await admin.post('/api/v1/organizations', { name: '" ', category: 'education', sponsorType: 'social', siteId: await one('sites') });
    expect(name.body).toEqual({ error: { code: 'VALIDATION_FAILED', message: expect.any(String) } });
  });

  it('checks the lecturer of a training session', async () => {
    const response = await admin.post('/api/v1/training-sessions', {
      courseId: await one('courses'), siteId: await one('sites'), lecturerId: 2_000_000_000,
      startsAt: '2030-01-01T01:00:00Z', endsAt: '2030-01-01T03:00:00Z', capacity: 10,
    });
    expect(response.body).toEqual({ error: { code: 'NOT_FOUND', field: 'lecturerId', message: expect.any(String) } });
  });
});

describe('fuzzing every /api/v1 route from the OpenAPI document', () => {
  it('covers every registered /api/v1 route', () => {
    const fuzzed = new Set(routes.map((route) => `${route.method} ${route.path}`));
    const registered = server.app.routeTable.filter((route) => route.url.startsWith('/api/v1/'))
      .map((route) => `${route.method} ${route.url.replace(/:(\w+)/g, '{$1}')}`);
    expect(registered.length).toBeGreaterThan(100);
    expect(registered.filter((route) => !fuzzed.has(route))).toEqual([]);
  });

  // Uploads take multipart forms: the fuzzer sends them JSON (or nothing), which they must refuse with a 4xx.
  for (const route of routes) {
    it(`${route.method} ${route.path}`, async () => {
      const failures: string[] = [];
      for (const actor of actors) {
        const { name, client } = actor;
        const seed = seedOf(route, name);
        const details = await fc.check(fc.asyncProperty(requestsFor(route, { hint }), async (request) => {
          const response = await send(client, request);
          const problem = route.multipart && response.status < 400 ? `status ${response.status} for JSON to an upload` : problemWith(response);
          if (problem) throw new Error(`${problem}: ${clip(response.body)}`);
        }), { seed, numRuns: RUNS, endOnFailure: true });
        await keepSignedIn(actor);
        if (!details.failed) continue;
        const [request] = details.counterexample ?? [];
        failures.push(`as ${name}, FUZZ_SEED=${SEED} (route seed ${seed}): ${request?.method} ${clip(request?.url)} body ${clip(request?.body)}`
          + ` [${request?.mutation ?? 'valid'}] → ${String(details.errorInstance ?? details.error)}`);
      }
      expect(failures).toEqual([]);
    });
  }

  it('leaves the server answering and nothing half-written', async () => {
    console.log(`fuzz: ${routes.length} routes × ${actors.length} actors × ${RUNS} runs = ${sent} requests (FUZZ_SEED=${SEED}, ${server.ctx.engine})`);
    expect(sent).toBeGreaterThanOrEqual(routes.length * actors.length);
    expect((await server.client().get('/api/ready')).status).toBe(200);
    expect(await verifyStats(server.ctx)).toEqual([]);
    expect(await verifyAuditChain(server.ctx)).toBeNull();
    // A keyed write that succeeded committed through inTransaction, which stamps its key: else a
    // retry after a lost answer could not tell that the write happened.
    const unstamped = await server.ctx.db.selectFrom('idempotency_keys').select('route').distinct()
      .where('status', '<', 300).where('committed_at', 'is', null).execute();
    expect(unstamped).toEqual([]);
    expect(await server.ctx.db.selectFrom('idempotency_keys').select('key').where('status', '<', 300).limit(1).execute()).toHaveLength(1);
    for (const [what, query] of Object.entries(recounts)) {
      expect({ what, rows: (await query.execute(server.ctx.db)).rows }).toEqual({ what, rows: [] });
    }
  });

  it('has recounts that notice a drifted counter', async () => {
    const rollback = new Error('rollback');
    for (const [what, drift] of Object.entries(drifts)) {
      await expect(server.ctx.db.transaction().execute(async (tx) => {
        await drift.execute(tx);
        expect({ what, drifted: (await recounts[what as Recount].execute(tx)).rows.length > 0 }).toEqual({ what, drifted: true });
        throw rollback;
      })).rejects.toBe(rollback);
    }
  });
});

// The generator itself: what it calls valid, the schema's own rules accept.
describe('the schema arbitraries', () => {
  it('generate values inside the bounds', () => {
    const schema: Schema = {
      type: 'object', required: ['n', 's'], additionalProperties: false,
      properties: { n: { type: 'integer', minimum: 1, maximum: 9 }, s: { type: 'string', minLength: 2, maxLength: 4 }, d: { type: 'string', format: 'date' } },
    };
    fc.assert(fc.property(arbitraryOf(schema), (value: any) => {
      expect(Number.isInteger(value.n) && value.n >= 1 && value.n <= 9).toBe(true);
      expect([...value.s].length).toBeGreaterThanOrEqual(2);
      expect([...value.s].length).toBeLessThanOrEqual(4);
      if ('d' in value) expect(value.d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }), { seed: SEED, numRuns: 200 });
  });

  it('generate bodies every route’s own schema accepts on the valid side', () => {
    const refused = routes.filter((route) => route.body).flatMap((route) =>
      fc.sample(requestsFor(route, { hint }).filter((request) => request.mutation === undefined), { seed: SEED, numRuns: 20 })
        .filter((request) => !Value.Check(route.body as never, request.body))
        .map((request) => `${route.method} ${route.path}: ${clip(request.body)}`));
    expect(refused).toEqual([]);
  });
});
