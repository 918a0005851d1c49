// A closed-loop HTTP load: `concurrency` keep-alive clients, each sending its next request
// as soon as the last answered, for a warm-up and then a measured window. Reports requests
// per second and latency percentiles of the measured window; any non-2xx fails the run.
import http from 'node:http';

export interface LoadResult {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
}

export interface LoadOptions {
  /** The next request's path (called for every request). */
  path: (i: number) => string;
  port: number;
  cookie?: string;
  concurrency: number;
  seconds: number;
  warmupSeconds?: number;
  method?: 'GET' | 'POST';
  body?: (i: number) => string;
}

/** One request: where, as whom, and what. */
export interface Request {
  path: string;
  cookie?: string | undefined;
  method?: 'GET' | 'POST' | undefined;
  body?: string | undefined;
}

/** Sends one request to the server on the port; resolves with its status once the body has arrived. */
export function send(agent: http.Agent, port: number, { path, cookie, method, body }: Request): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request({
      host: '127.0.0.1', port, path, method: method ?? 'GET', agent,
      headers: { ...(cookie && { cookie }), ...(body !== undefined && { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }) },
    }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** The p-quantile of sorted latencies, in ms to one decimal. */
export const percentile = (sorted: number[], p: number) => Math.round((sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0) * 10) / 10;

export async function load(options: LoadOptions): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const warmupMs = (options.warmupSeconds ?? 2) * 1000;
  const start = performance.now();
  const measureFrom = start + warmupMs;
  const end = measureFrom + options.seconds * 1000;
  const latencies: number[] = [];
  let next = 0;
  let failure: string | null = null;
  const client = async () => {
    while (performance.now() < end && failure === null) {
      const i = next++;
      const sent = performance.now();
      const status = await send(agent, options.port, { path: options.path(i), cookie: options.cookie, method: options.method, body: options.body?.(i) });
      const answered = performance.now();
      if (status < 200 || status >= 300) failure = `${options.method ?? 'GET'} ${options.path(i)} answered ${status}`;
      if (sent >= measureFrom && answered <= end) latencies.push(answered - sent);
    }
  };
  try {
    await Promise.all(Array.from({ length: options.concurrency }, client));
  } finally {
    agent.destroy();
  }
  if (failure) throw new Error(`bench: ${failure}`);
  latencies.sort((a, b) => a - b);
  return {
    rps: Math.round(latencies.length / options.seconds), p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99), requests: latencies.length,
  };
}
