import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';
import { visitKeys } from './keys';

export function useCompleteVisit(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['VisitRecordInput']) =>
      unwrap(await api.POST('/api/v1/visits/{id}/complete', { params: { path: { id } }, body })),
    meta: { silent: true },
    onSuccess: (visit) => {
      queryClient.setQueryData(visitKeys.detail(id), visit);
      return queryClient.invalidateQueries({ queryKey: visitKeys.all });
    },
  });
}
