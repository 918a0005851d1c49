// The web's copies of the wish API's enums and limits match the OpenAPI document, and the
// small rules both front ends share behave.
import { describe, expect, it } from 'vitest';
import openapi from '../api/openapi.json' with { type: 'json' };
import {
  beneficiaryGroups, claimChoices, daysLeft, nextSteps, openCampaigns, valueProblem, wallArea, wishCategories, wishLimits, wishStatuses, type WishStatus,
} from './wishes';

type Schema = { enum?: string[]; minLength?: number; maxLength?: number; minimum?: number; maximum?: number; maxItems?: number; anyOf?: Schema[]; items?: Schema; properties?: Record<string, Schema> };
const paths = openapi.paths as unknown as Record<string, Record<string, {
  requestBody?: { content: { 'application/json': { schema: Schema } } };
  parameters?: { name: string; schema: Schema }[];
}>>;
const body = (path: string) => paths[path]!.post!.requestBody!.content['application/json'].schema.properties!;
const param = (path: string, name: string) => paths[path]!.get!.parameters!.find((p) => p.name === name)!.schema;
const nonNull = (schema: Schema) => schema.anyOf?.find((branch) => 'minimum' in branch) ?? schema;

describe('wish lists and limits follow the API', () => {
  it('has every enum value in the server’s order', () => {
    expect(wishStatuses).toEqual(param('/api/v1/wishes', 'status').enum);
    expect(wishCategories).toEqual(body('/api/v1/wishes').category!.enum);
    expect(beneficiaryGroups).toEqual(body('/api/v1/wishes').beneficiaryGroup!.enum);
  });

  it('has the request limits', () => {
    const wish = body('/api/v1/wishes');
    expect(wishLimits.title).toEqual({ min: wish.title!.minLength, max: wish.title!.maxLength });
    expect(wishLimits.story).toEqual({ min: wish.story!.minLength, max: wish.story!.maxLength });
    expect(wishLimits.beneficiaryName).toBe(wish.beneficiaryName!.maxLength);
    const value = nonNull(wish.estimatedValueYuan!);
    expect(wishLimits.value).toEqual({ min: value.minimum, max: value.maximum });
    const fulfil = body('/api/v1/wishes/{id}/fulfil');
    expect(wishLimits.fulfilNote).toEqual({ min: fulfil.note!.minLength, max: fulfil.note!.maxLength });
    expect(wishLimits.photos).toBe(fulfil.photos!.maxItems);
    const days = body('/api/v1/wishes/{id}/claim').days!;
    expect(wishLimits.claimDays).toEqual({ min: days.minimum, max: days.maximum });
  });
});

describe('claimChoices', () => {
  it('offers myself first when I am an approved volunteer, then each team I lead', () => {
    expect(claimChoices(true, [{ id: 4 }, { id: 9 }])).toEqual([{ as: 'volunteer' }, { as: 'organization', organizationId: 4 }, { as: 'organization', organizationId: 9 }]);
    expect(claimChoices(false, [{ id: 4 }])).toEqual([{ as: 'organization', organizationId: 4 }]);
    expect(claimChoices(true, [])).toEqual([{ as: 'volunteer' }]);
    expect(claimChoices(false, [])).toEqual([]);
  });
});

describe('nextSteps', () => {
  const nobody = { posted: false, claimed: false, activeVolunteer: false, leadsTeam: false };
  const steps = (status: WishStatus, who: Partial<typeof nobody>) => nextSteps({ status }, { ...nobody, ...who });

  it('lets an approved volunteer claim a wish on the wall, but not their own', () => {
    expect(steps('published', { activeVolunteer: true })).toEqual(['claim']);
    expect(steps('published', {})).toEqual([]);
    expect(steps('published', { activeVolunteer: true, posted: true })).toEqual(['withdraw']);
    expect(steps('claimed', { activeVolunteer: true })).toEqual([]);
  });

  it('lets a team leader claim for their team even when not a volunteer themself', () => {
    expect(steps('published', { leadsTeam: true })).toEqual(['claim']);
    expect(steps('published', { leadsTeam: true, posted: true })).toEqual(['withdraw']);
    expect(steps('claimed', { leadsTeam: true })).toEqual([]);
    expect(nextSteps({ status: 'published' }, { posted: false, claimed: false, activeVolunteer: false })).toEqual([]);
  });

  it('lets only the claimer release, and only while claimed', () => {
    expect(steps('claimed', { claimed: true })).toContain('release');
    expect(steps('claimed', { posted: true })).not.toContain('release');
    expect(steps('fulfilled', { claimed: true })).not.toContain('release');
    expect(steps('published', { claimed: true, activeVolunteer: true })).toEqual(['claim']);
  });

  it('lets the claimer fulfil and the poster confirm', () => {
    expect(steps('claimed', { claimed: true })).toEqual(['fulfil', 'release']);
    expect(steps('fulfilled', { claimed: true })).toEqual([]);
    expect(steps('fulfilled', { posted: true })).toEqual(['confirm']);
    expect(steps('confirmed', { posted: true, claimed: true })).toEqual([]);
  });

  it('lets the poster withdraw only before a claim', () => {
    expect(steps('submitted', { posted: true })).toEqual(['withdraw']);
    expect(steps('claimed', { posted: true })).toEqual([]);
    expect(steps('rejected', { posted: true })).toEqual([]);
  });
});

describe('daysLeft', () => {
  const now = Date.parse('2026-11-29T10:00:00Z');
  it('counts a part day as a day and stops at zero', () => {
    expect(daysLeft('2026-12-06T10:00:00Z', now)).toBe(7);
    expect(daysLeft('2026-11-29T13:00:00Z', now)).toBe(1);
    expect(daysLeft('2026-11-29T09:59:00Z', now)).toBe(0);
  });
});

describe('valueProblem', () => {
  it('accepts empty and whole numbers within the cap', () => {
    expect(valueProblem('', 300)).toBeNull();
    expect(valueProblem(' 120 ', 300)).toBeNull();
    expect(valueProblem('800', null)).toBeNull();
  });
  it('says what is wrong', () => {
    expect(valueProblem('12.5', null)).toBe('invalid');
    expect(valueProblem('-3', null)).toBe('invalid');
    expect(valueProblem('200000', null)).toBe('invalid');
    expect(valueProblem('800', 500)).toBe('cap');
  });
});

describe('openCampaigns and wallArea', () => {
  it('keeps the campaigns running today, soonest to end first', () => {
    const campaigns = [
      { id: 1, startsOn: '2026-01-01', endsOn: '2026-12-31' },
      { id: 2, startsOn: '2026-11-01', endsOn: '2026-11-30' },
      { id: 3, startsOn: '2025-01-01', endsOn: '2025-12-31' },
      { id: 4, startsOn: '2026-12-01', endsOn: '2026-12-31' },
    ];
    expect(openCampaigns(campaigns, '2026-11-29').map((c) => c.id)).toEqual([2, 1]);
  });
  it('puts the wall in the county of the volunteer’s home, else of the first role', () => {
    const grants = [{ site: { regionCode: '210321001021' } }];
    expect(wallArea('210381002003', grants)).toBe('210381');
    expect(wallArea(null, grants)).toBe('210321');
    expect(wallArea(undefined, [])).toBeUndefined();
  });
});
