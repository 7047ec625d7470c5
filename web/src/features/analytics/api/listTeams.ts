import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { analyticsKeys } from './keys';

/** Teams for the target page's team picker (the team list is for administrators). */
export function listTeamsOptions() {
  return queryOptions({
    queryKey: analyticsKeys.teams(),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/teams', { signal })).items,
    staleTime: 5 * 60_000,
  });
}

export function useTeams(enabled: boolean) {
  return useQuery({ ...listTeamsOptions(), enabled });
}
