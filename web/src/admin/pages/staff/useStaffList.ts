// The staff list for the current filters, a page at a time (keyset: "load more").
import { api } from '../../../api/client';
import type { GrantableRole, StaffQuery } from '../../../api/types';
import { call } from '../../../shared/errors';
import { useQueryList } from '../../../shared/usePagedList';

export interface StaffFilter {
  q: string;
  phoneSuffix: string;
  role: GrantableRole | undefined;
}

const fetchStaff = (query: Omit<StaffQuery, 'cursor' | 'limit'>, cursor?: string) =>
  call(api.GET('/api/v1/staff', { params: { query: { ...query, cursor, limit: 50 } } }));

export const useStaffList = ({ q, phoneSuffix, role }: StaffFilter) =>
  useQueryList(fetchStaff, { q: q.trim() || undefined, phoneSuffix: phoneSuffix || undefined, role }, 'id');
