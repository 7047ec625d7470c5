import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { taskKeys } from './keys';

/** The board of an ISO week ("2026-W47"); without a week, the API's current week. */
export function getWeekBoardOptions(week?: string, assigneeId?: string) {
  return queryOptions({
    queryKey: taskKeys.week(week, assigneeId),
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/boards/week', { params: { query: { ...(week ? { week } : {}), ...(assigneeId ? { assigneeId } : {}) } }, signal })),
  });
}

export function useWeekBoard(week?: string, assigneeId?: string) {
  return useQuery(getWeekBoardOptions(week, assigneeId));
}
