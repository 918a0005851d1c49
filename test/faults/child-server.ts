// The real server as a child process (`lianxin serve`), configured by environment as in
// production, so a test can SIGKILL or SIGTERM it and start it again on the same database.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { ADMIN_PASSWORD, ADMIN_PHONE, TEST_PII_KEY } from '../env.ts';

const root = path.join(import.meta.dirname, '../..');

export interface ChildServer {
  url: string;
  process: ChildProcess;
  /** Everything it printed so far (the log is JSON lines, one per event). */
  output(): string;
  /** The exit code (null when ended by a signal). */
  exited: Promise<number | null>;
  /** Waits until its output matches. */
  printed(pattern: RegExp): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const running = new Set<ChildProcess>();

/** Ends (SIGKILL) the servers still running: after a failed test. */
export function killLeftovers() {
  for (const child of running) child.kill('SIGKILL');
}

/** Starts `lianxin serve` on a database (a PostgreSQL URL, or a PGlite data folder) and waits for it to listen. */
export async function startServer(database: { url: string | undefined; dataDir: string }, port: number, env: Record<string, string> = {}): Promise<ChildServer> {
  const webDist = path.join(database.dataDir, 'web');
  fs.mkdirSync(webDist, { recursive: true });
  const child = spawn(process.execPath, ['bin/lianxin.mjs', 'serve'], {
    cwd: root,
    env: {
      ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: database.url ?? '', LIANXIN_DATA_DIR: database.dataDir,
      LIANXIN_PII_KEY: TEST_PII_KEY, LIANXIN_ADMIN_PHONE: ADMIN_PHONE, LIANXIN_ADMIN_PASSWORD: ADMIN_PASSWORD, LIANXIN_WEB_DIST: webDist, LOG_LEVEL: 'info', ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  const waiting = new Set<{ pattern: RegExp; resolve(): void }>();
  const take = (chunk: Buffer) => {
    output += chunk.toString();
    for (const waiter of waiting) {
      if (waiter.pattern.test(output)) {
        waiting.delete(waiter);
        waiter.resolve();
      }
    }
  };
  child.stdout.on('data', take);
  child.stderr.on('data', take);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const server: ChildServer = {
    url: `http://127.0.0.1:${port}`,
    process: child,
    output: () => output,
    exited,
    printed(pattern) {
      if (pattern.test(output)) return Promise.resolve();
      const printed = new Promise<void>((resolve) => waiting.add({ pattern, resolve }));
      const ended = exited.then((code) => {
        throw new Error(`the server exited (${code}) before printing ${pattern}:\n${output.slice(-3000)}`);
      });
      return Promise.race([printed, ended]);
    },
  };
  await server.printed(/is running/);
  return server;
}

/** Signs in over HTTP; the session cookie to send with the next requests. */
export async function signIn(server: ChildServer, phone = ADMIN_PHONE, password = ADMIN_PASSWORD): Promise<string> {
  const response = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).join('; ');
}

/**
 * A POST whose body arrives in two parts: the server has the request (and logs it) but
 * cannot answer before `finish` sends the rest: a request certainly in flight. A request
 * whose connection is closed answers status 0.
 */
export function slowPost(server: ChildServer, url: string, cookie: string, body: unknown) {
  const bytes = Buffer.from(JSON.stringify(body));
  const request = http.request(`${server.url}${url}`, {
    method: 'POST', headers: { cookie, 'content-type': 'application/json', 'content-length': bytes.length },
  });
  const answered = new Promise<{ status: number; body: string }>((resolve) => {
    request.on('error', (error) => resolve({ status: 0, body: error.message }));
    request.on('response', (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
  });
  request.write(bytes.subarray(0, bytes.length >> 1));
  return {
    answered,
    finish() {
      request.end(bytes.subarray(bytes.length >> 1));
      return answered;
    },
  };
}

/** Whether a new connection to the port is refused. */
export function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}
