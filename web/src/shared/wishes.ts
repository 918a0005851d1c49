// Micro-wishes (微心愿) on both front ends: the API's shapes (derived from the generated
// `paths`), its enums and limits as runtime lists (wishes.unit.test.ts checks them against
// the OpenAPI document), and the small rules both screens share: what the person looking
// at a wish may do next, and how long a claim has left.
import type { RequestBody as Body, Ok, Query } from '../api/derive';
import type { paths } from '../api/schema';

export type Wish = Ok<paths['/api/v1/wishes/wall']['get']>['items'][number];
export type WishDetail = Ok<paths['/api/v1/wishes/{id}']['get']>;
export type WishQuery = Query<paths['/api/v1/wishes']['get']>;
export type NewWish = Body<paths['/api/v1/wishes']['post']>;
export type WishReview = Body<paths['/api/v1/wishes/{id}/review']['post']>;
export type WishDuplicate = Ok<paths['/api/v1/wishes/{id}/duplicates']['get']>['items'][number];
export type Campaign = Ok<paths['/api/v1/campaigns']['get']>['items'][number];
export type WishStatus = Wish['status'];
export type WishCategory = NewWish['category'];
export type BeneficiaryGroup = NewWish['beneficiaryGroup'];

export const wishStatuses: readonly WishStatus[] = ['submitted', 'rejected', 'merged', 'published', 'claimed', 'fulfilled', 'confirmed', 'withdrawn'];
export const wishCategories: readonly WishCategory[] = ['study', 'daily', 'company', 'health', 'repair', 'other'];
export const beneficiaryGroups: readonly BeneficiaryGroup[] = ['elderly_alone', 'left_behind_child', 'disabled', 'family_in_difficulty', 'other'];

/** The limits of POST /wishes and /wishes/{id}/fulfil. */
export const wishLimits = {
  title: { min: 2, max: 60 },
  story: { min: 5, max: 1000 },
  beneficiaryName: 50,
  value: { min: 0, max: 100000 },
  fulfilNote: { min: 2, max: 1000 },
  photos: 9,
  claimDays: { min: 1, max: 60 },
  /** The server's default deadline when none is asked for. */
  defaultClaimDays: 7,
} as const;

const isOneOf = <T extends string>(values: readonly T[], value: string): value is T => (values as readonly string[]).includes(value);
/** The API types a wish's category and group as plain strings: a code the web does not know shows as it is. */
export const asCategory = (code: string): WishCategory | null => (isOneOf(wishCategories, code) ? code : null);
export const asGroup = (code: string): BeneficiaryGroup | null => (isOneOf(beneficiaryGroups, code) ? code : null);
export const asStatus = (code: string): WishStatus | null => (isOneOf(wishStatuses, code) ? code : null);

/** Where the person looking stands with this wish: they posted it, they (or their team) claimed it. */
export interface Standing {
  posted: boolean;
  claimed: boolean;
  /** An approved volunteer may claim as themself. */
  activeVolunteer: boolean;
  /** A leader of an approved team may claim for it. */
  leadsTeam?: boolean;
}

export type WishStep = 'claim' | 'fulfil' | 'release' | 'confirm' | 'withdraw';

/** For whom a claim is made: the person themself, or one of the teams they lead. */
export type ClaimFor = { as: 'volunteer' } | { as: 'organization'; organizationId: number };

/** Whom this person may claim for, themself first: they if an approved volunteer, then each team they lead. */
export function claimChoices(activeVolunteer: boolean, teams: readonly { id: number }[]): ClaimFor[] {
  return [
    ...(activeVolunteer ? [{ as: 'volunteer' } as const] : []),
    ...teams.map((team) => ({ as: 'organization', organizationId: team.id }) as const),
  ];
}

/** What this person can do next on the phone, in the order the screen offers them. */
export function nextSteps(wish: Pick<Wish, 'status'>, who: Standing): WishStep[] {
  const steps: WishStep[] = [];
  if (wish.status === 'published' && !who.posted && (who.activeVolunteer || who.leadsTeam === true)) steps.push('claim');
  if (wish.status === 'claimed' && who.claimed) steps.push('fulfil', 'release');
  if (wish.status === 'fulfilled' && who.posted) steps.push('confirm');
  if ((wish.status === 'submitted' || wish.status === 'published') && who.posted) steps.push('withdraw');
  return steps;
}

const DAY = 24 * 3600_000;

/** Days left before a claim's deadline, counting a part day as one; 0 once it has passed. */
export function daysLeft(deadline: string, now: number): number {
  return Math.max(0, Math.ceil((Date.parse(deadline) - now) / DAY));
}

/** The county of a person's area: where their wall is (their volunteer home, else their first role's site). */
export function wallArea(homeRegionCode: string | null | undefined, grants: readonly { site: { regionCode: string } }[]): string | undefined {
  return (homeRegionCode ?? grants[0]?.site.regionCode)?.slice(0, 6);
}

/** What is wrong with a typed estimated value (empty is fine): not a whole number in range, or over the campaign's cap. */
export function valueProblem(typed: string, capYuan: number | null): 'invalid' | 'cap' | null {
  const text = typed.trim();
  if (text === '') return null;
  if (!/^\d{1,6}$/.test(text) || Number(text) > wishLimits.value.max) return 'invalid';
  return capYuan !== null && Number(text) > capYuan ? 'cap' : null;
}

/** Campaigns taking wishes on `today` (Beijing 'YYYY-MM-DD'), soonest to end first. */
export function openCampaigns<C extends Pick<Campaign, 'startsOn' | 'endsOn'>>(campaigns: readonly C[], today: string): C[] {
  return campaigns.filter((c) => c.startsOn <= today && today <= c.endsOn).sort((a, b) => a.endsOn.localeCompare(b.endsOn));
}
