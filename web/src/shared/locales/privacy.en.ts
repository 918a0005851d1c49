import type { privacyZh } from './privacy.zh';

export const privacyEn: Record<keyof typeof privacyZh, string> = {
  'privacy.link': 'Download my data / close my account',
  'privacy.header': 'Privacy and account',
  'privacy.title': 'My data',
  'privacy.export.title': 'Download my data',
  'privacy.export.body': 'Download everything the platform holds about you (account, volunteer record, hours, certificates, wishes, orders, training). Your ID and phone numbers are shown in full: keep the file safe.',
  'privacy.export.action': 'Download my data',
  'privacy.export.done': 'Downloaded: {name}',
  'privacy.erase.title': 'Close my account',
  'privacy.erase.body': 'Your name, ID number, phone number, guardian and contact details will be deleted; you can no longer sign in and your certificates become void. Your service hours stay, anonymous, under “deleted user”, so teams’ and statistics’ totals do not change. This cannot be undone.',
  'privacy.erase.password': 'Current password',
  'privacy.erase.passwordRequired': 'Enter your current password',
  'privacy.erase.understand': 'I understand what closing my account means',
  'privacy.erase.understandRequired': 'Please tick to confirm',
  'privacy.erase.action': 'Close my account',
  'privacy.erase.confirm': 'Close your account? This cannot be undone.',
};
