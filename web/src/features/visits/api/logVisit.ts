import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';
import { visitKeys } from './keys';

/** An unplanned visit, logged afterwards with its record. */
export function useLogVisit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['LogVisitCommand']) => unwrap(await api.POST('/api/v1/visits/log', { body })),
    meta: { silent: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: visitKeys.all }),
  });
}
