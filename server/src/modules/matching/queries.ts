// Candidates scored in SQL, so that the database orders them (score, then id: the same
// answer every time) before it cuts the list; the parts of the score come back with each
// row for the reasons.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema.ts';

export interface Target {
  regionCode: string;
  categories: string[];
  /** Skills asked for by name, and the need's own words (a skill named in them counts too). */
  skills: string[];
  text: string;
  /** When the service is wanted (availability options); empty when not known. */
  times: string[];
  /** The coordinates of the need's site, when it has them. */
  latitude: number | null;
  longitude: number | null;
}

const textArray = (values: string[]) => (values.length === 0 ? sql<string[]>`'{}'::text[]` : sql<string[]>`ARRAY[${sql.join(values)}]::text[]`);

/** Kilometres from the need's site to `site` (an alias of sites), NULL when either lacks coordinates. */
function distanceKm(target: Target, site: string): RawBuilder<number | null> {
  if (target.latitude === null || target.longitude === null) return sql`NULL::double precision`;
  const [lat, lng] = [sql`${target.latitude}::double precision`, sql`${target.longitude}::double precision`];
  const s = sql.table(site);
  return sql`6371 * 2 * asin(sqrt(power(sin(radians(${s}.latitude - ${lat}) / 2), 2)
    + cos(radians(${lat})) * cos(radians(${s}.latitude)) * power(sin(radians(${s}.longitude - ${lng}) / 2), 2)))`;
}

/**
 * Nearness points: by distance when both sites have coordinates (30 on the spot, 2 fewer a
 * km, none from 15 km), else by the region code shared (community 30, township 20, county 10).
 */
const nearPoints = sql<number>`CASE WHEN c.distance_km IS NOT NULL THEN GREATEST(0, 30 - floor(c.distance_km * 2))::int
  WHEN c.region_code = c.need_region THEN 30
  WHEN left(c.region_code, 9) = left(c.need_region, 9) THEN 20
  WHEN left(c.region_code, 6) = left(c.need_region, 6) THEN 10 ELSE 0 END`;

/** The volunteer's skills that the need names (by name, or in its words). */
const skillHits = (skills: RawBuilder<string[]>, target: Target) => sql<string[]>`ARRAY(SELECT s FROM unnest(${skills}) AS s
  WHERE s = ANY(${textArray(target.skills)}) OR (length(s) >= 2 AND strpos(${target.text}::text, s) > 0) ORDER BY s)`;

interface Ranking {
  /** What each row answers, read from the candidate `c`. */
  columns: RawBuilder<unknown>;
  /** Points for fitting the need (category, skills, ...), read from `c`. */
  fit: RawBuilder<number>;
  /** The candidates' own columns (with `region_code` and `open`, the work already carried), read from `from`. */
  candidate: RawBuilder<unknown>;
  /** The candidates' table and its alias; joined to its site (`s`) by `site_id`. */
  from: { table: 'organizations' | 'volunteers'; as: string };
  where: RawBuilder<boolean>;
}

/**
 * The shape both rankings share: score = fit + nearness − 5 a piece of open work (at most
 * 30), the database orders by it (then id: the same answer every time) and cuts the list.
 */
async function rank<Row>(db: Kysely<DB>, target: Target, limit: number, r: Ranking): Promise<Row[]> {
  const result = await sql<Row>`
    SELECT ${r.columns}, ${nearPoints} AS near_points,
      (${r.fit}) + ${nearPoints} - LEAST(30, c.open * 5) AS score
    FROM (
      SELECT ${r.candidate}, ${target.regionCode}::text AS need_region, ${distanceKm(target, 's')} AS distance_km
      FROM ${sql.table(r.from.table)} AS ${sql.id(r.from.as)} JOIN sites s ON s.id = ${sql.ref(`${r.from.as}.site_id`)}
      WHERE ${r.where}
    ) c
    ORDER BY score DESC, c.id
    LIMIT ${limit}`.execute(db);
  return result.rows;
}

export interface TeamRow {
  id: number;
  name: string;
  category: string;
  region_code: string;
  member_count: number;
  skilled_members: number;
  distance_km: number | null;
  open: number;
  near_points: number;
  score: number;
}

/** Approved teams of the need's county, best first. */
export function rankTeams(db: Kysely<DB>, target: Target, limit: number) {
  return rank<TeamRow>(db, target, limit, {
    columns: sql`c.*`,
    fit: sql`(CASE WHEN c.category = ANY(${textArray(target.categories)}) THEN 40 ELSE 0 END)
      + LEAST(20, c.skilled_members * 10) + LEAST(10, c.member_count)`,
    candidate: sql`o.id, o.name, o.category, o.region_code, o.member_count,
      (SELECT count(*)::int FROM memberships m JOIN volunteers v ON v.id = m.volunteer_id
        WHERE m.organization_id = o.id AND m.status = 'active' AND cardinality(${skillHits(sql`v.skills`, target)}) > 0) AS skilled_members,
      ((SELECT count(*) FROM orders WHERE organization_id = o.id AND status IN ('dispatched', 'accepted'))
        + (SELECT count(*) FROM wishes WHERE claimer_organization_id = o.id AND status = 'claimed'))::int AS open`,
    from: { table: 'organizations', as: 'o' },
    where: sql`o.status = 'approved' AND o.region_code LIKE ${`${target.regionCode.slice(0, 6)}%`}`,
  });
}

export interface VolunteerRow {
  id: number;
  name: string;
  region_code: string;
  categories: string[];
  skills: string[];
  availability: string[];
  distance_km: number | null;
  open: number;
  near_points: number;
  score: number;
}

/** Active volunteers of the need's township, best first. */
export function rankVolunteers(db: Kysely<DB>, target: Target, limit: number) {
  const times = textArray(target.times);
  return rank<VolunteerRow>(db, target, limit, {
    columns: sql`c.id, c.name, c.region_code, c.distance_km, c.open, c.availability,
      ARRAY(SELECT x FROM unnest(c.categories) AS x WHERE x = ANY(${textArray(target.categories)}) ORDER BY x) AS categories,
      c.skill_hits AS skills`,
    fit: sql`(CASE WHEN c.categories && ${textArray(target.categories)} THEN 30 ELSE 0 END)
      + LEAST(30, cardinality(c.skill_hits) * 15)
      + (CASE WHEN cardinality(${times}) = 0 THEN (CASE WHEN 'anytime' = ANY(c.availability) THEN 5 ELSE 0 END)
          WHEN c.availability && ${times} OR 'anytime' = ANY(c.availability) THEN 15 ELSE 0 END)`,
    candidate: sql`v.id, v.name, v.region_code, v.categories, v.availability,
      ${skillHits(sql`v.skills`, target)} AS skill_hits,
      ((SELECT count(*) FROM wishes WHERE claimer_volunteer_id = v.id AND status = 'claimed')
        + (SELECT count(*) FROM care_recipients WHERE caretaker_id = v.id AND closed_at IS NULL))::int AS open`,
    from: { table: 'volunteers', as: 'v' },
    where: sql`v.status = 'active' AND v.region_code LIKE ${`${target.regionCode.slice(0, 9)}%`}`,
  });
}

export function siteCoordinates(db: Kysely<DB>, siteId: number) {
  return db.selectFrom('sites').select(['latitude', 'longitude']).where('id', '=', siteId).executeTakeFirst();
}
