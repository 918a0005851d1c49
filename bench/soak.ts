// Benchmark `soak` (on request only: `lianxin bench soak [--minutes 10] [--rate N]`): a real
// `lianxin serve` under a fixed-rate, open-loop mix for minutes on end, to see what the
// short benchmarks cannot: errors that come with time, latency drift, memory growth.
//   database: a copy of the synthetic province when `lianxin bench generate` made it, else
//             the demo county on the Liaoning network (fresh, dropped afterwards)
//   mix:      80% the reads of `reads` (activity list, wish wall, volunteer search and the
//             statistics), 20% check-ins as in `check-in`, at a fixed rate over loopback;
//             a late answer does not hold back the next request, and latency counts from
//             when a request was due, so a stalled server shows in p99
//   samples:  every 30 s requests, error rate, p50/p99 and the server's RSS; at the end the
//             RSS trend over the second half (linear fit) and last / first-after-warm-up
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { prepareCheckIns } from './writes.ts';
import { freshBenchDatabase } from './database.ts';
import type { BenchOptions, BenchResult } from './index.ts';
import { percentile, send, type Request } from './load.ts';
import { rssMiB, startLianxin } from './processes.ts';
import { PROVINCE_DATABASE } from './province.ts';
import { provinceExists, readMix, signIn } from './reads.ts';

const DATABASE = 'lianxin_bench_soak';
const PORT = 3994;
const DEFAULT_MINUTES = 10;
/**
 * Requests per second. The benchmarks found (README, 2 cores) activity list 464, wish
 * wall 679, volunteer search 152, check-in 682 req/s and statistics at ~60 ms each; this
 * mix saturates near 200 req/s, and a soak runs at about half of that so that it measures
 * drift rather than a queue.
 */
const DEFAULT_RATE = 100;
/** Every fifth request is a write. */
const WRITE_EVERY = 5;
const SAMPLE_SECONDS = 30;
const RSS_EVERY_MS = 5000;
/** A leak of 1 KiB a request at 100 req/s grows ~6 MiB a minute; 2 catches a third of that. */
const GROWTH_LIMIT_MIB_PER_MIN = 2;
const ERROR_LIMIT_PERCENT = 0.1;
const MAX_SOCKETS = 64;
/** How long the last requests may take to answer once the run is over. */
const DRAIN_MS = 30_000;

interface Window {
  requests: number;
  errors: number;
  latencies: number[];
}

interface Sample {
  minute: number;
  requests: number;
  errorPercent: number;
  p50: number;
  p99: number;
  rss: number;
}

const newWindow = (): Window => ({ requests: 0, errors: 0, latencies: [] });
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Least-squares slope of y over x. */
function slope(points: { x: number; y: number }[]): number {
  const n = points.length;
  const mx = points.reduce((sum, p) => sum + p.x, 0) / n;
  const my = points.reduce((sum, p) => sum + p.y, 0) / n;
  const sxx = points.reduce((sum, p) => sum + (p.x - mx) ** 2, 0);
  return sxx === 0 ? 0 : points.reduce((sum, p) => sum + (p.x - mx) * (p.y - my), 0) / sxx;
}

function summarize(window: Window, minute: number, rss: number): Sample {
  const sorted = window.latencies.toSorted((a, b) => a - b);
  return {
    minute, requests: window.requests, errorPercent: window.requests ? round((100 * window.errors) / window.requests, 3) : 0,
    p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), rss,
  };
}

const row = (s: Sample) => `| ${s.minute.toFixed(1)} | ${s.requests.toLocaleString('en-US')} | ${s.errorPercent} | ${s.p50} | ${s.p99} | ${s.rss} |`;
const TABLE_HEAD = ['| minute | requests | errors % | p50 ms | p99 ms | server RSS MiB |', '|---:|---:|---:|---:|---:|---:|'];

/** The mix: request i is a check-in when i % WRITE_EVERY is the last slot, else the next read in turn. */
function mixer(reads: ReturnType<typeof readMix>, checkIn: (pair: number) => Request) {
  const all = [...reads.lists, ...reads.stats].map(([, read]) => read);
  return (i: number): Request => {
    const slot = i % WRITE_EVERY;
    if (slot === WRITE_EVERY - 1) return checkIn(Math.floor(i / WRITE_EVERY));
    const k = Math.floor(i / WRITE_EVERY) * (WRITE_EVERY - 1) + slot;
    const read = all[k % all.length]!;
    return { path: read.path(k), cookie: read.cookie };
  };
}

/** Sends `rate` requests a second for `seconds`, calling `sample` every SAMPLE_SECONDS with the window's figures. */
async function openLoop(mix: (i: number) => Request, rate: number, seconds: number, pid: number | undefined, log: (line: string) => void) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: MAX_SOCKETS });
  const started = performance.now();
  const total = Math.floor(rate * seconds);
  const samples: Sample[] = [];
  const rss: { x: number; y: number }[] = [];
  const firstErrors = new Set<string>();
  let window = newWindow();
  const overall = newWindow();
  let sent = 0;
  let answered = 0;
  const fire = (i: number) => {
    const due = started + (i * 1000) / rate;
    const request = mix(i);
    const record = (status: number) => {
      answered += 1;
      const ok = status >= 200 && status < 300;
      for (const w of [window, overall]) {
        w.requests += 1;
        w.latencies.push(performance.now() - due);
        if (!ok) w.errors += 1;
      }
      const what = `${request.method ?? 'GET'} ${request.path.split('?')[0]} answered ${status || 'no response'}`;
      if (!ok && !firstErrors.has(what)) {
        firstErrors.add(what);
        log(`soak: ${what}`);
      }
    };
    send(agent, PORT, request).then(record, () => record(0));
  };
  const ticker = setInterval(() => {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate) + 1);
    while (sent < due) fire(sent++);
  }, 2);
  const rssTimer = setInterval(() => rss.push({ x: (performance.now() - started) / 60_000, y: rssMiB(pid) }), RSS_EVERY_MS);
  const sampler = setInterval(() => {
    const sample = summarize(window, (performance.now() - started) / 60_000, rssMiB(pid));
    window = newWindow();
    samples.push(sample);
    log(`soak: ${row(sample)}`);
  }, SAMPLE_SECONDS * 1000);
  try {
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    clearInterval(ticker);
    clearInterval(sampler);
    const drainUntil = performance.now() + DRAIN_MS;
    while (answered < sent && performance.now() < drainUntil) await new Promise((resolve) => setTimeout(resolve, 50));
    if (window.requests > 0 || samples.length === 0) samples.push(summarize(window, (performance.now() - started) / 60_000, rssMiB(pid)));
    overall.errors += sent - answered; // never answered at all
    overall.requests += sent - answered;
    return { samples, rss, overall, sent };
  } finally {
    clearInterval(ticker);
    clearInterval(sampler);
    clearInterval(rssTimer);
    agent.destroy();
  }
}

export async function benchSoak(options: BenchOptions): Promise<BenchResult[]> {
  const { log } = options;
  const minutes = options.minutes ?? DEFAULT_MINUTES;
  const rate = options.rate ?? DEFAULT_RATE;
  const province = await provinceExists(options.databaseUrl);
  const source = province ? `a copy of the synthetic province (${PROVINCE_DATABASE})` : 'the demo county (no synthetic province: `lianxin bench generate` makes it)';
  log(`soak: database ${DATABASE}, ${source}…`);
  const bench = await freshBenchDatabase(options.databaseUrl, DATABASE, options.keep, province ? { template: PROVINCE_DATABASE } : { demo: true });
  try {
    const checkIns = await prepareCheckIns(bench, log);
    const { county } = await signIn(bench.url);
    const reads = readMix(county);
    const mix = mixer(reads, checkIns.request);
    const readNames = [...reads.lists, ...reads.stats].map(([name]) => name.replace(/^read | p95/g, '')).join(', ');
    const server = await startLianxin(bench.url, bench.work, PORT);
    log(`soak: ${rate} req/s for ${minutes} min (1 in ${WRITE_EVERY} a check-in), samples every ${SAMPLE_SECONDS} s…`);
    log(`soak: ${TABLE_HEAD[0]}`);
    let run: Awaited<ReturnType<typeof openLoop>>;
    try {
      run = await openLoop(mix, rate, minutes * 60, server.pid, log);
    } finally {
      server.kill('SIGTERM');
    }
    const { samples, rss, overall } = run;

    // Memory: the trend over the second half, and the last RSS against the first sample after the warm-up window.
    const secondHalf = rss.filter((point) => point.x >= minutes / 2);
    const growth = round(slope(secondHalf.length >= 2 ? secondHalf : rss));
    const warm = samples[0]!.rss;
    const last = rss.at(-1)?.y ?? warm;
    const ratio = round(last / warm);
    const errorPercent = round((100 * overall.errors) / Math.max(1, overall.requests), 3);
    const sorted = overall.latencies.toSorted((a, b) => a - b);
    const worstP99 = Math.max(...samples.map((s) => s.p99));
    const grows = growth > GROWTH_LIMIT_MIB_PER_MIN;
    const verdict = `${grows ? 'MEMORY GROWS' : 'no memory growth'}: ${growth} MiB/min over the second half (limit ${GROWTH_LIMIT_MIB_PER_MIN}); `
      + `RSS ${warm} MiB after warm-up → ${last} MiB at the end (×${ratio})`;
    const summary = [
      `# Soak`, '', `${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}: \`lianxin bench soak --minutes ${minutes} --rate ${rate}\` on ${source}; `
        + `80% reads (${readNames}), 20% check-ins.`, '',
      ...TABLE_HEAD, ...samples.map(row), '',
      `${overall.requests.toLocaleString('en-US')} requests, ${errorPercent}% errors, p50 ${percentile(sorted, 0.5)} / p99 ${percentile(sorted, 0.99)} ms overall, worst ${SAMPLE_SECONDS} s p99 ${worstP99} ms.`,
      '', `Verdict: ${verdict}.`, '',
    ].join('\n');
    fs.writeFileSync(path.join(import.meta.dirname, 'results', 'soak.md'), summary);
    log(summary);
    return [
      {
        name: 'soak RSS growth', value: growth, unit: 'MiB/min', target: GROWTH_LIMIT_MIB_PER_MIN, lowerIsBetter: true,
        note: `${minutes} min at ${rate} req/s on ${source}; ${verdict}; the table over time is in soak.md`,
      },
      {
        name: 'soak error rate', value: errorPercent, unit: '%', target: ERROR_LIMIT_PERCENT, lowerIsBetter: true,
        note: `${overall.requests.toLocaleString('en-US')} requests, 20% check-ins; p50 ${percentile(sorted, 0.5)} / p99 ${percentile(sorted, 0.99)} ms overall, worst ${SAMPLE_SECONDS} s p99 ${worstP99} ms`,
      },
    ];
  } finally {
    await bench.close();
  }
}
