// How the phone shows statuses: the colour of each tag, and a team membership in the
// words a volunteer uses (the shared names of categories are in shared/labels.ts).
import type { SignupStatus, VolunteerStatus } from '../api/types';
import type { Translate } from '../shared/i18n';

type TagColor = 'default' | 'primary' | 'success' | 'warning' | 'danger';

export const volunteerStatusColor: Record<VolunteerStatus, TagColor> = {
  pending: 'warning', active: 'success', rejected: 'danger', suspended: 'default',
};

export const signupStatusColor: Record<SignupStatus, TagColor> = {
  confirmed: 'success', waitlisted: 'warning', pending: 'warning', cancelled: 'default', rejected: 'danger',
};

/** Membership of a team (a plain string in the API). */
export function membershipLabel(t: Translate, status: string): { text: string; color: TagColor } {
  switch (status) {
    case 'active': return { text: t('mobile.team.member'), color: 'success' };
    case 'pending': return { text: t('mobile.team.requested'), color: 'warning' };
    case 'declined': return { text: t('mobile.team.declined'), color: 'danger' };
    default: return { text: t('mobile.team.left'), color: 'default' };
  }
}
