-- A visit's follow-up is free text about the recipient, as sensitive as the summary: it is
-- kept encrypted (follow_up_enc) from now on. Rows written before keep their plain text in
-- follow_up until the service seals them (on the recipient's next read, which moves the
-- text across and clears follow_up); nothing writes follow_up any more.
ALTER TABLE care_visits ADD COLUMN follow_up_enc text;
ALTER TABLE care_visits ADD CONSTRAINT care_visits_follow_up_once CHECK (follow_up IS NULL OR follow_up_enc IS NULL);

-- The coverage report pages overdue recipients longest-overdue first, resuming after the
-- last (due_on, id) seen.
CREATE INDEX care_recipients_due_idx ON care_recipients (due_on, id) WHERE closed_at IS NULL;
