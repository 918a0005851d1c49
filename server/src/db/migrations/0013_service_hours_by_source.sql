-- The standing entries of one service (an order reopened reverses its delivery's hours):
-- found by the service itself, not by a scan of the whole ledger (34 million entries on
-- the full province). Only service entries: a reversal is found by reverses_id.
CREATE INDEX service_hours_source_idx ON service_hours (source, source_id) WHERE kind = 'service';
