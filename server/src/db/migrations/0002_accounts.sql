-- Accounts, scoped role grants, sessions and sign-in attempts.

CREATE TABLE users (
  id                   integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name                 text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
  -- the mobile number: keyed hash to find it, AES-256-GCM to read it, mask to show it
  phone_hash           text NOT NULL UNIQUE,
  phone_enc            text NOT NULL,
  phone_masked         text NOT NULL,
  password_hash        text NOT NULL,
  -- where the person lives or works; lists of people are scoped by it
  region_code          varchar(12) NOT NULL REFERENCES regions (code),
  status               text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  must_change_password boolean NOT NULL DEFAULT false,
  created_by           integer REFERENCES users (id),
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  password_changed_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX users_region_idx ON users (region_code, id);

-- A grant is (user, role, site). region_code repeats the site's code so scope checks and
-- scoped lists need no join.
CREATE TABLE grants (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id     integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role        text NOT NULL CHECK (role IN ('resident', 'volunteer', 'team_leader', 'station_admin',
                                            'institute_admin', 'center_admin', 'city_admin', 'province_admin')),
  site_id     integer NOT NULL REFERENCES sites (id),
  region_code varchar(12) NOT NULL REFERENCES regions (code),
  granted_by  integer REFERENCES users (id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (user_id, role, site_id)
);
CREATE INDEX grants_region_idx ON grants (region_code);
CREATE INDEX grants_site_idx ON grants (site_id);

-- The cookie carries a random token; only its SHA-256 is stored.
CREATE TABLE sessions (
  token_hash   text PRIMARY KEY,
  user_id      integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  ip           text,
  user_agent   text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expiry_idx ON sessions (expires_at);

-- Every sign-in attempt, kept for rate limiting and for the audit of sign-ins.
CREATE TABLE login_attempts (
  id         integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  phone_hash text NOT NULL,
  ip         text NOT NULL,
  user_id    integer REFERENCES users (id) ON DELETE SET NULL,
  succeeded  boolean NOT NULL,
  at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempts_phone_idx ON login_attempts (phone_hash, at);
CREATE INDEX login_attempts_ip_idx ON login_attempts (ip, at);

-- Settings that belong to the installation (the province it serves, seed markers).
CREATE TABLE settings (
  key        text PRIMARY KEY,
  value      jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
