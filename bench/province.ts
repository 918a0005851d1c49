// `lianxin bench generate [--scale 0.01] [--seed N]`: a synthetic Liaoning on the real
// divisions, at the size DOMAIN.md gives (scale 1): 33,000 organizations, 7,330,000
// volunteers, 10,000 projects, 900,000 wishes (600,000 fulfilled), orders, training and
// tens of millions of service-hour entries. Counties differ in size (one carries ~2,400
// organizations), activity is concentrated in a minority of volunteers, and the same seed
// gives the same province. Volunteers (real ID check digits, encrypted numbers) stream in
// through COPY from Node; the rows derived from them are made set-wise inside PostgreSQL.
// Triggers are off while loading; the statistics are rebuilt from the rows at the end.
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { rebuildStats } from '../server/src/modules/stats/service.ts';
import { maskIdNumber, maskName, maskPhone } from '../server/src/lib/pii.ts';
import { pinyinInitials } from '../server/src/lib/pinyin.ts';
import { copyValue } from '../server/src/modules/volunteers/queries.ts';
import { freshBenchDatabase } from './database.ts';
import { generateVolunteers, random } from './generate.ts';

export const PROVINCE_DATABASE = 'lianxin_province';

/** The province's figures at scale 1 (DOMAIN.md). */
const FULL = { organizations: 33_000, volunteers: 7_330_000, projects: 10_000, wishes: 900_000, orders: 300_000, sessions: 90_000, trainees: 1_500_000 };
/** Of the province's organizations, the largest county holds about this many. */
const BIGGEST_COUNTY_SHARE = 2_400 / 33_000;
const BUCKETS = 1000;
const DAY_MS = 86_400_000;

interface County {
  code: string;
  name: string;
  centerId: number;
  stations: { id: number; regionCode: string }[];
  weight: number;
}

export interface ProvinceOptions {
  serverUrl: string;
  scale: number;
  seed: number;
  log: (line: string) => void;
}

/** Counties with skewed weights (log-normal, one very large); buckets map a uniform draw to a county. */
function weighCounties(counties: County[], next: () => number): County[][] {
  const gauss = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  for (const county of counties) county.weight = Math.exp(0.6 * gauss());
  const biggest = counties.reduce((a, b) => (b.stations.length > a.stations.length ? b : a));
  const others = counties.reduce((sum, c) => sum + (c === biggest ? 0 : c.weight), 0);
  biggest.weight = (others * BIGGEST_COUNTY_SHARE) / (1 - BIGGEST_COUNTY_SHARE);
  const total = counties.reduce((sum, c) => sum + c.weight, 0);
  const buckets: County[][] = [];
  let at = 0;
  for (const county of counties) {
    const until = Math.round(((at + county.weight) / total) * BUCKETS);
    for (let b = Math.round((at / total) * BUCKETS); b < until; b += 1) (buckets[b] ??= []).push(county);
    at += county.weight;
  }
  return buckets;
}

const VOLUNTEER_COLUMNS = [
  'volunteer_no', 'name', 'name_initials', 'id_hash', 'id_enc', 'id_masked', 'birth_date', 'sex', 'phone_hash', 'phone_enc', 'phone_masked',
  'phone_tail', 'site_id', 'region_code', 'categories', 'skills', 'availability', 'party_member', 'emergency_reserve', 'guardian_name',
  'guardian_phone_enc', 'guardian_phone_masked', 'guardian_consent_at', 'consent_at', 'status', 'source', 'last_served_on', 'created_at',
] as const;

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** When a volunteer last served: never for about a third, within the year for a little under half (recent ones most), earlier for the rest. */
function lastServed(next: () => number, today: number): string | null {
  const u = next();
  if (u < 0.35) return null;
  if (u < 0.8) return dayOf(today - Math.floor(365 * next() ** 2) * DAY_MS);
  return dayOf(today - (366 + Math.floor(730 * next())) * DAY_MS);
}

async function copyVolunteers(client: pg.Client, count: number, buckets: County[][], options: ProvinceOptions, encrypt: EncryptPii) {
  const next = random(options.seed + 1);
  const stationOf = new Map<string, number>();
  const place = (draw: () => number) => {
    const county = buckets[Math.floor(draw() * BUCKETS)]![0]!;
    const station = county.stations[Math.floor(draw() * county.stations.length)]!;
    stationOf.set(station.regionCode, station.id);
    return station;
  };
  const today = Date.now();
  const people = generateVolunteers(count, place, options.seed);
  let made = 0;
  async function* lines() {
    let batch: string[] = [];
    for (const v of people) {
      made += 1;
      const id = v.idNumber;
      const served = lastServed(next, today);
      const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
      // Adults registered after their 18th birthday; minors (with a guardian's consent) any time.
      const adultFrom = Date.parse(`${Number(birthDate.slice(0, 4)) + 18}${birthDate.slice(4)}T00:00:00+08:00`) + DAY_MS;
      const drawn = (served ? Date.parse(served) : today) - Math.floor(next() * 5 * 365) * DAY_MS;
      const registered = new Date(v.guardian ? drawn : Math.max(drawn, adultFrom));
      const u = next();
      const row: Record<(typeof VOLUNTEER_COLUMNS)[number], unknown> = {
        volunteer_no: `21${String(made).padStart(9, '0')}`, name: v.name, name_initials: pinyinInitials(v.name),
        id_hash: encrypt.hash('id', id), id_enc: encrypt.seal(id), id_masked: maskIdNumber(id),
        birth_date: birthDate, sex: Number(id[16]) % 2 === 1 ? 'M' : 'F',
        phone_hash: encrypt.hash('phone', v.phone), phone_enc: encrypt.seal(v.phone), phone_masked: maskPhone(v.phone), phone_tail: v.phone.slice(-4),
        site_id: stationOf.get(v.siteCode), region_code: v.siteCode,
        categories: categoryCodes(v.categories), skills: v.skills, availability: availabilityCodes(v.availability),
        party_member: v.partyMember, emergency_reserve: v.emergencyReserve,
        guardian_name: v.guardian?.name ?? null, guardian_phone_enc: v.guardian ? encrypt.seal(v.guardian.phone) : null,
        guardian_phone_masked: v.guardian ? maskPhone(v.guardian.phone) : null, guardian_consent_at: v.guardian ? registered : null,
        consent_at: registered, status: u < 0.98 ? 'active' : u < 0.99 ? 'pending' : 'suspended', source: 'import',
        last_served_on: served, created_at: registered,
      };
      batch.push(VOLUNTEER_COLUMNS.map((column) => copyValue(row[column])).join('\t'));
      if (batch.length === 5000) {
        yield `${batch.join('\n')}\n`;
        batch = [];
        if (made % 500_000 === 0) options.log(`  volunteers ${made.toLocaleString('en-US')} / ${count.toLocaleString('en-US')}`);
      }
    }
    if (batch.length > 0) yield `${batch.join('\n')}\n`;
  }
  await pipeline(Readable.from(lines()), client.query(copyFrom(`COPY volunteers (${VOLUNTEER_COLUMNS.join(', ')}) FROM STDIN`)));
  // The numbers above were written, not drawn: the next registration must draw past them.
  await client.query('SELECT setval($1::regclass, $2)', ['volunteer_no_seq', Math.max(made, 1)]);
}

export interface EncryptPii {
  seal(plain: string): string;
  hash(kind: 'id' | 'phone', plain: string): string;
}

let categoryCodes: (names: string[]) => string[];
let availabilityCodes: (names: string[]) => string[];

async function loadCodeMaps() {
  const { availabilityNames, categoryNames } = await import('../server/src/lib/categories.ts');
  const invert = (names: Record<string, string>) => {
    const byName = new Map(Object.entries(names).map(([code, name]) => [name, code]));
    return (list: string[]) => list.map((name) => byName.get(name)!);
  };
  categoryCodes = invert(categoryNames);
  availabilityCodes = invert(availabilityNames);
}

const step = async (client: pg.Client, log: (line: string) => void, what: string, sql: string, params: unknown[] = []) => {
  const started = performance.now();
  const result = await client.query(sql, params);
  log(`  ${what}: ${(result.rowCount ?? 0).toLocaleString('en-US')} rows, ${((performance.now() - started) / 1000).toFixed(1)} s`);
};

/** Builds the synthetic province in the database lianxin_province (kept); returns its URL. */
export async function generateProvince(options: ProvinceOptions): Promise<string> {
  const { scale, log } = options;
  const n = (full: number) => Math.max(1, Math.round(full * scale));
  const started = performance.now();
  log(`generate: scale ${scale}, seed ${options.seed}: migrating and seeding the real network…`);
  const bench = await freshBenchDatabase(options.serverUrl, PROVINCE_DATABASE, true);
  const { ctx } = bench;
  const encrypt: EncryptPii = { seal: (plain) => ctx.pii.encrypt(plain), hash: (kind, plain) => ctx.pii.lookupHash(kind, plain) };
  await loadCodeMaps();
  const client = new pg.Client({ connectionString: bench.url });
  await client.connect();
  try {
    // A bulk load: no per-row triggers (statistics are rebuilt from the rows afterwards).
    await client.query(`SET session_replication_role = replica`);
    await client.query(`SELECT setseed($1)`, [(options.seed % 1000) / 1000]);
    const centers = (await client.query<{ id: number; region_code: string; name: string }>(
      `SELECT s.id, s.region_code, r.name FROM sites s JOIN regions r ON r.code = s.region_code WHERE s.kind = 'center' ORDER BY s.region_code`)).rows;
    const stations = (await client.query<{ id: number; region_code: string }>(`SELECT id, region_code FROM sites WHERE kind = 'station' ORDER BY region_code`)).rows;
    const counties: County[] = centers.map((c) => ({
      code: c.region_code, name: c.name, centerId: c.id, weight: 1,
      stations: stations.filter((s) => s.region_code.startsWith(c.region_code.slice(0, 6))).map((s) => ({ id: s.id, regionCode: s.region_code })),
    })).filter((c) => c.stations.length > 0);
    const buckets = weighCounties(counties, random(options.seed));
    await placesTables(client, counties, buckets);

    log(`generate: ${n(FULL.volunteers).toLocaleString('en-US')} volunteers through COPY…`);
    let at = performance.now();
    await copyVolunteers(client, n(FULL.volunteers), buckets, options, encrypt);
    log(`  volunteers: ${((performance.now() - at) / 1000).toFixed(1)} s`);
    await derivedRows(client, options, n, encrypt);
    await client.query(`SET session_replication_role = origin`);
    log('generate: rebuilding the statistics from the rows…');
    at = performance.now();
    await rebuildStats(ctx);
    log(`  statistics: ${((performance.now() - at) / 1000).toFixed(1)} s`);
    await client.query('VACUUM ANALYZE');
  } finally {
    await client.end();
    await bench.close();
  }
  log(`generate: done in ${((performance.now() - started) / 1000).toFixed(0)} s → ${bench.url}`);
  return bench.url;
}

/** County buckets and stations as tables, so SQL can draw a place the way Node does. */
async function placesTables(client: pg.Client, counties: County[], buckets: County[][]) {
  await client.query(`CREATE TEMP TABLE gen_county (county text PRIMARY KEY, name text, center_id int, center_code text, stations int)`);
  await client.query(`CREATE TEMP TABLE gen_bucket (b int PRIMARY KEY, county text)`);
  await client.query(`CREATE TEMP TABLE gen_station (county text, k int, id int, region_code text, PRIMARY KEY (county, k))`);
  await client.query(`INSERT INTO gen_county SELECT * FROM json_to_recordset($1) AS x(county text, name text, center_id int, center_code text, stations int)`,
    [JSON.stringify(counties.map((c) => ({ county: c.code.slice(0, 6), name: c.name, center_id: c.centerId, center_code: c.code, stations: c.stations.length })))]);
  await client.query(`INSERT INTO gen_bucket SELECT * FROM json_to_recordset($1) AS x(b int, county text)`,
    [JSON.stringify(buckets.map((list, b) => ({ b, county: list[0]!.code.slice(0, 6) })))]);
  await client.query(`INSERT INTO gen_station SELECT * FROM json_to_recordset($1) AS x(county text, k int, id int, region_code text)`,
    [JSON.stringify(counties.flatMap((c) => c.stations.map((s, k) => ({ county: c.code.slice(0, 6), k, id: s.id, region_code: s.regionCode }))))]);
}

/** Everything that hangs off the places and the volunteers, made set-wise. */
async function derivedRows(client: pg.Client, options: ProvinceOptions, n: (full: number) => number, encrypt: EncryptPii) {
  const { log } = options;
  const run = (what: string, sql: string, params: unknown[] = []) => step(client, log, what, sql, params);
  const admin = (await client.query<{ id: number }>(`SELECT min(user_id) AS id FROM grants WHERE role = 'province_admin'`)).rows[0]!.id;
  log('generate: organizations, projects, activities…');
  await run('organizations', `
    INSERT INTO organizations (name, name_initials, category, site_id, region_code, status, member_count, source, reviewed_at, created_at)
    SELECT c.name || cat.name || '志愿服务队' || g.i, 'zyfwd' || g.i, cat.code, c.center_id, c.center_code, 'approved',
           CASE WHEN g.r2 < 0.03 THEN 3 + floor(g.r3 * 26)::int ELSE 30 + floor(-ln(1 - g.r3) * 150)::int END, 'import', now(), now() - g.r2 * interval '1500 days'
    FROM (SELECT i, floor(random() * ${BUCKETS})::int AS b, random() AS r1, random() AS r2, random() AS r3 FROM generate_series(1, $1) i) g
    JOIN gen_bucket USING (b) JOIN gen_county c USING (county)
    JOIN (VALUES (0, 'theory_policy', '理论政策宣讲'), (1, 'culture_arts', '文化文艺'), (2, 'education', '助学支教'), (3, 'medical_fitness', '医疗健身'),
                 (4, 'science', '科学普及'), (5, 'legal', '法律服务'), (6, 'environment', '卫生环保'), (7, 'assistance', '扶危帮困')) cat(k, code, name)
      ON cat.k = least(7, floor(g.r1 * 8)::int)`, [n(FULL.organizations)]);
  await run('projects', `
    INSERT INTO projects (name, category, organization_id, site_id, region_code, starts_on, ends_on, status, reviewed_at, created_at)
    SELECT o.name || '项目' || g.i, o.category, o.id, o.site_id, o.region_code, d, d + 365,
           CASE WHEN g.r < 0.5 THEN 'running' WHEN g.r < 0.9 THEN 'closed' ELSE 'approved' END, now(), d
    FROM (SELECT i, random() AS r, (current_date - floor(random() * 900)::int) AS d, (SELECT min(id) FROM organizations) + floor(random() * $2)::int AS org
          FROM generate_series(1, $1) i) g
    JOIN organizations o ON o.id = g.org`, [n(FULL.projects), n(FULL.organizations)]);
  await run('activities', `
    INSERT INTO activities (project_id, title, category, site_id, region_code, starts_at, ends_at, recruit_from, recruit_until, quota, status, people_served, confirmed_count)
    SELECT p.id, p.name || '第' || k || '次活动', p.category, s.id, s.region_code, t, t + interval '3 hours', t - interval '14 days', t - interval '1 hour',
           20, CASE WHEN t < now() THEN 'finished' ELSE 'published' END, CASE WHEN t < now() THEN 10 + floor(random() * 90)::int END, 0
    FROM projects p, generate_series(1, 30) k,
         LATERAL (SELECT now() - (floor(random() * 720) || ' days')::interval + interval '1 day' * (k % 2) AS t, random() AS r) x,
         LATERAL (SELECT gs.id, gs.region_code FROM gen_station gs JOIN gen_county gc USING (county)
                  WHERE gc.county = left(p.region_code, 6) AND gs.k = floor(x.r * gc.stations)::int) s`);
  await client.query(`CREATE TEMP TABLE gen_activities AS SELECT left(region_code, 6) AS county, array_agg(id ORDER BY id) AS ids FROM activities GROUP BY 1`);
  await client.query(`ALTER TABLE gen_activities ADD PRIMARY KEY (county)`);

  log('generate: service hours (the largest table)…');
  await run('service hours', `
    INSERT INTO service_hours (volunteer_id, source, source_id, attempt, site_id, region_code, started_at, ended_at, minutes, kind, recorded_at)
    SELECT v.id, 'activity', a.ids[1 + (v.id * 7 + j) % cardinality(a.ids)], 1, v.site_id, v.region_code, t, t + m * interval '1 minute', m, 'service', t + m * interval '1 minute'
    FROM volunteers v
    JOIN gen_activities a ON a.county = left(v.region_code, 6),
    LATERAL generate_series(1, least(cardinality(a.ids),
      CASE WHEN v.last_served_on > current_date - 365 THEN 1 + floor(-ln(1 - random()) * 9)::int ELSE 1 + floor(-ln(1 - random()) * 2)::int END)) j,
    LATERAL (SELECT (v.last_served_on - (j - 1) * (1 + floor(random() * 20)::int)) + time '09:00' - interval '8 hours' AS t, 60 + 30 * floor(random() * 7)::int AS m) x
    WHERE v.last_served_on IS NOT NULL AND v.status = 'active'`);
  await run('volunteer totals', `INSERT INTO volunteer_hours (volunteer_id, minutes, entries) SELECT volunteer_id, sum(minutes), count(*) FROM service_hours GROUP BY 1`);

  log('generate: wishes, orders, training…');
  const names = [...'王李张刘陈杨赵黄周吴'].flatMap((surname) => [`${surname}奶奶`, `${surname}爷爷`, `${surname}小宝`]);
  await client.query(`CREATE TEMP TABLE gen_names AS SELECT * FROM json_to_recordset($1) AS x(k int, enc text, masked text)`,
    [JSON.stringify(names.map((name, k) => ({ k, enc: encrypt.seal(name), masked: maskName(name) })))]);
  await run('wishes', `
    INSERT INTO wishes (title, story, category, beneficiary_group, beneficiary_name_enc, beneficiary_name_masked, beneficiary_key, estimated_value_yuan,
                        site_id, region_code, posted_by, status, reviewed_at, claimed_at, fulfilled_at, confirmed_at, created_at)
    SELECT '微心愿' || g.i, '合成数据', (ARRAY['study', 'daily', 'company', 'health', 'repair', 'other'])[1 + floor(g.r1 * 6)::int],
           (ARRAY['elderly_alone', 'left_behind_child', 'disabled', 'family_in_difficulty', 'other'])[1 + floor(g.r2 * 5)::int],
           nm.enc, nm.masked, md5(g.i::text), 50 + floor(g.r1 * 450)::int, s.id, s.region_code, $3, st.status,
           g.t + interval '1 day', CASE WHEN st.status IN ('claimed', 'fulfilled', 'confirmed') THEN g.t + interval '2 days' END,
           CASE WHEN st.status IN ('fulfilled', 'confirmed') THEN g.t + interval '6 days' END,
           CASE WHEN st.status = 'confirmed' THEN g.t + interval '7 days' END, g.t
    FROM (SELECT i, random() AS r1, random() AS r2, random() AS r3, floor(random() * ${BUCKETS})::int AS b, now() - random() * interval '700 days' AS t
          FROM generate_series(1, $1) i) g
    JOIN gen_bucket USING (b) JOIN gen_county gc USING (county)
    JOIN gen_station s ON s.county = gc.county AND s.k = floor(g.r3 * gc.stations)::int
    JOIN gen_names nm ON nm.k = g.i % ${names.length}
    CROSS JOIN LATERAL (SELECT CASE WHEN g.i <= $2 * 0.92 THEN 'confirmed' WHEN g.i <= $2 THEN 'fulfilled'
                                    WHEN g.r1 < 0.6 THEN 'published' WHEN g.r1 < 0.8 THEN 'claimed' ELSE 'submitted' END AS status) st`,
  [n(FULL.wishes), n(600_000), admin]);
  await run('orders', `
    INSERT INTO orders (title, category, resident_id, site_id, region_code, handler_site_id, handler_region_code, status, deadline,
                        delivered_at, delivered_on_time, rating, rated_at, created_at)
    SELECT '服务订单' || g.i, (ARRAY['theory_policy', 'culture_arts', 'education', 'medical_fitness', 'science', 'legal', 'environment', 'assistance'])[1 + floor(g.r1 * 8)::int],
           $2, s.id, s.region_code, s.id, s.region_code, st.status, g.t + interval '7 days',
           CASE WHEN st.status IN ('delivered', 'rated') THEN g.t + (1 + floor(g.r2 * 9)) * interval '1 day' END,
           CASE WHEN st.status IN ('delivered', 'rated') THEN g.r2 < 0.7 END,
           CASE WHEN st.status = 'rated' THEN 3 + floor(g.r1 * 3)::int END, CASE WHEN st.status = 'rated' THEN g.t + interval '10 days' END, g.t
    FROM (SELECT i, random() AS r1, random() AS r2, random() AS r3, random() AS r4, floor(random() * ${BUCKETS})::int AS b, now() - random() * interval '700 days' AS t
          FROM generate_series(1, $1) i) g
    JOIN gen_bucket USING (b) JOIN gen_county gc USING (county)
    JOIN gen_station s ON s.county = gc.county AND s.k = floor(g.r3 * gc.stations)::int
    CROSS JOIN LATERAL (SELECT CASE WHEN g.r4 < 0.5 THEN 'rated' WHEN g.r4 < 0.65 THEN 'delivered' WHEN g.r4 < 0.75 THEN 'accepted'
                                    WHEN g.r4 < 0.85 THEN 'dispatched' WHEN g.r4 < 0.95 THEN 'ordered' ELSE 'cancelled' END AS status) st`,
  [n(FULL.orders), admin]);
  await run('courses', `
    INSERT INTO courses (title, mode, category, site_id, region_code, created_by)
    SELECT '志愿服务培训课程' || c.i, CASE WHEN c.i % 3 = 0 THEN 'online' ELSE 'offline' END, 'general', gc.center_id, gc.center_code, $1
    FROM gen_county gc, generate_series(1, 3) c(i)`, [admin]);
  await run('training sessions', `
    INSERT INTO course_sessions (course_id, site_id, region_code, starts_at, ends_at, capacity)
    SELECT c.id, c.site_id, c.region_code, t, t + interval '2 hours', 50
    FROM (SELECT i, (SELECT min(id) FROM courses) + floor(random() * (SELECT count(*) FROM courses))::int AS course, now() - random() * interval '700 days' AS t
          FROM generate_series(1, $1) i) g JOIN courses c ON c.id = g.course`, [n(FULL.sessions)]);
  await run('training records', `
    INSERT INTO training_records (volunteer_id, course_id, score, region_code, completed_at)
    SELECT v.id, c.id, 60 + floor(random() * 41)::int, v.region_code, now() - random() * interval '700 days'
    FROM (SELECT i, (SELECT min(id) FROM volunteers) + (i::bigint * 7919 % (SELECT count(*) FROM volunteers)) AS vid FROM generate_series(1, $1) i) g
    JOIN volunteers v ON v.id = g.vid
    JOIN courses c ON c.region_code = left(v.region_code, 6) || '000000' AND c.id % 3 = g.i % 3`,
  [Math.min(n(FULL.trainees), n(FULL.volunteers) - 1)]);
}
