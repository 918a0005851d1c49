-- Micro-wishes and their campaigns; the service menu and orders; the events of both.

-- 百万志愿者圆百万微心愿: wishes grouped, counted live in the same transactions.
CREATE TABLE campaigns (
  id                  integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name                text NOT NULL UNIQUE CHECK (length(name) BETWEEN 2 AND 100),
  description         text,
  region_code         varchar(12) NOT NULL REFERENCES regions (code),
  starts_on           date NOT NULL,
  ends_on             date NOT NULL,
  -- local practice (DOMAIN.md): a value cap per wish and one open wish per family
  value_cap_yuan      integer CHECK (value_cap_yuan > 0),
  one_open_per_family boolean NOT NULL DEFAULT false,
  collected           integer NOT NULL DEFAULT 0,
  fulfilled           integer NOT NULL DEFAULT 0,
  created_by          integer REFERENCES users (id),
  created_at          timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on >= starts_on)
);

CREATE TABLE wishes (
  id                       integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  campaign_id              integer REFERENCES campaigns (id),
  title                    text NOT NULL CHECK (length(title) BETWEEN 2 AND 60),
  story                    text NOT NULL,
  category                 text NOT NULL CHECK (category IN ('study', 'daily', 'company', 'health', 'repair', 'other')),
  beneficiary_group        text NOT NULL CHECK (beneficiary_group IN ('elderly_alone', 'left_behind_child', 'disabled', 'family_in_difficulty', 'other')),
  -- the person the wish is for: sensitive (DOMAIN.md), shown masked except to those serving them
  beneficiary_name_enc     text NOT NULL,
  beneficiary_name_masked  text NOT NULL,
  -- keyed hash of name + site, to point out likely duplicates without reading names
  beneficiary_key          text NOT NULL,
  beneficiary_phone_enc    text,
  beneficiary_phone_masked text,
  estimated_value_yuan     integer CHECK (estimated_value_yuan >= 0),
  site_id                  integer NOT NULL REFERENCES sites (id),
  region_code              varchar(12) NOT NULL REFERENCES regions (code),
  posted_by                integer NOT NULL REFERENCES users (id),
  on_behalf                boolean NOT NULL DEFAULT false,
  status                   text NOT NULL DEFAULT 'submitted'
    CHECK (status IN ('submitted', 'rejected', 'merged', 'published', 'claimed', 'fulfilled', 'confirmed', 'withdrawn')),
  reject_reason            text,
  merged_into_id           integer REFERENCES wishes (id),
  reviewed_by              integer REFERENCES users (id),
  reviewed_at              timestamptz,
  claimer_volunteer_id     integer REFERENCES volunteers (id),
  claimer_organization_id  integer REFERENCES organizations (id),
  claimer_unit             text,
  claimed_by               integer REFERENCES users (id),
  claimed_at               timestamptz,
  claim_deadline           timestamptz,
  fulfil_note              text,
  fulfil_photos            uuid[] NOT NULL DEFAULT '{}',
  fulfilled_at             timestamptz,
  confirmed_at             timestamptz,
  confirmed_by             integer REFERENCES users (id),
  -- an overdue claim the station must look at (or was released back to the wall)
  overdue_at               timestamptz,
  created_at               timestamptz NOT NULL DEFAULT now(),
  updated_at               timestamptz NOT NULL DEFAULT now(),
  CHECK (status <> 'rejected' OR reject_reason IS NOT NULL)
);
CREATE INDEX wishes_region_idx ON wishes (region_code, id);
CREATE INDEX wishes_wall_idx ON wishes (region_code, id) WHERE status = 'published';
CREATE INDEX wishes_beneficiary_idx ON wishes (beneficiary_key);
CREATE INDEX wishes_campaign_idx ON wishes (campaign_id, status);
CREATE INDEX wishes_claim_deadline_idx ON wishes (claim_deadline) WHERE status = 'claimed';

-- 制单: what the network's teams offer residents, reviewed by the level above.
CREATE TABLE menu_items (
  id              integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  site_id         integer NOT NULL REFERENCES sites (id),
  region_code     varchar(12) NOT NULL REFERENCES regions (code),
  organization_id integer NOT NULL REFERENCES organizations (id),
  title           text NOT NULL CHECK (length(title) BETWEEN 2 AND 60),
  category        text NOT NULL,
  description     text,
  place           text,
  schedule        text,
  capacity        integer CHECK (capacity > 0),
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'retired')),
  reject_reason   text,
  reviewed_by     integer REFERENCES users (id),
  reviewed_at     timestamptz,
  created_by      integer REFERENCES users (id),
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX menu_items_region_idx ON menu_items (region_code, id);

-- 点单 → 派单 → 接单/抢单 → 送单 → 评单.
CREATE TABLE orders (
  id                  integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  menu_item_id        integer REFERENCES menu_items (id),
  title               text NOT NULL CHECK (length(title) BETWEEN 2 AND 60),
  details             text,
  category            text NOT NULL,
  resident_id         integer NOT NULL REFERENCES users (id),
  contact_phone_enc   text,
  contact_phone_masked text,
  address             text,
  -- the resident's own site, and the site whose staff handle the order now
  site_id             integer NOT NULL REFERENCES sites (id),
  region_code         varchar(12) NOT NULL REFERENCES regions (code),
  handler_site_id     integer NOT NULL REFERENCES sites (id),
  handler_region_code varchar(12) NOT NULL REFERENCES regions (code),
  status              text NOT NULL DEFAULT 'ordered'
    CHECK (status IN ('ordered', 'triaged', 'dispatched', 'accepted', 'delivered', 'rated', 'cancelled')),
  organization_id     integer REFERENCES organizations (id),
  open_for_grab       boolean NOT NULL DEFAULT false,
  -- every state has a deadline; past it the order escalates to the level above
  deadline            timestamptz,
  escalations         integer NOT NULL DEFAULT 0,
  overdue             boolean NOT NULL DEFAULT false,
  decline_reason      text,
  delivery_report     text,
  delivery_photos     uuid[] NOT NULL DEFAULT '{}',
  delivered_at        timestamptz,
  rating              smallint CHECK (rating BETWEEN 1 AND 5),
  rating_comment      text,
  rated_at            timestamptz,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX orders_handler_idx ON orders (handler_region_code, status, id);
CREATE INDEX orders_region_idx ON orders (region_code, id);
CREATE INDEX orders_resident_idx ON orders (resident_id, id);
CREATE INDEX orders_deadline_idx ON orders (deadline) WHERE status IN ('ordered', 'triaged', 'dispatched', 'accepted');
CREATE INDEX orders_open_idx ON orders (handler_region_code, id) WHERE open_for_grab AND status = 'dispatched';

-- Every state change of a wish or an order, with who and why: the timeline people see.
CREATE TABLE workflow_events (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  subject     text NOT NULL CHECK (subject IN ('wish', 'order')),
  subject_id  integer NOT NULL,
  from_status text,
  to_status   text NOT NULL,
  actor_id    integer REFERENCES users (id),
  note        text,
  at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX workflow_events_subject_idx ON workflow_events (subject, subject_id, id);

-- Uploads: the bytes live in the database or on the filesystem (LIANXIN_FILE_STORAGE);
-- photos are kept resized for phones, with a thumbnail.
ALTER TABLE files ADD COLUMN storage text NOT NULL DEFAULT 'database' CHECK (storage IN ('database', 'filesystem'));
ALTER TABLE files ADD COLUMN thumb bytea;
ALTER TABLE files ALTER COLUMN bytes DROP NOT NULL;
