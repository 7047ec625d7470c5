import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { pointsKeys } from './keys';

export function listPointsEntriesOptions(customerId: string) {
  return queryOptions({
    queryKey: pointsKeys.entries(customerId),
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/customers/{customerId}/points/entries', { params: { path: { customerId }, query: { limit: 100 } }, signal })).items,
  });
}

export function usePointsEntries(customerId: string) {
  return useQuery(listPointsEntriesOptions(customerId));
}
