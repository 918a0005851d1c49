-- Real-name volunteers, volunteer organizations and their members, and the audit log.

-- The public volunteer number (志愿者编号): province code + 9-digit sequence, never the ID number.
CREATE SEQUENCE volunteer_no_seq;

CREATE TABLE volunteers (
  id                  integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  volunteer_no        text NOT NULL UNIQUE,
  -- the login account; null for people entered by staff or imported who have not signed up
  user_id             integer UNIQUE REFERENCES users (id),
  name                text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
  name_initials       text NOT NULL,
  -- resident ID number: one volunteer per number in the province
  id_hash             text NOT NULL UNIQUE,
  id_enc              text NOT NULL,
  id_masked           text NOT NULL,
  birth_date          date NOT NULL,
  sex                 char(1) NOT NULL CHECK (sex IN ('M', 'F')),
  phone_hash          text NOT NULL,
  phone_enc           text NOT NULL,
  phone_masked        text NOT NULL,
  -- last four digits, shown in the mask anyway, for "search by phone suffix"
  phone_tail          varchar(4) NOT NULL,
  site_id             integer NOT NULL REFERENCES sites (id),
  region_code         varchar(12) NOT NULL REFERENCES regions (code),
  categories          text[] NOT NULL DEFAULT '{}',
  skills              text[] NOT NULL DEFAULT '{}',
  availability        text[] NOT NULL DEFAULT '{}',
  party_member        boolean NOT NULL DEFAULT false,
  emergency_reserve   boolean NOT NULL DEFAULT false,
  -- minors (under 18): guardian consent recorded before any processing
  guardian_name       text,
  guardian_phone_enc  text,
  guardian_phone_masked text,
  guardian_consent_at timestamptz,
  consent_at          timestamptz NOT NULL,
  status              text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'active', 'rejected', 'suspended')),
  reject_reason       text,
  reviewed_by         integer REFERENCES users (id),
  reviewed_at         timestamptz,
  source              text NOT NULL CHECK (source IN ('self', 'staff', 'import')),
  -- the last day with a service record; kept by the service-hour ledger (null: never served)
  last_served_on      date,
  created_by          integer REFERENCES users (id),
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  CHECK (guardian_consent_at IS NOT NULL OR birth_date <= (consent_at AT TIME ZONE 'Asia/Shanghai')::date - interval '18 years')
);
-- Lists are keyset-paged in (region_code, id) order inside a subtree.
CREATE INDEX volunteers_region_idx ON volunteers (region_code, id);
CREATE INDEX volunteers_name_idx ON volunteers (name text_pattern_ops);
CREATE INDEX volunteers_initials_idx ON volunteers (name_initials text_pattern_ops);
CREATE INDEX volunteers_phone_tail_idx ON volunteers (phone_tail);
CREATE INDEX volunteers_phone_hash_idx ON volunteers (phone_hash);
CREATE INDEX volunteers_pending_idx ON volunteers (region_code, id) WHERE status = 'pending';

CREATE TABLE organizations (
  id                 integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name               text NOT NULL CHECK (length(name) BETWEEN 2 AND 100),
  name_initials      text NOT NULL,
  -- one of the eight kinds of teams in DOMAIN.md, or 'custom' with its own name
  category           text NOT NULL,
  custom_category    text,
  site_id            integer NOT NULL REFERENCES sites (id),
  region_code        varchar(12) NOT NULL REFERENCES regions (code),
  -- 总队/支队/小队: a team may sit inside a larger organization
  parent_id          integer REFERENCES organizations (id),
  sponsor_type       text CHECK (sponsor_type IN ('party_government', 'enterprise', 'institution', 'social')),
  sponsor_name       text,
  leader_volunteer_id integer REFERENCES volunteers (id),
  contact_name       text,
  contact_phone_enc  text,
  contact_phone_masked text,
  description        text,
  status             text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'dissolved')),
  reject_reason      text,
  reviewed_by        integer REFERENCES users (id),
  reviewed_at        timestamptz,
  -- active members, kept in the same transaction as every membership change
  member_count       integer NOT NULL DEFAULT 0 CHECK (member_count >= 0),
  source             text NOT NULL DEFAULT 'staff' CHECK (source IN ('staff', 'import')),
  created_by         integer REFERENCES users (id),
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  CHECK ((category = 'custom') = (custom_category IS NOT NULL))
);
-- Names are unique per home site: importing the same file twice adds nothing.
CREATE UNIQUE INDEX organizations_site_name ON organizations (site_id, name);
CREATE INDEX organizations_region_idx ON organizations (region_code, id);
CREATE INDEX organizations_name_idx ON organizations (name text_pattern_ops);
CREATE INDEX organizations_initials_idx ON organizations (name_initials text_pattern_ops);

CREATE TABLE memberships (
  organization_id integer NOT NULL REFERENCES organizations (id),
  volunteer_id    integer NOT NULL REFERENCES volunteers (id),
  status          text NOT NULL CHECK (status IN ('pending', 'active', 'left', 'removed', 'declined')),
  requested_at    timestamptz NOT NULL DEFAULT now(),
  decided_at      timestamptz,
  decided_by      integer REFERENCES users (id),
  PRIMARY KEY (organization_id, volunteer_id)
);
CREATE INDEX memberships_volunteer_idx ON memberships (volunteer_id);

-- Who did what to whose personal data, and sign-ins, permission changes, corrections.
-- Each entry is chained to the previous one by hash, so an edited or deleted entry shows.
CREATE TABLE audit_log (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT now(),
  actor_id    integer REFERENCES users (id),
  action      text NOT NULL,
  subject     text NOT NULL,
  region_code varchar(12),
  reason      text,
  details     jsonb NOT NULL DEFAULT '{}',
  prev_hash   text NOT NULL,
  hash        text NOT NULL UNIQUE
);
CREATE INDEX audit_log_region_idx ON audit_log (region_code, id);
CREATE INDEX audit_log_subject_idx ON audit_log (subject, id);

-- Idempotency keys of retried requests: the first answer is stored and replayed.
CREATE TABLE idempotency_keys (
  user_key    text NOT NULL,
  key         text NOT NULL,
  route       text NOT NULL,
  status      integer,
  response    jsonb,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_key, key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
