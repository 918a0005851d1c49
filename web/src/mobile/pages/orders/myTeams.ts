// For a team leader: the approved teams they lead (to grab for) and the orders for them —
// sent to their teams, or open to grab in their county. Both empty for everyone else.
import { api } from '../../../api/client';
import { call } from '../../../shared/errors';
import { useLoad } from '../../../shared/useLoad';

const loadTeamOrders = () => call(api.GET('/api/v1/orders/team'));

export type TeamOrders = Awaited<ReturnType<typeof loadTeamOrders>>;
export type LedTeam = TeamOrders['teams'][number];

export function useTeamOrders() {
  return useLoad(loadTeamOrders);
}
