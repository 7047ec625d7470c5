import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';
import { settingsKeys } from './keys';

/** Adds or changes a holiday; the answer is that year's list. Working-day splits (targets) change with it. */
export function useSetHoliday() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['SetHolidayCommand']) => unwrap(await api.POST('/api/v1/settings/holidays', { body })),
    meta: { silent: true },
    onSuccess: (page, body) => {
      queryClient.setQueryData(settingsKeys.holidays(Number(body.date.slice(0, 4))), page.items);
      return queryClient.invalidateQueries({ queryKey: ['analytics', 'targets'] });
    },
  });
}
