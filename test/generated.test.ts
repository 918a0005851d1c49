// Generated files must match their source: the web client's API document is the server's.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestServer, type TestServer } from './harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(() => server?.close());

it('web/src/api/openapi.json is the document the server publishes (run `npm run gen:api`)', async () => {
  const committed = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../web/src/api/openapi.json'), 'utf8'));
  expect(server.app.swagger()).toEqual(committed);
});
