import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';
import { visitKeys } from './keys';

export function usePlanVisit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['PlanVisitCommand']) => unwrap(await api.POST('/api/v1/visits', { body })),
    meta: { silent: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: visitKeys.all }),
  });
}
