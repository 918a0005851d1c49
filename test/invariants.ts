// Counters kept beside their rows, each as the rows where it differs from a recount: the
// fuzzer and the races both end by asking for none. Each has a drift that a test applies
// (and rolls back) to prove the recount can notice one.
import { sql, type RawBuilder } from 'kysely';

export const recounts = {
  // Hour totals: service entries minus their reversals.
  'volunteer hours': sql`
    SELECT v.id FROM volunteers v
    LEFT JOIN volunteer_hours t ON t.volunteer_id = v.id
    LEFT JOIN (SELECT volunteer_id, sum(minutes) AS minutes, sum(CASE WHEN kind = 'service' THEN 1 ELSE -1 END) AS entries
               FROM service_hours GROUP BY volunteer_id) s ON s.volunteer_id = v.id
    WHERE coalesce(t.minutes, 0) <> coalesce(s.minutes, 0) OR coalesce(t.entries, 0) <> coalesce(s.entries, 0)`,
  'organization members': sql`
    SELECT o.id FROM organizations o
    WHERE o.member_count <> (SELECT count(*) FROM memberships m WHERE m.organization_id = o.id AND m.status = 'active')`,
  'activity seats': sql`
    SELECT a.id FROM activities a
    WHERE a.confirmed_count <> (SELECT count(*) FROM signups s WHERE s.activity_id = a.id AND s.status = 'confirmed')
       OR a.waitlist_count <> (SELECT count(*) FROM signups s WHERE s.activity_id = a.id AND s.status = 'waitlisted')`,
  'training seats': sql`
    SELECT c.id FROM course_sessions c
    WHERE c.enrolled_count <> (SELECT count(*) FROM session_enrollments e WHERE e.session_id = c.id)`,
  'call-up answers': sql`
    SELECT c.id FROM callups c WHERE c.accepted <> (SELECT count(*) FROM callup_responses r WHERE r.callup_id = c.id AND r.status = 'accepted')`,
  'call-up posts': sql`
    SELECT p.id FROM callup_posts p WHERE p.assigned <> (SELECT count(*) FROM callup_responses r WHERE r.post_id = p.id)`,
  // Wishes collected (on the wall or beyond) and fulfilled (fulfilled or confirmed).
  'campaign counts': sql`
    SELECT c.id FROM campaigns c
    WHERE c.collected <> (SELECT count(*) FROM wishes w WHERE w.campaign_id = c.id AND w.status IN ('published', 'claimed', 'fulfilled', 'confirmed'))
       OR c.fulfilled <> (SELECT count(*) FROM wishes w WHERE w.campaign_id = c.id AND w.status IN ('fulfilled', 'confirmed'))`,
};

export type Recount = keyof typeof recounts;

/** A drift for each recount to notice (the demo county holds a row of each kind). */
export const drifts: Record<Recount, RawBuilder<unknown>> = {
  'volunteer hours': sql`UPDATE volunteer_hours SET minutes = minutes + 1`,
  'organization members': sql`UPDATE organizations SET member_count = member_count + 1`,
  'activity seats': sql`UPDATE activities SET waitlist_count = waitlist_count + 1`,
  'training seats': sql`UPDATE course_sessions SET capacity = capacity + 1, enrolled_count = enrolled_count + 1`,
  'call-up answers': sql`UPDATE callups SET accepted = accepted + 1`,
  'call-up posts': sql`UPDATE callup_posts SET capacity = capacity + 1, assigned = assigned + 1`,
  'campaign counts': sql`UPDATE campaigns SET fulfilled = fulfilled + 1`,
};
