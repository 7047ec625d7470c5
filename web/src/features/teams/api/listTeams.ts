import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

export const teamKeys = { all: ['teams'] as const, list: () => ['teams', 'list'] as const };

export function listTeamsOptions() {
  return queryOptions({
    queryKey: teamKeys.list(),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/teams', { signal })).items,
  });
}

export function useTeams() {
  return useQuery(listTeamsOptions());
}
