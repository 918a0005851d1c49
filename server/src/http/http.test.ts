import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../test/harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(() => server?.close());

const expectErrorShape = (body: unknown, code: string) => {
  expect(body).toEqual({ error: expect.objectContaining({ code, message: expect.any(String) }) });
  expect(JSON.stringify(body)).not.toMatch(/at .*\.ts|node_modules|SELECT|syntax error/i);
};

describe('the API’s edges', () => {
  it('answers malformed JSON with the error shape', async () => {
    const response = await server.client().request('POST', '/api/v1/auth/login', '{"phone": "138', { 'content-type': 'application/json' });
    expect(response.status).toBe(400);
    expectErrorShape(response.body, 'MALFORMED_JSON');
  });

  it('refuses bodies over 1 MB', async () => {
    const response = await server.client().request('POST', '/api/v1/auth/login', JSON.stringify({ phone: '1'.repeat(1_100_000) }), { 'content-type': 'application/json' });
    expect(response.status).toBe(413);
    expectErrorShape(response.body, 'PAYLOAD_TOO_LARGE');
  });

  it('refuses unsupported content types', async () => {
    const response = await server.client().request('POST', '/api/v1/auth/login', 'phone=1', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(response.status).toBe(415);
    expectErrorShape(response.body, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers unknown routes with 404 in the error shape, in English when asked', async () => {
    const response = await server.client().get('/api/v1/no-such-thing', { 'accept-language': 'en' });
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ error: { code: 'ROUTE_NOT_FOUND', message: 'No such API route' } });
  });

  it('names the field of a validation error, in Chinese by default and English on request', async () => {
    const zh = await server.client().post('/api/v1/auth/login', { phone: '12345', password: 'x' });
    expect(zh.status).toBe(400);
    expect(zh.body.error).toEqual({ code: 'VALIDATION_FAILED', field: 'phone', message: 'phone 格式不正确' });
    const en = await server.client().post('/api/v1/auth/login', { phone: '13800000000', password: 'x', extra: 1 }, { 'accept-language': 'en' });
    expect(en.body.error).toEqual({ code: 'VALIDATION_FAILED', field: 'extra', message: 'Unknown field extra' });
  });

  it('sends security headers', async () => {
    const response = await server.client().get('/api/health');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(String(response.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['strict-transport-security']).toBeUndefined(); // plain HTTP
  });

  it('asks browsers for HTTPS only once a trusted proxy says the request came over it', async () => {
    const proxied = await createTestServer({ config: { trustProxy: true } });
    try {
      const response = await proxied.client().get('/api/health', { 'x-forwarded-proto': 'https' });
      expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    } finally {
      await proxied.close();
    }
  });
});

describe('health and API documents', () => {
  it('reports health and readiness', async () => {
    expect((await server.client().get('/api/health')).body).toEqual({ status: 'ok', engine: server.ctx.engine });
    expect((await server.client().get('/api/ready')).body).toEqual({ status: 'ready' });
  });

  it('publishes an OpenAPI 3 document describing every API route', async () => {
    const response = await server.client().get('/api/openapi.json');
    expect(response.status).toBe(200);
    expect(response.body.openapi).toMatch(/^3\./);
    const documented = Object.entries(response.body.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    for (const route of ['POST /api/v1/auth/login', 'GET /api/v1/regions/{code}/children', 'POST /api/v1/sites', 'POST /api/v1/staff']) {
      expect(documented).toContain(route);
    }
    const registered = server.app.routeTable.filter((route) => route.url.startsWith('/api/v1'))
      .map((route) => `${route.method} ${route.url.replace(/:(\w+)/g, '{$1}')}`);
    expect(registered.length).toBeGreaterThan(10);
    expect(documented).toEqual(expect.arrayContaining(registered));
    // A public route (config: { access: 'public' }) asks for no session in the document.
    expect(response.body.paths['/api/v1/wishes/wall'].get.security).toEqual([]);
    expect(response.body.paths['/api/v1/wishes/mine'].get.security).toBeUndefined();
  });

  it('serves the browsable reference at /api/docs', async () => {
    const response = await server.client().get('/api/docs/');
    expect(response.status).toBe(200);
    expect(String(response.body)).toContain('swagger-ui');
  });
});
