// Names of the codes of pairing & assistance, training and call-ups, where the API types
// them as plain strings: a code the web does not know shows as it is.
import type { RecipientKind, VisitKind } from '../api/careTypes';
import type { Translate } from './i18n';

export const recipientKinds: readonly RecipientKind[] = ['elderly_alone', 'left_behind_child', 'family_in_difficulty', 'disabled'];
export const visitKinds: readonly VisitKind[] = ['home', 'phone', 'accompany', 'other'];
export const callupStatuses = ['fanning_out', 'open', 'stood_down'] as const;

const isOneOf = <T extends string>(values: readonly T[], value: string): value is T => (values as readonly string[]).includes(value);

export function recipientKindName(t: Translate, code: string): string {
  return isOneOf(recipientKinds, code) ? t(`care.kind.${code}`) : code;
}

export function visitKindName(t: Translate, code: string): string {
  return isOneOf(visitKinds, code) ? t(`care.visitKind.${code}`) : code;
}

export function callupStatusName(t: Translate, code: string): string {
  return isOneOf(callupStatuses, code) ? t(`callup.status.${code}`) : code;
}
