import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { settingsKeys } from './keys';

export function listHolidaysOptions(year: number) {
  return queryOptions({
    queryKey: settingsKeys.holidays(year),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/settings/holidays', { params: { query: { year } }, signal })).items,
  });
}

export function useHolidays(year: number) {
  return useQuery(listHolidaysOptions(year));
}
