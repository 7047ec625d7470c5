import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

/** Teams for the user form's team picker and the team column. */
export function listTeamOptionsOptions() {
  return queryOptions({
    queryKey: ['teams', 'options'] as const,
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/teams', { signal })).items,
  });
}

export function useTeamOptions() {
  return useQuery(listTeamOptionsOptions());
}
