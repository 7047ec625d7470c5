import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { analyticsKeys } from './keys';

/** Care reminders between two dates (at most three months apart). */
export function listRemindersOptions(from: string, to: string) {
  return queryOptions({
    queryKey: analyticsKeys.reminders(from, to),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/reminders', { params: { query: { from, to } }, signal })).items,
    placeholderData: keepPreviousData,
  });
}

export function useReminders(from: string, to: string) {
  return useQuery(listRemindersOptions(from, to));
}
