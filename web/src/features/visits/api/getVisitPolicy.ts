import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

export const visitPolicyKey = ['settings', 'visit-policy'] as const;

export function getVisitPolicyOptions() {
  return queryOptions({ queryKey: visitPolicyKey, queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/settings/visit-policy', { signal })) });
}

export function useVisitPolicy() {
  return useQuery(getVisitPolicyOptions());
}
