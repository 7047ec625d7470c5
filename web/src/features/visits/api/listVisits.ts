import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { visitKeys, type VisitFilters } from './keys';

export function listVisitsOptions(filters: VisitFilters) {
  return queryOptions({
    queryKey: visitKeys.list(filters),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/visits', { params: { query: { limit: 200, ...filters } }, signal })).items,
  });
}

export function useVisits(filters: VisitFilters) {
  return useQuery(listVisitsOptions(filters));
}
