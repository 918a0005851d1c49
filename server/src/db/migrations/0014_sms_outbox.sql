-- Text messages leave through an outbox: written in the same transaction as the change
-- they announce (a rollback takes the text with it) and delivered only after commit by a
-- drainer. A row claimed for sending moves next_attempt_at ahead (a lease: another
-- process leaves it alone; after a crash it is sent again once the lease runs out); a
-- failed send keeps the row with the error until attempts run out. The dedupe key stops a
-- retried batch (a call-up's fan-out) from queuing the same text twice.
CREATE TABLE sms_outbox (
  id              integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  phone_enc       text NOT NULL,
  text            text NOT NULL CHECK (text <> ''),
  dedupe_key      text UNIQUE,
  created_at      timestamptz NOT NULL DEFAULT now(),
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  attempts        integer NOT NULL DEFAULT 0,
  last_error      text,
  sent_at         timestamptz
);
-- What the drainer looks for: unsent rows, soonest first.
CREATE INDEX sms_outbox_pending_idx ON sms_outbox (next_attempt_at, id) WHERE sent_at IS NULL;
