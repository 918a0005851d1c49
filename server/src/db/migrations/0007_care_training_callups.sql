-- Pairing and assistance (结对帮扶), training (培训), emergency mobilization (应急动员).

-- A department or unit paired with the community it is responsible for (包保).
CREATE TABLE unit_pairs (
  id                     integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  unit_name              text NOT NULL CHECK (length(unit_name) BETWEEN 2 AND 100),
  unit_type              text NOT NULL CHECK (unit_type IN ('party_government', 'enterprise', 'institution', 'social')),
  site_id                integer NOT NULL REFERENCES sites (id),
  region_code            varchar(12) NOT NULL REFERENCES regions (code),
  unit_contact_name      text NOT NULL,
  unit_contact_phone_enc text,
  unit_contact_phone_masked text,
  community_contact_name text NOT NULL,
  community_contact_phone_enc text,
  community_contact_phone_masked text,
  started_on             date NOT NULL,
  ended_on               date,
  created_by             integer REFERENCES users (id),
  created_at             timestamptz NOT NULL DEFAULT now(),
  UNIQUE (unit_name, site_id)
);
CREATE INDEX unit_pairs_region_idx ON unit_pairs (region_code, id);

-- 帮扶小组: party members and other volunteers caring for the same residents over years.
CREATE TABLE care_groups (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name        text NOT NULL CHECK (length(name) BETWEEN 2 AND 100),
  site_id     integer NOT NULL REFERENCES sites (id),
  region_code varchar(12) NOT NULL REFERENCES regions (code),
  created_by  integer REFERENCES users (id),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX care_groups_region_idx ON care_groups (region_code, id);

CREATE TABLE care_group_members (
  group_id     integer NOT NULL REFERENCES care_groups (id),
  volunteer_id integer NOT NULL REFERENCES volunteers (id),
  joined_at    timestamptz NOT NULL DEFAULT now(),
  -- a member who left: their recipients need handing over
  left_at      timestamptz,
  PRIMARY KEY (group_id, volunteer_id)
);
CREATE INDEX care_group_members_volunteer_idx ON care_group_members (volunteer_id);

-- Care recipients: the most sensitive data in the system (children, health, disability).
-- Name, phone, address and needs are encrypted; lists show the masked name only.
CREATE TABLE care_recipients (
  id               integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  group_id         integer NOT NULL REFERENCES care_groups (id),
  kind             text NOT NULL CHECK (kind IN ('left_behind_child', 'elderly_alone', 'family_in_difficulty', 'disabled')),
  name_enc         text NOT NULL,
  name_masked      text NOT NULL,
  phone_enc        text,
  address_enc      text,
  needs_enc        text,
  -- how often someone must visit (the visit plan), in days
  visit_every_days integer NOT NULL CHECK (visit_every_days BETWEEN 1 AND 365),
  caretaker_id     integer REFERENCES volunteers (id),
  site_id          integer NOT NULL REFERENCES sites (id),
  region_code      varchar(12) NOT NULL REFERENCES regions (code),
  -- separate consent for sensitive data (PIPL Art 28-29), from the person or their guardian
  consent_at       timestamptz NOT NULL,
  closed_at        timestamptz,
  created_by       integer REFERENCES users (id),
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX care_recipients_group_idx ON care_recipients (group_id);
CREATE INDEX care_recipients_region_idx ON care_recipients (region_code, id);

CREATE TABLE care_visits (
  id           integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  recipient_id integer NOT NULL REFERENCES care_recipients (id),
  volunteer_id integer NOT NULL REFERENCES volunteers (id),
  visited_on   date NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('home', 'phone', 'accompany', 'other')),
  summary_enc  text NOT NULL,
  photos       uuid[] NOT NULL DEFAULT '{}',
  follow_up    text,
  -- the phone's own id for a visit typed offline: a resend after reconnecting adds nothing
  client_id    text NOT NULL UNIQUE,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX care_visits_recipient_idx ON care_visits (recipient_id, visited_on);

-- Training: lecturers, courses (online with a quiz, or offline sessions), records and
-- the qualifications courses grant (which activities can require).
CREATE TABLE lecturers (
  id           integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name         text NOT NULL,
  title        text,
  expertise    text[] NOT NULL DEFAULT '{}',
  phone_enc    text,
  phone_masked text,
  region_code  varchar(12) NOT NULL REFERENCES regions (code),
  created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE courses (
  id                   integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  title                text NOT NULL CHECK (length(title) BETWEEN 2 AND 100),
  description          text,
  mode                 text NOT NULL CHECK (mode IN ('online', 'offline')),
  category             text NOT NULL,
  materials            jsonb NOT NULL DEFAULT '[]',
  -- [{question, options: [...], answer: index}]; answers never leave the server
  quiz                 jsonb NOT NULL DEFAULT '[]',
  pass_mark            integer NOT NULL DEFAULT 60 CHECK (pass_mark BETWEEN 0 AND 100),
  grants_qualification text,
  site_id              integer NOT NULL REFERENCES sites (id),
  region_code          varchar(12) NOT NULL REFERENCES regions (code),
  status               text NOT NULL DEFAULT 'published' CHECK (status IN ('draft', 'published', 'archived')),
  created_by           integer REFERENCES users (id),
  created_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX courses_region_idx ON courses (region_code, id);

CREATE TABLE course_sessions (
  id             integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  course_id      integer NOT NULL REFERENCES courses (id),
  site_id        integer NOT NULL REFERENCES sites (id),
  region_code    varchar(12) NOT NULL REFERENCES regions (code),
  lecturer_id    integer REFERENCES lecturers (id),
  starts_at      timestamptz NOT NULL,
  ends_at        timestamptz NOT NULL,
  capacity       integer NOT NULL CHECK (capacity > 0),
  enrolled_count integer NOT NULL DEFAULT 0,
  created_at     timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at),
  CHECK (enrolled_count BETWEEN 0 AND capacity)
);
CREATE INDEX course_sessions_region_idx ON course_sessions (region_code, starts_at);

CREATE TABLE session_enrollments (
  session_id   integer NOT NULL REFERENCES course_sessions (id),
  volunteer_id integer NOT NULL REFERENCES volunteers (id),
  enrolled_at  timestamptz NOT NULL DEFAULT now(),
  attended_at  timestamptz,
  PRIMARY KEY (session_id, volunteer_id)
);

CREATE TABLE quiz_attempts (
  id           integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  course_id    integer NOT NULL REFERENCES courses (id),
  volunteer_id integer NOT NULL REFERENCES volunteers (id),
  score        integer NOT NULL,
  passed       boolean NOT NULL,
  at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX quiz_attempts_volunteer_idx ON quiz_attempts (volunteer_id, course_id);

-- One record per completed course (a passed quiz or an attended session).
CREATE TABLE training_records (
  volunteer_id integer NOT NULL REFERENCES volunteers (id),
  course_id    integer NOT NULL REFERENCES courses (id),
  session_id   integer REFERENCES course_sessions (id),
  score        integer,
  region_code  varchar(12) NOT NULL REFERENCES regions (code),
  completed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (volunteer_id, course_id)
);
CREATE INDEX training_records_region_idx ON training_records (region_code, completed_at);

CREATE TABLE volunteer_qualifications (
  volunteer_id  integer NOT NULL REFERENCES volunteers (id),
  qualification text NOT NULL,
  course_id     integer REFERENCES courses (id),
  earned_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (volunteer_id, qualification)
);

ALTER TABLE activities ADD COLUMN required_qualification text;

-- Emergency mobilization (平急结合): a call-up fanned out to matching volunteers in
-- batches, answered, and assigned to posts that never overfill.
CREATE TABLE callups (
  id             integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  title          text NOT NULL CHECK (length(title) BETWEEN 2 AND 100),
  description    text,
  area_prefix    text NOT NULL CHECK (area_prefix ~ '^[0-9]{2,12}$'),
  region_code    varchar(12) NOT NULL REFERENCES regions (code),
  categories     text[] NOT NULL DEFAULT '{}',
  skills         text[] NOT NULL DEFAULT '{}',
  headcount      integer NOT NULL CHECK (headcount > 0),
  reserve_only   boolean NOT NULL DEFAULT true,
  send_sms       boolean NOT NULL DEFAULT false,
  status         text NOT NULL DEFAULT 'fanning_out' CHECK (status IN ('fanning_out', 'open', 'stood_down')),
  -- fan-out progress: the last (region_code, volunteer id) reached, and how many were told
  fanout_region  varchar(12) NOT NULL DEFAULT '',
  fanout_id      integer NOT NULL DEFAULT 0,
  notified       integer NOT NULL DEFAULT 0,
  accepted       integer NOT NULL DEFAULT 0,
  declined       integer NOT NULL DEFAULT 0,
  created_by     integer REFERENCES users (id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  stood_down_at  timestamptz
);
CREATE INDEX callups_fanout_idx ON callups (id) WHERE status = 'fanning_out';

CREATE TABLE callup_posts (
  id        integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  callup_id integer NOT NULL REFERENCES callups (id),
  name      text NOT NULL,
  site_id   integer REFERENCES sites (id),
  address   text,
  capacity  integer NOT NULL CHECK (capacity > 0),
  assigned  integer NOT NULL DEFAULT 0,
  CHECK (assigned BETWEEN 0 AND capacity)
);
CREATE INDEX callup_posts_callup_idx ON callup_posts (callup_id);

CREATE TABLE callup_responses (
  callup_id    integer NOT NULL REFERENCES callups (id),
  volunteer_id integer NOT NULL REFERENCES volunteers (id),
  status       text NOT NULL CHECK (status IN ('accepted', 'declined')),
  post_id      integer REFERENCES callup_posts (id),
  responded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (callup_id, volunteer_id)
);
CREATE INDEX callup_responses_post_idx ON callup_responses (post_id);
