import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { visitKeys } from './keys';

export function getComplianceOptions(week: string, teamId?: string, ownerId?: string) {
  return queryOptions({
    queryKey: visitKeys.compliance(week, teamId, ownerId),
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/visits/compliance', { params: { query: { week, ...(teamId ? { teamId } : {}), ...(ownerId ? { ownerId } : {}) } }, signal })),
  });
}

export function useCompliance(week: string, teamId?: string, ownerId?: string) {
  return useQuery(getComplianceOptions(week, teamId, ownerId));
}
