import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

// GET /users is Admin-only, so only administrators get a picker of account managers; others type an id.
export function listOwnerCandidatesOptions() {
  return queryOptions({
    queryKey: ['users', 'owner-candidates'] as const,
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/users', { params: { query: { limit: 200 } }, signal })).items,
    staleTime: 5 * 60_000,
  });
}

export function useOwnerCandidates(enabled: boolean) {
  return useQuery({ ...listOwnerCandidatesOptions(), enabled });
}
