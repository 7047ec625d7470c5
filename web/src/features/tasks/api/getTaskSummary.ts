import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { taskKeys } from './keys';

/** Due today / overdue counts for the header badge, refreshed every minute. */
export function getTaskSummaryOptions() {
  return queryOptions({
    queryKey: taskKeys.summary(),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/tasks/summary', { signal })),
    refetchInterval: 60_000,
    staleTime: 30_000,
    meta: { silent: true },
  });
}

export function useTaskSummary() {
  return useQuery(getTaskSummaryOptions());
}
