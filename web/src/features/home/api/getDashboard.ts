import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

export const dashboardKey = ['dashboard'] as const;

export function getDashboardOptions() {
  return queryOptions({
    queryKey: dashboardKey,
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/dashboard', { signal })),
  });
}

export function useDashboard() {
  return useQuery(getDashboardOptions());
}
