import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { complaintKeys } from './keys';

export function getComplaintStatsOptions(from: string, to: string) {
  return queryOptions({
    queryKey: complaintKeys.stats(from, to),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/complaints/stats', { params: { query: { from, to } }, signal })),
  });
}

export function useComplaintStats(from: string, to: string) {
  return useQuery(getComplaintStatsOptions(from, to));
}
