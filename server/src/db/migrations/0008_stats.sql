-- Statistics that stay instant at province scale. Every write to a counted table records,
-- in its own transaction, the changes it makes to the counts (stats_events, by triggers:
-- no write path can forget); a background task folds those events into stats_counters at
-- every level of the region tree within seconds. Each table's contribution is defined
-- once, by stats_of(row): the triggers apply it to the rows changed, the rebuild to all.

-- Facts the counts need that the workflows did not keep.
ALTER TABLE orders ADD COLUMN delivered_on_time boolean;
ALTER TABLE care_recipients ADD COLUMN last_visit_on date;
ALTER TABLE care_recipients ADD COLUMN due_on date;
UPDATE care_recipients r SET last_visit_on = (SELECT max(visited_on) FROM care_visits v WHERE v.recipient_id = r.id);
UPDATE care_recipients SET due_on = coalesce(last_visit_on, (created_at AT TIME ZONE 'Asia/Shanghai')::date) + visit_every_days;

CREATE TYPE stats_row AS (region_code varchar(12), metric text, key text, day date, value bigint);

-- Flows are dated (day); stocks carry the day 1970-01-01 and a key (a category, a state,
-- the month a volunteer last served). The index serves "this figure for every child".
CREATE TABLE stats_counters (
  prefix text NOT NULL,
  metric text NOT NULL,
  key    text NOT NULL,
  day    date NOT NULL,
  value  bigint NOT NULL,
  PRIMARY KEY (prefix, metric, day, key)
);
CREATE INDEX stats_counters_by_level ON stats_counters (metric, (length(prefix)), prefix, day);

CREATE TABLE stats_events (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  region_code varchar(12) NOT NULL,
  metric      text NOT NULL,
  key         text NOT NULL,
  day         date NOT NULL,
  delta       bigint NOT NULL
);

CREATE FUNCTION china_day(at timestamptz) RETURNS date LANGUAGE sql IMMUTABLE AS $$ SELECT (at AT TIME ZONE 'Asia/Shanghai')::date $$;

CREATE FUNCTION stats_of(v volunteers) RETURNS SETOF stats_row LANGUAGE sql STABLE AS $$
  SELECT v.region_code, 'volunteers', coalesce(to_char(v.last_served_on, 'YYYY-MM'), 'never'), DATE '1970-01-01', 1::bigint WHERE v.status = 'active'
  UNION ALL SELECT v.region_code, 'registrations', '', china_day(v.created_at), 1 WHERE v.status = 'active'
$$;

CREATE FUNCTION stats_of(o organizations) RETURNS SETOF stats_row LANGUAGE sql STABLE AS $$
  SELECT o.region_code, 'organizations', o.category, DATE '1970-01-01', 1::bigint WHERE o.status = 'approved'
  UNION ALL SELECT o.region_code, 'organization_size',
    CASE WHEN o.member_count >= 100 THEN '100+' WHEN o.member_count >= 30 THEN '30-99' WHEN o.member_count >= 10 THEN '10-29' ELSE '1-9' END,
    DATE '1970-01-01', 1 WHERE o.status = 'approved'
$$;

CREATE FUNCTION stats_of(p projects) RETURNS SETOF stats_row LANGUAGE sql STABLE AS $$
  SELECT p.region_code, 'projects', p.status, DATE '1970-01-01', 1::bigint
$$;

CREATE FUNCTION stats_of(a activities) RETURNS SETOF stats_row LANGUAGE sql STABLE AS $$
  SELECT a.region_code, 'activities', '', china_day(a.starts_at), 1::bigint WHERE a.status <> 'cancelled'
  UNION ALL SELECT a.region_code, 'people_served', '', china_day(a.starts_at), a.people_served WHERE a.status <> 'cancelled' AND a.people_served > 0
$$;

CREATE FUNCTION stats_of(h service_hours) RETURNS SETOF stats_row LANGUAGE sql STABLE AS $$
  SELECT h.region_code, 'service_minutes', '', china_day(h.started_at), h.minutes::bigint
  UNION ALL SELECT h.region_code, 'service_records', '', china_day(h.started_at), CASE h.kind WHEN 'service' THEN 1 ELSE -1 END
$$;

CREATE FUNCTION stats_of(w wishes) RETURNS SETOF stats_row LANGUAGE sql STABLE AS $$
  SELECT w.region_code, 'wishes', w.status, DATE '1970-01-01', 1::bigint
  UNION ALL SELECT w.region_code, 'wishes_collected', '', china_day(w.created_at), 1 WHERE w.status IN ('published', 'claimed', 'fulfilled', 'confirmed')
  UNION ALL SELECT w.region_code, 'wishes_fulfilled', '', china_day(w.fulfilled_at), 1 WHERE w.status IN ('fulfilled', 'confirmed')
$$;

CREATE FUNCTION stats_of(o orders) RETURNS SETOF stats_row LANGUAGE sql STABLE AS $$
  SELECT o.region_code, 'orders', o.status, DATE '1970-01-01', 1::bigint
  UNION ALL SELECT o.region_code, 'orders_delivered', '', china_day(o.delivered_at), 1 WHERE o.status IN ('delivered', 'rated')
  UNION ALL SELECT o.region_code, 'orders_on_time', '', china_day(o.delivered_at), 1 WHERE o.status IN ('delivered', 'rated') AND o.delivered_on_time
  UNION ALL SELECT o.region_code, 'order_ratings', '', china_day(o.rated_at), 1 WHERE o.rating IS NOT NULL
  UNION ALL SELECT o.region_code, 'order_rating_sum', '', china_day(o.rated_at), o.rating WHERE o.rating IS NOT NULL
$$;

CREATE FUNCTION stats_of(s course_sessions) RETURNS SETOF stats_row LANGUAGE sql STABLE AS $$
  SELECT s.region_code, 'training_sessions', '', china_day(s.starts_at), 1::bigint
$$;

CREATE FUNCTION stats_of(t training_records) RETURNS SETOF stats_row LANGUAGE sql STABLE AS $$
  SELECT t.region_code, 'trained', '', china_day(t.completed_at), 1::bigint
$$;

-- Recipients by the day their next visit falls due: covered on a day = due on or after it.
CREATE FUNCTION stats_of(r care_recipients) RETURNS SETOF stats_row LANGUAGE sql STABLE AS $$
  SELECT r.region_code, 'care_recipients', to_char(r.due_on, 'YYYY-MM-DD'), DATE '1970-01-01', 1::bigint WHERE r.closed_at IS NULL
$$;

CREATE FUNCTION stats_of(c callups) RETURNS SETOF stats_row LANGUAGE sql STABLE AS $$
  SELECT c.region_code, 'callup_responders', '', china_day(c.created_at), c.accepted::bigint WHERE c.accepted > 0
$$;

-- The change a statement made to the counts: what its new rows count, less what its old
-- rows counted, netted per (region, metric, key, day).
CREATE FUNCTION stats_capture() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE format('INSERT INTO stats_events (region_code, metric, key, day, delta)
      SELECT s.region_code, s.metric, s.key, s.day, sum(s.value) FROM new_rows n, LATERAL stats_of(n::%1$I) s
      GROUP BY 1, 2, 3, 4 HAVING sum(s.value) <> 0', TG_TABLE_NAME);
  ELSIF TG_OP = 'UPDATE' THEN
    EXECUTE format('INSERT INTO stats_events (region_code, metric, key, day, delta)
      SELECT region_code, metric, key, day, sum(value) FROM (
        SELECT s.region_code, s.metric, s.key, s.day, s.value FROM new_rows n, LATERAL stats_of(n::%1$I) s
        UNION ALL
        SELECT s.region_code, s.metric, s.key, s.day, -s.value FROM old_rows o, LATERAL stats_of(o::%1$I) s
      ) d GROUP BY 1, 2, 3, 4 HAVING sum(value) <> 0', TG_TABLE_NAME);
  ELSE
    EXECUTE format('INSERT INTO stats_events (region_code, metric, key, day, delta)
      SELECT s.region_code, s.metric, s.key, s.day, -sum(s.value) FROM old_rows o, LATERAL stats_of(o::%1$I) s
      GROUP BY 1, 2, 3, 4 HAVING sum(s.value) <> 0', TG_TABLE_NAME);
  END IF;
  RETURN NULL;
END;
$$;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['volunteers', 'organizations', 'projects', 'activities', 'service_hours', 'wishes', 'orders',
                           'course_sessions', 'training_records', 'care_recipients', 'callups'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_capture()', t || '_stats_insert', t);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_capture()', t || '_stats_update', t);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_capture()', t || '_stats_delete', t);
  END LOOP;
END;
$$;

-- Days are kept down to the county; townships and villages count by month (the 1st), so
-- sixteen thousand villages do not each keep a row per day.
CREATE FUNCTION stats_grain(prefix text, day date) RETURNS date LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN length(prefix) > 6 THEN date_trunc('month', day)::date ELSE day END
$$;

-- The prefixes a region code counts under: its own level and every level above it.
CREATE FUNCTION stats_prefixes(code varchar) RETURNS SETOF text LANGUAGE sql IMMUTABLE AS $$
  SELECT left(code, n) FROM unnest(ARRAY[2, 4, 6, 9, 12]) AS n
  WHERE n <= CASE WHEN code LIKE '__0000000000' THEN 2 WHEN code LIKE '____00000000' THEN 4
                  WHEN code LIKE '______000000' THEN 6 WHEN code LIKE '_________000' THEN 9 ELSE 12 END
$$;

-- Everything every counted table contributes, from scratch: for the rebuild and its check.
-- (In FROM, so each row's function runs once and can be inlined.)
CREATE FUNCTION stats_all() RETURNS SETOF stats_row LANGUAGE sql STABLE AS $$
  SELECT s.* FROM volunteers x, LATERAL stats_of(x) s UNION ALL SELECT s.* FROM organizations x, LATERAL stats_of(x) s
  UNION ALL SELECT s.* FROM projects x, LATERAL stats_of(x) s UNION ALL SELECT s.* FROM activities x, LATERAL stats_of(x) s
  UNION ALL SELECT s.* FROM service_hours x, LATERAL stats_of(x) s UNION ALL SELECT s.* FROM wishes x, LATERAL stats_of(x) s
  UNION ALL SELECT s.* FROM orders x, LATERAL stats_of(x) s UNION ALL SELECT s.* FROM course_sessions x, LATERAL stats_of(x) s
  UNION ALL SELECT s.* FROM training_records x, LATERAL stats_of(x) s UNION ALL SELECT s.* FROM care_recipients x, LATERAL stats_of(x) s
  UNION ALL SELECT s.* FROM callups x, LATERAL stats_of(x) s
$$;

-- The counters as they should be: every contribution at every level it counts under.
-- Summed per county and day for the levels counted by day, and per place and month for
-- townships and villages, before being spread over the levels.
CREATE VIEW stats_expected AS
  WITH contributions AS (SELECT * FROM stats_all()),
  by_day AS (
    SELECT rpad(left(region_code, 6), 12, '0') AS code, metric, key, day, sum(value) AS value FROM contributions GROUP BY 1, 2, 3, 4
  ),
  by_month AS (
    SELECT region_code AS code, metric, key, date_trunc('month', day)::date AS day, sum(value) AS value
    FROM contributions WHERE region_code NOT LIKE '______000000' GROUP BY 1, 2, 3, 4
  )
  SELECT prefix, metric, key, day, sum(value)::bigint AS value FROM (
    SELECT p AS prefix, metric, key, day, value FROM by_day, LATERAL stats_prefixes(code) p WHERE length(p) <= 6
    UNION ALL
    SELECT p, metric, key, day, value FROM by_month, LATERAL stats_prefixes(code) p WHERE length(p) > 6
  ) spread
  GROUP BY 1, 2, 3, 4 HAVING sum(value) <> 0;

-- Counts so far, from the data already here.
INSERT INTO stats_counters (prefix, metric, key, day, value) SELECT prefix, metric, key, day, value FROM stats_expected;
