import type { AuditAction } from '../../../api/auditTypes';

// Typed as a record so the compiler holds it to exactly the API's actions; the order is the select's.
const shown: Record<AuditAction, true> = {
  sign_in: true, sign_in_locked: true, password_change: true, password_reset: true,
  staff_create: true, staff_update: true, grant_add: true, grant_revoke: true, volunteer_link: true,
  hours_correct: true, hours_reverse: true, dispute_resolve: true,
  site_delete: true, care_member_remove: true, care_hand_over: true, org_member_remove: true,
  callup_answer_record: true,
  training_attendance_mark: true, menu_item_retire: true,
  reveal: true, export: true, import: true, read_recipient: true, read_child: true, erase: true,
};

export const auditActions = Object.keys(shown) as AuditAction[];
