import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { analyticsKeys } from './keys';

export function getTargetBoardOptions(month: string, teamId?: string) {
  return queryOptions({
    queryKey: analyticsKeys.targets(month, teamId),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/targets', { params: { query: { month, ...(teamId ? { teamId } : {}) } }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useTargetBoard(month: string, teamId?: string) {
  return useQuery(getTargetBoardOptions(month, teamId));
}
