// Names of the API's codes where the API types them as plain strings (a volunteer's
// categories, an organization's category): a code the web does not know shows as it is.
import type { MemberStatus, OrganizationCategory, SponsorType } from '../api/types';
import { availabilityOptions, memberStatuses, organizationCategories, sponsorTypes } from './domain';
import type { Translate } from './i18n';

const isOneOf = <T extends string>(values: readonly T[], value: string): value is T => (values as readonly string[]).includes(value);

export function categoryName(t: Translate, code: string, custom?: string | null): string {
  if (code === 'custom') return custom || t('category.custom');
  return isOneOf<OrganizationCategory>(organizationCategories, code) ? t(`category.${code}`) : code;
}

export function availabilityName(t: Translate, code: string): string {
  return isOneOf(availabilityOptions, code) ? t(`availability.${code}`) : code;
}

export function memberStatusName(t: Translate, code: string): string {
  return isOneOf<MemberStatus>(memberStatuses, code) ? t(`organizations.memberStatus.${code}`) : code;
}

export function sponsorTypeName(t: Translate, code: string): string {
  return isOneOf<SponsorType>(sponsorTypes, code) ? t(`organizations.sponsorType.${code}`) : code;
}
