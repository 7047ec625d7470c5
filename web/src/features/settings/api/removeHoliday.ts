import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { settingsKeys } from './keys';

export function useRemoveHoliday() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (date: string) => unwrap(await api.POST('/api/v1/settings/holidays/{date}/remove', { params: { path: { date } } })),
    onSuccess: (page, date) => {
      queryClient.setQueryData(settingsKeys.holidays(Number(date.slice(0, 4))), page.items);
      return queryClient.invalidateQueries({ queryKey: ['analytics', 'targets'] });
    },
  });
}
