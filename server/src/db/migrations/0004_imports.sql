-- Imports of volunteers and organizations from .xlsx/.csv files. The server is stateless:
-- the job, its file and its progress live here, so any process can pick a job up, and a
-- job interrupted by a restart resumes where its last committed batch ended.

CREATE TABLE import_jobs (
  id            integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind          text NOT NULL CHECK (kind IN ('volunteers', 'organizations')),
  filename      text NOT NULL,
  format        text NOT NULL CHECK (format IN ('xlsx', 'csv')),
  sha256        text NOT NULL,
  size_bytes    bigint NOT NULL,
  -- the header row as found in the file, for the error report
  headers       jsonb NOT NULL DEFAULT '[]',
  status        text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  -- data rows in the file (null until counted), rows finished, and what became of them
  total         integer,
  processed     integer NOT NULL DEFAULT 0,
  inserted      integer NOT NULL DEFAULT 0,
  skipped       integer NOT NULL DEFAULT 0,
  failed        integer NOT NULL DEFAULT 0,
  -- why the job as a whole failed (an unreadable file), in Chinese
  error         text,
  -- the scope the import runs in: rows must land inside it
  role          text NOT NULL,
  site_id       integer NOT NULL REFERENCES sites (id),
  region_code   varchar(12) NOT NULL REFERENCES regions (code),
  -- rows without a home site column go here (the CLI's --site)
  default_site_id integer REFERENCES sites (id),
  created_by    integer REFERENCES users (id),
  -- the process working on it, and until when its claim holds (renewed after each batch)
  worker        text,
  lease_until   timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now(),
  started_at    timestamptz,
  finished_at   timestamptz,
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX import_jobs_region_idx ON import_jobs (region_code, id);
-- the runner's queue: jobs not finished yet
CREATE INDEX import_jobs_open_idx ON import_jobs (id) WHERE status IN ('queued', 'running');

-- The uploaded file, encrypted (it holds ID and phone numbers), in chunks so that a large
-- file is written and read without holding it whole. Dropped when the job ends.
CREATE TABLE import_file_chunks (
  job_id   integer NOT NULL REFERENCES import_jobs (id) ON DELETE CASCADE,
  seq      integer NOT NULL,
  data_enc text NOT NULL,
  PRIMARY KEY (job_id, seq)
);

-- Rows that could not be imported: their cells (encrypted) and the reason, for the report.
CREATE TABLE import_row_errors (
  job_id     integer NOT NULL REFERENCES import_jobs (id) ON DELETE CASCADE,
  row_number integer NOT NULL,
  cells_enc  text NOT NULL,
  reason     text NOT NULL,
  PRIMARY KEY (job_id, row_number)
);
