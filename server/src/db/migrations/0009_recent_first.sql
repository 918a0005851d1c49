-- "The latest activities in my area": newest first across a county's thousands of
-- activities, without sorting them all (the region index still serves a village).
CREATE INDEX activities_recent_idx ON activities (starts_at DESC, id DESC);
