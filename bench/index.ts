// `npm run bench` / `lianxin bench [name...] [--rows N]`: runs the benchmarks of bench/ on
// PostgreSQL and writes bench/results/latest.json (the ARCHITECTURE.md format), a dated
// copy and latest.md. Each figure with a ceiling is measured in the same run as it.
// `lianxin bench soak [--minutes 10] [--rate N]` runs only when named.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { benchWrites } from './writes.ts';
import { benchFanOut } from './fanout.ts';
import { benchImport } from './import.ts';
import { generateProvince } from './province.ts';
import { benchReads } from './reads.ts';
import { benchScreen } from './screen.ts';
import { benchSoak } from './soak.ts';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  ceiling?: number;
  ratio?: number;
  target: number;
  lowerIsBetter?: boolean;
  /** What was measured, for the markdown table. */
  note?: string;
}

export interface BenchOptions {
  databaseUrl: string;
  rows: number | undefined;
  /** The synthetic province's size when `reads` has to generate it (--scale). */
  scale?: number | undefined;
  keep: boolean;
  /** How long and how fast `soak` runs (--minutes, --rate). */
  minutes?: number | undefined;
  rate?: number | undefined;
  log: (line: string) => void;
}

const benchmarks: Record<string, (options: BenchOptions) => Promise<BenchResult[]>> = {
  import: benchImport,
  writes: benchWrites,
  'fan-out': benchFanOut,
  reads: benchReads,
};
/** Run only when named: they take minutes on their own. */
const onRequest: typeof benchmarks = {
  soak: benchSoak,
  screen: benchScreen,
};
/** Flags followed by a value. */
const VALUED = new Set(['--rows', '--scale', '--seed', '--minutes', '--rate']);

const resultsDir = path.join(import.meta.dirname, 'results');

async function machine(databaseUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
  await client.end();
  return `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, PostgreSQL ${rows[0]!.server_version.split(' ')[0]}`;
}

function markdown(report: { date: string; machine: string; results: BenchResult[] }): string {
  const lines = [
    `# Benchmarks`, '', `${report.date}, ${report.machine}. Written by \`npm run bench\`; ratios are measured against a ceiling in the same run.`, '',
    '| benchmark | value | ceiling | ratio | target | what |', '|---|---:|---:|---:|---:|---|',
  ];
  for (const r of report.results) {
    const target = r.name.startsWith('ceiling') ? 'ceiling' : r.target === 0 ? '—' : r.ratio !== undefined ? `≥ ${r.target}` : `${r.lowerIsBetter ? '≤' : '≥'} ${r.target} ${r.unit}`;
    lines.push(`| ${r.name} | ${r.value.toLocaleString('en-US')} ${r.unit} | ${r.ceiling?.toLocaleString('en-US') ?? ''} | ${r.ratio ?? ''} | ${target} | ${r.note ?? ''} |`);
  }
  return `${lines.join('\n')}\n`;
}

function flag(args: string[], name: string, fallback: number): number {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
}

async function generate(args: string[], databaseUrl: string | undefined): Promise<number> {
  const scale = flag(args, '--scale', 1);
  const seed = flag(args, '--seed', 2026);
  if (!(scale > 0 && scale <= 1) || !Number.isInteger(seed)) {
    console.error('bench generate: --scale takes a number in (0, 1], --seed a whole number');
    return 2;
  }
  if (!databaseUrl) {
    console.error('bench generate: set DATABASE_URL to a PostgreSQL server; the province goes into its database lianxin_province');
    return 2;
  }
  await generateProvince({ serverUrl: databaseUrl, scale, seed, log: (line) => console.error(line) });
  return 0;
}

/** Runs the named benchmarks (all when none is named); returns the exit code. */
export async function runBenchmarks(args: string[]): Promise<number> {
  if (args[0] === 'generate') return generate(args, process.env.DATABASE_URL);
  const rowsAt = args.indexOf('--rows');
  const rows = rowsAt >= 0 ? Number(args[rowsAt + 1]) : undefined;
  if (rows !== undefined && (!Number.isInteger(rows) || rows < 1)) {
    console.error('bench: --rows needs a positive whole number');
    return 2;
  }
  const names = args.filter((arg, i) => !arg.startsWith('--') && !VALUED.has(args[i - 1] ?? ''));
  const known = { ...benchmarks, ...onRequest };
  const unknown = names.filter((name) => !(name in known));
  if (unknown.length > 0) {
    console.error(`bench: unknown benchmark ${unknown.join(', ')}; there are: ${Object.keys(benchmarks).join(', ')} and, only when named, ${Object.keys(onRequest).join(', ')}`);
    return 2;
  }
  const minutes = args.includes('--minutes') ? flag(args, '--minutes', 10) : undefined;
  const rate = args.includes('--rate') ? flag(args, '--rate', 100) : undefined;
  if ((minutes !== undefined && !(minutes > 0)) || (rate !== undefined && !(rate > 0))) {
    console.error('bench: --minutes and --rate take positive numbers');
    return 2;
  }
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error('bench: DATABASE_URL is not set. The benchmarks measure PostgreSQL (not the embedded PGlite):\n'
      + '  DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench\n'
      + 'A database lianxin_bench is created on that server, seeded, and dropped afterwards.');
    return 2;
  }
  const scale = args.includes('--scale') ? flag(args, '--scale', 0.1) : undefined;
  const options: BenchOptions = { databaseUrl, rows, scale, keep: args.includes('--keep'), minutes, rate, log: (line) => console.error(line) };
  const results: BenchResult[] = [];
  let failed = 0;
  for (const name of names.length > 0 ? names : Object.keys(benchmarks)) {
    try {
      results.push(...(await known[name]!(options)));
    } catch (error) {
      failed += 1; // the others' figures still count: report them
      console.error(`bench ${name} failed:`, error);
    }
  }

  // Keep the figures of benchmarks not run this time.
  const latestFile = path.join(resultsDir, 'latest.json');
  const previous = fs.existsSync(latestFile) ? (JSON.parse(fs.readFileSync(latestFile, 'utf8')) as { results: BenchResult[] }).results : [];
  const merged = [...previous.filter((old) => !results.some((r) => r.name === old.name)), ...results];
  const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const report = { date, machine: await machine(databaseUrl), results: merged };
  fs.mkdirSync(resultsDir, { recursive: true });
  const json = `${JSON.stringify(report, null, 2)}\n`;
  fs.writeFileSync(latestFile, json);
  fs.writeFileSync(path.join(resultsDir, `${date.replaceAll(':', '-')}.json`), json);
  fs.writeFileSync(path.join(resultsDir, 'latest.md'), markdown(report));
  console.log(markdown(report));
  const missed = results.filter((r) => r.target !== 0 && !(r.ratio !== undefined ? r.ratio >= r.target : r.lowerIsBetter ? r.value <= r.target : r.value >= r.target));
  for (const r of missed) console.error(`bench: ${r.name} is below its target (${r.ratio ?? r.value} vs ${r.target})`);
  return failed > 0 ? 1 : 0;
}
