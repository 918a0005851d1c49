// A real Lianxin app on its own copy of the seeded template database, and a client that
// speaks HTTP to it (Fastify's inject: the full request pipeline without a socket).
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../server/src/app.ts';
import type { Config } from '../server/src/config.ts';
import type { AppContext } from '../server/src/context.ts';
import { openDatabase, type Database } from '../server/src/db/index.ts';
import type { App } from '../server/src/http/app-types.ts';
import { createPii } from '../server/src/lib/pii.ts';
import { ADMIN_PASSWORD, ADMIN_PHONE, databaseUrl, TEST_PII_KEY, testConfig, testRoot, withDatabase } from './env.ts';

let copies = 0;

/**
 * A fresh database copied from the template, private to the caller. On PostgreSQL, `route`
 * may turn the copy's URL into another way to it (a proxy that fault tests cut).
 */
export async function openTestDatabase(route: (url: string) => string = (url) => url): Promise<{ database: Database; dataDir: string; drop(): Promise<void> }> {
  const template = inject('template');
  copies += 1;
  const name = `lianxin_t_${process.pid}_${copies}`;
  const dataDir = path.join(testRoot, name);
  if (databaseUrl) {
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    await admin.end();
    const database = await openDatabase({ databaseUrl: route(withDatabase(databaseUrl, name)) });
    return {
      database, dataDir, async drop() {
        const cleanup = new pg.Client({ connectionString: databaseUrl });
        await cleanup.connect();
        await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await cleanup.end();
      },
    };
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.cpSync(template, dataDir, { recursive: true });
  const database = await openDatabase({ dataDir });
  return { database, dataDir, drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
}

export interface TestServer {
  app: App;
  ctx: AppContext;
  client(): TestClient;
  /** A client already signed in. */
  signIn(phone: string, password?: string): Promise<TestClient>;
  admin(): Promise<TestClient>;
  /**
   * Who was told what: the notifications of one kind whose link is one of `links` (a
   * record's console page and its phone page), as "user link" lines, sorted.
   */
  told(kind: string, links: string[]): Promise<string[]>;
  close(): Promise<void>;
}

export async function createTestServer(options: { web?: boolean; config?: Partial<Config>; route?: (url: string) => string } = {}): Promise<TestServer> {
  const { database, dataDir, drop } = await openTestDatabase(options.route);
  const config = testConfig(dataDir, { databaseUrl: databaseUrl ? 'postgres://test' : undefined, ...options.config });
  const ctx: AppContext = { db: database.db, engine: database.engine, pii: createPii(Buffer.from(TEST_PII_KEY, 'base64')), config };
  const app = await buildApp(ctx, { web: options.web ?? false });
  await app.ready();
  const server: TestServer = {
    app,
    ctx,
    client: () => new TestClient(app),
    async signIn(phone, password = ADMIN_PASSWORD) {
      const client = new TestClient(app);
      const response = await client.post('/api/v1/auth/login', { phone, password });
      if (response.status !== 200) throw new Error(`sign-in of ${phone} failed: ${JSON.stringify(response.body)}`);
      return client;
    },
    admin: () => server.signIn(ADMIN_PHONE),
    async told(kind, links) {
      const rows = await ctx.db.selectFrom('notifications').select(['user_id', 'link']).where('kind', '=', kind).where('link', 'in', links).execute();
      return rows.map((row) => `${row.user_id} ${row.link}`).sort();
    },
    async close() {
      await app.close();
      await database.close();
      await drop();
    },
  };
  return server;
}

/** A multipart form as a browser sends it: text fields, then the file under `file`. */
export function multipartForm(fields: Record<string, string>, file: { filename: string; content: Buffer | string; type?: string }) {
  const boundary = `----lianxin${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = Object.entries(fields).map(([name, value]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.filename}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`));
  parts.push(Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content));
  parts.push(Buffer.from(`\r\n--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export interface TestResponse<T = any> {
  status: number;
  body: T;
  /** The body's bytes, for files (PDF, xlsx). */
  raw: Buffer;
  headers: Record<string, string | string[] | number | undefined>;
}

export class TestClient {
  cookie: string | undefined;
  headers: Record<string, string> = {};

  constructor(private readonly app: App) {}

  async request<T = any>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown, headers: Record<string, string> = {}): Promise<TestResponse<T>> {
    const response = await this.app.inject({
      method,
      url,
      headers: { ...this.headers, ...(this.cookie ? { cookie: this.cookie } : {}), ...headers },
      ...(body === undefined ? {} : typeof body === 'string' ? { payload: body } : { payload: body as object }),
    });
    const session = response.cookies.find((cookie) => cookie.name === 'lianxin_sid');
    if (session) this.cookie = session.value ? `lianxin_sid=${session.value}` : undefined;
    const isJson = String(response.headers['content-type'] ?? '').includes('json');
    return { status: response.statusCode, body: (isJson && response.body ? response.json() : response.body) as T, raw: response.rawPayload, headers: response.headers };
  }

  get<T = any>(url: string, headers?: Record<string, string>) {
    return this.request<T>('GET', url, undefined, headers);
  }

  post<T = any>(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', url, body ?? {}, headers);
  }

  patch<T = any>(url: string, body: unknown, headers?: Record<string, string>) {
    return this.request<T>('PATCH', url, body, headers);
  }

  put<T = any>(url: string, body: unknown, headers?: Record<string, string>) {
    return this.request<T>('PUT', url, body, headers);
  }

  delete<T = any>(url: string, headers?: Record<string, string>) {
    return this.request<T>('DELETE', url, undefined, headers);
  }

  /** POSTs a multipart form (an upload). */
  upload<T = any>(url: string, fields: Record<string, string>, file: Parameters<typeof multipartForm>[1]) {
    const { body, headers } = multipartForm(fields, file);
    return this.request<T>('POST', url, body, headers);
  }
}
