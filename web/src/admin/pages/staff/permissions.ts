// What the signed-in admin may do to a staff account, to offer only the actions the
// server will accept. The server decides per region; this is its rank rule, which is
// enough to hide buttons that could only fail.
import type { Grant, Staff } from '../../../api/types';
import { isAdminRole, rank } from '../../../shared/domain';

function myRank(myGrants: readonly Grant[]): number {
  return Math.max(-1, ...myGrants.filter((grant) => isAdminRole(grant.role)).map((grant) => rank(grant.role)));
}

export function canRevoke(myGrants: readonly Grant[], me: number, staff: Staff, grant: Staff['grants'][number]): boolean {
  return staff.id !== me && rank(grant.role) < myRank(myGrants);
}

/** Resetting a password or disabling an account needs a rank above all the person's roles. */
export function canManage(myGrants: readonly Grant[], me: number, staff: Staff): boolean {
  return staff.id !== me && staff.grants.every((grant) => rank(grant.role) < myRank(myGrants));
}
