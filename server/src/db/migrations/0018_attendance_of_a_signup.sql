-- Every attendance is of a sign-up: check-in and the roster start from one, and nothing
-- deletes either. Its two keys, to the activity and to the volunteer, become one key to
-- the sign-up, which holds both. The old pair locked the activity's row and the
-- volunteer's row (FOR KEY SHARE: a WAL record each, and a MultiXact whenever two phones
-- at the same gate overlapped) at every check-in; the sign-up's row is the check-in's
-- own, which it holds already.
ALTER TABLE attendance DROP CONSTRAINT attendance_activity_id_fkey;
ALTER TABLE attendance DROP CONSTRAINT attendance_volunteer_id_fkey;
ALTER TABLE attendance ADD CONSTRAINT attendance_signup_fkey
  FOREIGN KEY (activity_id, volunteer_id) REFERENCES signups (activity_id, volunteer_id);
