-- The practice network: real administrative divisions and the practice sites on them.

-- GB/T 2260 statistical divisions, codes padded to 12 digits
-- (province 2, city 2, county 2, township 3, village/community 3).
CREATE TABLE regions (
  code        varchar(12) PRIMARY KEY CHECK (code ~ '^[0-9]{12}$'),
  parent_code varchar(12) REFERENCES regions (code),
  -- 1 province, 2 city, 3 county, 4 township, 5 village/community
  level       smallint NOT NULL CHECK (level BETWEEN 1 AND 5),
  name        text NOT NULL,
  -- lowercase pinyin initials of the name, for search (沈阳市 -> sys)
  initials    text NOT NULL
);
CREATE INDEX regions_parent_idx ON regions (parent_code, code);
CREATE INDEX regions_initials_idx ON regions (initials text_pattern_ops);
CREATE INDEX regions_name_idx ON regions (name text_pattern_ops);

-- Practice sites. province and city are the guidance centers staff of those levels are
-- granted on; center (county), institute (township) and station (village/community) sit
-- one per division; points (family workshop, square, library...) are added by staff.
CREATE TABLE sites (
  id           integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind         text NOT NULL CHECK (kind IN ('province', 'city', 'center', 'institute', 'station', 'point')),
  region_code  varchar(12) NOT NULL REFERENCES regions (code),
  parent_id    integer REFERENCES sites (id),
  name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  point_type   text,
  address      text,
  longitude    double precision CHECK (longitude BETWEEN -180 AND 180),
  latitude     double precision CHECK (latitude BETWEEN -90 AND 90),
  contact_name text,
  contact_tel  text,
  description  text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  deleted_at   timestamptz,
  CHECK ((kind = 'point') = (point_type IS NOT NULL)),
  CHECK ((kind = 'province') = (parent_id IS NULL))
);
-- One center per county, one institute per township, one station per village.
CREATE UNIQUE INDEX sites_one_per_region ON sites (region_code, kind) WHERE kind <> 'point';
CREATE INDEX sites_parent_idx ON sites (parent_id, kind, id);
CREATE INDEX sites_region_idx ON sites (region_code, id);
