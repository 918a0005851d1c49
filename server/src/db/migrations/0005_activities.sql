-- Projects and activities, sign-ups, attendance, the service-hour ledger, evaluations,
-- certificates, and the in-app inbox.

-- 品牌: managed data (邻里守望, 关心关爱一老一幼, 情暖辽宁·志愿有我...).
CREATE TABLE brands (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name        text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 50),
  description text,
  region_code varchar(12) NOT NULL REFERENCES regions (code),
  created_by  integer REFERENCES users (id),
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE projects (
  id              integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name            text NOT NULL CHECK (length(name) BETWEEN 2 AND 100),
  brand_id        integer REFERENCES brands (id),
  category        text NOT NULL,
  organization_id integer NOT NULL REFERENCES organizations (id),
  site_id         integer NOT NULL REFERENCES sites (id),
  region_code     varchar(12) NOT NULL REFERENCES regions (code),
  target_group    text,
  starts_on       date NOT NULL,
  ends_on         date NOT NULL,
  description     text,
  cover_url       text,
  status          text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'approved', 'rejected', 'running', 'closed')),
  reject_reason   text,
  reviewed_by     integer REFERENCES users (id),
  reviewed_at     timestamptz,
  created_by      integer REFERENCES users (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on >= starts_on)
);
CREATE INDEX projects_region_idx ON projects (region_code, id);
CREATE INDEX projects_organization_idx ON projects (organization_id);

CREATE TABLE activities (
  id                 integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  project_id         integer NOT NULL REFERENCES projects (id),
  title              text NOT NULL CHECK (length(title) BETWEEN 2 AND 100),
  description        text,
  category           text NOT NULL,
  site_id            integer NOT NULL REFERENCES sites (id),
  region_code        varchar(12) NOT NULL REFERENCES regions (code),
  address            text,
  longitude          double precision,
  latitude           double precision,
  checkin_radius_m   integer NOT NULL DEFAULT 300 CHECK (checkin_radius_m BETWEEN 20 AND 5000),
  starts_at          timestamptz NOT NULL,
  ends_at            timestamptz NOT NULL,
  recruit_from       timestamptz NOT NULL,
  recruit_until      timestamptz NOT NULL,
  quota              integer NOT NULL CHECK (quota BETWEEN 1 AND 100000),
  -- confirmed sign-ups, moved only by conditional updates so the quota holds under a rush
  confirmed_count    integer NOT NULL DEFAULT 0,
  waitlist_count     integer NOT NULL DEFAULT 0,
  requires_approval  boolean NOT NULL DEFAULT false,
  min_age            integer CHECK (min_age BETWEEN 0 AND 100),
  required_skills    text[] NOT NULL DEFAULT '{}',
  risk_flagged       boolean NOT NULL DEFAULT false,
  insurance_ref      text,
  -- afterwards: how many people were served (a performance's audience, a clinic's patients)
  people_served      integer CHECK (people_served >= 0),
  recurrence_id      text,
  status             text NOT NULL DEFAULT 'published' CHECK (status IN ('published', 'cancelled', 'finished')),
  cancel_reason      text,
  created_by         integer REFERENCES users (id),
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at),
  CHECK (recruit_until >= recruit_from),
  CHECK (confirmed_count BETWEEN 0 AND quota),
  CHECK (NOT risk_flagged OR insurance_ref IS NOT NULL),
  CHECK ((longitude IS NULL) = (latitude IS NULL))
);
CREATE INDEX activities_region_idx ON activities (region_code, starts_at);
CREATE INDEX activities_project_idx ON activities (project_id, starts_at);
CREATE INDEX activities_upcoming_idx ON activities (starts_at) WHERE status = 'published';

CREATE TABLE signups (
  activity_id  integer NOT NULL REFERENCES activities (id),
  volunteer_id integer NOT NULL REFERENCES volunteers (id),
  status       text NOT NULL CHECK (status IN ('pending', 'confirmed', 'waitlisted', 'cancelled', 'rejected')),
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (activity_id, volunteer_id)
);
CREATE INDEX signups_volunteer_idx ON signups (volunteer_id, created_at);
CREATE INDEX signups_waitlist_idx ON signups (activity_id, created_at) WHERE status = 'waitlisted';

CREATE TABLE attendance (
  activity_id       integer NOT NULL REFERENCES activities (id),
  volunteer_id      integer NOT NULL REFERENCES volunteers (id),
  check_in_at       timestamptz NOT NULL,
  check_in_method   text NOT NULL CHECK (check_in_method IN ('qr', 'location', 'roster')),
  check_out_at      timestamptz,
  check_out_method  text CHECK (check_out_method IN ('qr', 'location', 'roster', 'auto')),
  -- closed at the activity's end because the volunteer forgot: not counted until confirmed
  flagged           boolean NOT NULL DEFAULT false,
  confirmed_at      timestamptz,
  confirmed_by      integer REFERENCES users (id),
  PRIMARY KEY (activity_id, volunteer_id)
);

-- 志愿服务时长: append-only. A correction is a new entry with negative minutes that
-- reverses an earlier one; nothing is ever updated or deleted (triggers below).
CREATE TABLE service_hours (
  id              integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  volunteer_id    integer NOT NULL REFERENCES volunteers (id),
  -- what the hours were for: an activity, a delivered order or a fulfilled wish
  source          text NOT NULL CHECK (source IN ('activity', 'order', 'wish')),
  source_id       integer NOT NULL,
  -- the n-th entry for this (volunteer, source): the first is 1, a re-recording after a
  -- reversal is 2..., so the same service can never be recorded twice
  attempt         integer NOT NULL DEFAULT 1,
  project_id      integer REFERENCES projects (id),
  organization_id integer REFERENCES organizations (id),
  site_id         integer NOT NULL REFERENCES sites (id),
  region_code     varchar(12) NOT NULL REFERENCES regions (code),
  started_at      timestamptz NOT NULL,
  ended_at        timestamptz NOT NULL,
  minutes         integer NOT NULL,
  kind            text NOT NULL CHECK (kind IN ('service', 'reversal')),
  reverses_id     integer UNIQUE REFERENCES service_hours (id),
  reason          text,
  content         text,
  recorded_by     integer REFERENCES users (id),
  recorded_at     timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'reversal') = (reverses_id IS NOT NULL)),
  CHECK (kind = 'reversal' OR minutes >= 0),
  CHECK (kind = 'service' OR reason IS NOT NULL)
);
CREATE UNIQUE INDEX service_hours_once ON service_hours (volunteer_id, source, source_id, attempt) WHERE kind = 'service';
CREATE INDEX service_hours_volunteer_idx ON service_hours (volunteer_id, id);
CREATE INDEX service_hours_region_idx ON service_hours (region_code, started_at);

CREATE FUNCTION service_hours_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'service_hours is append-only: add a reversal entry instead' USING ERRCODE = 'P0001';
END;
$$;
CREATE TRIGGER service_hours_no_update BEFORE UPDATE OR DELETE ON service_hours
  FOR EACH ROW EXECUTE FUNCTION service_hours_append_only();

-- Each volunteer's totals, kept in the same transaction as every ledger entry
-- (volunteers.last_served_on too).
CREATE TABLE volunteer_hours (
  volunteer_id integer PRIMARY KEY REFERENCES volunteers (id),
  minutes      integer NOT NULL DEFAULT 0 CHECK (minutes >= 0),
  entries      integer NOT NULL DEFAULT 0
);

CREATE TABLE hour_disputes (
  id           integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entry_id     integer NOT NULL REFERENCES service_hours (id),
  volunteer_id integer NOT NULL REFERENCES volunteers (id),
  region_code  varchar(12) NOT NULL REFERENCES regions (code),
  claim        text NOT NULL,
  claimed_minutes integer CHECK (claimed_minutes >= 0),
  status       text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'corrected', 'rejected')),
  resolution   text,
  resolved_by  integer REFERENCES users (id),
  resolved_at  timestamptz,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX hour_disputes_open ON hour_disputes (entry_id) WHERE status = 'open';
CREATE INDEX hour_disputes_region_idx ON hour_disputes (region_code, id) WHERE status = 'open';

-- Evaluations: the volunteer rates the activity; the leader rates the volunteer's service.
CREATE TABLE evaluations (
  activity_id  integer NOT NULL REFERENCES activities (id),
  volunteer_id integer NOT NULL REFERENCES volunteers (id),
  direction    text NOT NULL CHECK (direction IN ('of_activity', 'of_volunteer')),
  score        smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
  comment      text,
  by_user      integer REFERENCES users (id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (activity_id, volunteer_id, direction)
);

-- 志愿服务证明 (民发〔2015〕149号): a snapshot of what was certified, verifiable by code.
CREATE TABLE certificates (
  id              integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code            text NOT NULL UNIQUE,
  volunteer_id    integer NOT NULL REFERENCES volunteers (id),
  organization_id integer REFERENCES organizations (id),
  issuer_site_id  integer NOT NULL REFERENCES sites (id),
  region_code     varchar(12) NOT NULL REFERENCES regions (code),
  minutes         integer NOT NULL,
  period_from     date,
  period_to       date,
  content         text NOT NULL,
  -- what the PDF says, frozen at issue: name, masked ID, volunteer number, issuer...
  snapshot        jsonb NOT NULL,
  issued_by       integer REFERENCES users (id),
  issued_at       timestamptz NOT NULL DEFAULT now(),
  revoked_at      timestamptz,
  revoke_reason   text
);
CREATE INDEX certificates_volunteer_idx ON certificates (volunteer_id);

-- The in-app inbox: every state change that concerns a person lands here.
CREATE TABLE notifications (
  id         integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id    integer NOT NULL REFERENCES users (id),
  kind       text NOT NULL,
  title      text NOT NULL,
  body       text NOT NULL,
  link       text,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at    timestamptz
);
CREATE INDEX notifications_user_idx ON notifications (user_id, id);
CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL;

-- Uploaded images (project covers, wish and visit photos), kept in the database like
-- every other piece of state, so any server process can serve them.
CREATE TABLE files (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  owner_id     integer NOT NULL REFERENCES users (id),
  content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
  size         integer NOT NULL CHECK (size > 0),
  sha256       text NOT NULL,
  bytes        bytea NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX files_owner_idx ON files (owner_id, created_at);
