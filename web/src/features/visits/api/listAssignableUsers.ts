import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

/** Colleagues for the visitor / companion pickers. */
export function listAssignableUsersOptions() {
  return queryOptions({
    queryKey: ['users', 'assignable'] as const,
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/users/assignable', { signal })).items,
    staleTime: 5 * 60_000,
  });
}

export function useAssignableUsers() {
  return useQuery(listAssignableUsersOptions());
}
