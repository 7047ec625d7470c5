import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { visitKeys } from './keys';

export function useResubmitVisit(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/visits/{id}/resubmit', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: visitKeys.all }),
  });
}
