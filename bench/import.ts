// Benchmark `import`: rows/s of our import path against the ceiling of the same machine,
// a raw COPY of the same rows (encrypted beforehand) into the same volunteers table.
//   (a) ceiling: COPY volunteers FROM STDIN of pre-built rows, all indexes in place
//   (b) ours: `lianxin import volunteers <file.csv>` as the CLI runs it: file stored
//       (encrypted) as a job, parsed, mapped, validated (schema, ID check character,
//       site and scope, guardian rule), encrypted, hashed, inserted batch by batch
// Both start from an emptied table in a fresh, seeded database `lianxin_bench`.
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { AppContext } from '../server/src/context.ts';
import { cellReader, mapHeaders, siteCodeOf, volunteerColumns, volunteerFromCells } from '../server/src/modules/imports/columns.ts';
import { runImportCommand } from '../server/src/modules/imports/command.ts';
import * as sites from '../server/src/modules/sites/service.ts';
import { copyValue } from '../server/src/modules/volunteers/queries.ts';
import * as volunteers from '../server/src/modules/volunteers/service.ts';
import type { VolunteerInputData } from '../server/src/modules/volunteers/service.ts';
import { generateVolunteers, writeVolunteerCsv, type GeneratedVolunteer } from './generate.ts';
import { admin, freshBenchDatabase, rate } from './database.ts';
import type { BenchOptions, BenchResult } from './index.ts';

const DATABASE = 'lianxin_bench';
const DEFAULT_ROWS = 1_000_000;

const COLUMNS = [
  'volunteer_no', 'user_id', 'name', 'name_initials', 'id_hash', 'id_enc', 'id_masked', 'birth_date', 'sex', 'phone_hash', 'phone_enc',
  'phone_masked', 'phone_tail', 'site_id', 'region_code', 'categories', 'skills', 'availability', 'party_member', 'emergency_reserve',
  'guardian_name', 'guardian_phone_enc', 'guardian_phone_masked', 'guardian_consent_at', 'consent_at', 'status', 'source', 'created_by',
] as const;

/** The same people as stored rows, built by the same code as the import (not timed). */
async function copyPayload(ctx: AppContext, people: GeneratedVolunteer[], createdBy: number): Promise<Buffer[]> {
  const headers = volunteerColumns.map((column) => column.header);
  const map = mapHeaders('volunteers', headers, { siteOptional: false });
  const siteCache = new Map<string, Promise<sites.SiteSummary>>();
  const chunks: Buffer[] = [];
  let lines: string[] = [];
  for (const [i, v] of people.entries()) {
    const cells = [v.name, v.idNumber, v.phone, v.siteCode, v.categories.join('、'), v.skills.join('、'), v.availability.join('、'),
      v.partyMember ? '是' : '否', v.emergencyReserve ? '是' : '否', v.guardian?.name ?? '', v.guardian?.phone ?? '', v.guardian ? '是' : '', '是'];
    const cell = cellReader(map, cells);
    const code = siteCodeOf(cell)!;
    if (!siteCache.has(code)) siteCache.set(code, sites.networkSiteOn(ctx, code));
    const site = await siteCache.get(code)!;
    const input = { ...volunteerFromCells(cell), siteId: site.id } as VolunteerInputData;
    const checked = await volunteers.checkVolunteer(ctx, input, async () => site);
    const row = volunteers.volunteerRow(ctx, checked, { source: 'import', status: 'active', userId: null, createdBy });
    const record: Record<string, unknown> = { ...row, volunteer_no: `21${String(i + 1).padStart(9, '0')}` };
    lines.push(COLUMNS.map((column) => copyValue(record[column])).join('\t'));
    if (lines.length === 10_000) {
      chunks.push(Buffer.from(`${lines.join('\n')}\n`));
      lines = [];
    }
  }
  if (lines.length > 0) chunks.push(Buffer.from(`${lines.join('\n')}\n`));
  return chunks;
}

async function emptyVolunteers(url: string) {
  await admin(url, async (client) => {
    await client.query('TRUNCATE volunteers CASCADE');
    await client.query('VACUUM ANALYZE volunteers');
    await client.query('CHECKPOINT').catch(() => undefined); // superuser only; evens out the two runs
  });
}


export async function benchImport(options: BenchOptions): Promise<BenchResult[]> {
  const rows = options.rows ?? DEFAULT_ROWS;
  const { log } = options;
  log(`import: fresh database ${DATABASE}, migrations and the Liaoning network…`);
  const bench = await freshBenchDatabase(options.databaseUrl, DATABASE, options.keep);
  const { ctx, url, work } = bench;
  try {
    const villages = (await ctx.db.selectFrom('sites').select('region_code').where('kind', '=', 'station').execute())
      .map((site) => ({ regionCode: site.region_code }));
    const counties = new Set(villages.map((v) => v.regionCode.slice(0, 6))).size;
    const file = path.join(work, `volunteers-${rows}.csv`);
    log(`import: generating ${rows.toLocaleString('en-US')} volunteers over ${villages.length.toLocaleString('en-US')} villages in ${counties} counties…`);
    const people = await writeVolunteerCsv(file, generateVolunteers(rows, villages));
    const createdBy = (await ctx.db.selectFrom('grants').select('user_id').where('role', '=', 'province_admin').executeTakeFirstOrThrow()).user_id;
    log('import: encrypting the same rows for the COPY ceiling (not timed)…');
    const payload = await copyPayload(ctx, people, createdBy);
    people.length = 0;

    await emptyVolunteers(url);
    log('import: (a) ceiling, raw COPY into volunteers…');
    const copyMs = await admin(url, async (client) => {
      const started = performance.now();
      await pipeline(Readable.from(payload), client.query(copyFrom(`COPY volunteers (${COLUMNS.join(', ')}) FROM STDIN`)));
      return performance.now() - started;
    });
    payload.length = 0;
    const ceiling = rate(rows, copyMs);
    log(`import: COPY ${rows.toLocaleString('en-US')} rows in ${(copyMs / 1000).toFixed(1)} s = ${ceiling.toLocaleString('en-US')} rows/s`);

    await emptyVolunteers(url);
    log('import: (b) lianxin import volunteers <file.csv>…');
    const started = performance.now();
    const { job } = await runImportCommand(ctx, { kind: 'volunteers', file }, { progress: process.stderr });
    const importMs = performance.now() - started;
    if (job.inserted !== rows || job.failed !== 0) throw new Error(`bench import: expected ${rows} inserted, got ${JSON.stringify(job)}`);
    const value = rate(rows, importMs);
    log(`import: ours ${rows.toLocaleString('en-US')} rows in ${(importMs / 1000).toFixed(1)} s = ${value.toLocaleString('en-US')} rows/s`);
    return [{
      name: 'import', value, unit: 'rows/s', ceiling, ratio: Math.round((value / ceiling) * 100) / 100, target: 0.5,
      note: `${rows.toLocaleString('en-US')} volunteers from CSV (CLI path: store, parse, validate, encrypt, insert) vs raw COPY of the same rows`,
    }];
  } finally {
    await bench.close();
  }
}
