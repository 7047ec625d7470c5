import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';
import { visitKeys } from './keys';

export function useReviewVisit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: Schemas['ReviewVisitRequest'] }) =>
      unwrap(await api.POST('/api/v1/visits/{id}/review', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: visitKeys.all }),
  });
}
