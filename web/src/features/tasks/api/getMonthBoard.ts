import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { taskKeys } from './keys';

/** The monthly board of "2026-11" (without a month, the API's current month): overdue, the month's plan, each week. */
export function getMonthBoardOptions(month?: string) {
  return queryOptions({
    queryKey: taskKeys.month(month),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/boards/month', { params: { query: month ? { month } : {} }, signal })),
  });
}

export function useMonthBoard(month?: string) {
  return useQuery(getMonthBoardOptions(month));
}
