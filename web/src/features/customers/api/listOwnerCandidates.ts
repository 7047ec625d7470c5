import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

/** The active reps and managers the caller may hand a customer to (the API scopes the list to the caller). */
export function listOwnerCandidatesOptions() {
  return queryOptions({
    queryKey: ['users', 'assignable'] as const,
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/users/assignable', { signal })).items,
    staleTime: 5 * 60_000,
  });
}

export function useOwnerCandidates(enabled: boolean) {
  return useQuery({ ...listOwnerCandidatesOptions(), enabled });
}
