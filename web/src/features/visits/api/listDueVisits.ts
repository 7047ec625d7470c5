import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { visitKeys } from './keys';

/** "My week": key accounts still due a visit this week. */
export function listDueVisitsOptions() {
  return queryOptions({
    queryKey: visitKeys.due(),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/visits/due', { signal })).items,
  });
}

export function useDueVisits() {
  return useQuery(listDueVisitsOptions());
}
