// The volunteer list's filters, the query they make (the export takes the same), and
// the count of registrations waiting for review.
import { useCallback } from 'react';
import { api } from '../../../api/client';
import type { ServiceCategory, SiteSummary, VolunteerActivity, VolunteerQuery, VolunteerStatus } from '../../../api/types';
import { regionPrefix } from '../../../shared/domain';
import { call } from '../../../shared/errors';
import { usePageCount, useQueryList } from '../../../shared/usePagedList';

export interface VolunteerFilter {
  q: string;
  phoneSuffix: string;
  skill: string;
  status?: VolunteerStatus | undefined;
  category?: ServiceCategory | undefined;
  activity?: VolunteerActivity | undefined;
  partyMember?: boolean | undefined;
  emergencyReserve?: boolean | undefined;
  organizationId?: number | undefined;
  area?: SiteSummary | undefined;
}

export const noFilter: VolunteerFilter = { q: '', phoneSuffix: '', skill: '' };

export type VolunteerFilters = Omit<VolunteerQuery, 'cursor' | 'limit'>;

export function queryOf(filter: VolunteerFilter): VolunteerFilters {
  return {
    q: filter.q.trim() || undefined,
    phoneSuffix: filter.phoneSuffix || undefined,
    skill: filter.skill.trim() || undefined,
    status: filter.status,
    category: filter.category,
    activity: filter.activity,
    partyMember: filter.partyMember,
    emergencyReserve: filter.emergencyReserve,
    organizationId: filter.organizationId,
    under: filter.area ? regionPrefix(filter.area) : undefined,
  };
}

const fetchVolunteers = (query: VolunteerFilters, cursor?: string) =>
  call(api.GET('/api/v1/volunteers', { params: { query: { ...query, cursor, limit: 50 } } }));

export const useVolunteerList = (query: VolunteerFilters) => useQueryList(fetchVolunteers, query, 'id');

/** Registrations waiting for review in my area. */
export function usePendingCount() {
  return usePageCount(useCallback((limit: number) => call(api.GET('/api/v1/volunteers', { params: { query: { status: 'pending', limit } } })), []));
}
