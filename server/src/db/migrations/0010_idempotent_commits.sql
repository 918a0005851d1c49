-- A retried request must learn whether the first attempt's write committed even when its
-- answer was never stored (the database went away in between): the write's own
-- transaction stamps its Idempotency-Key.
ALTER TABLE idempotency_keys ADD COLUMN committed_at timestamptz;
