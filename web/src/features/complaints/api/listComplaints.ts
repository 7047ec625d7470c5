import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { complaintKeys, type ComplaintFilters } from './keys';

export function listComplaintsOptions(filters: ComplaintFilters) {
  return queryOptions({
    queryKey: complaintKeys.list(filters),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/complaints', { params: { query: { limit: 200, ...filters } }, signal })).items,
    refetchInterval: 60_000,
  });
}

export function useComplaints(filters: ComplaintFilters) {
  return useQuery(listComplaintsOptions(filters));
}
