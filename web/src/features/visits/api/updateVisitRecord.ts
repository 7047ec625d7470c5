import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap, type Schemas } from '@/lib/api/client';
import { visitKeys } from './keys';

export function useUpdateVisitRecord(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ version, body }: { version: number; body: Schemas['VisitRecordInput'] }) =>
      unwrap(await api.PUT('/api/v1/visits/{id}/record', { params: { path: { id }, header: ifMatch(version) }, body })),
    meta: { silent: true },
    onSuccess: (visit) => {
      queryClient.setQueryData(visitKeys.detail(id), visit);
      return queryClient.invalidateQueries({ queryKey: visitKeys.all });
    },
  });
}
