import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap, type Schemas } from '@/lib/api/client';
import { standardAnswerKeys } from './listStandardAnswers';

export function useUpdateStandardAnswer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, version, body }: { id: string; version: number; body: Schemas['StandardAnswerInput'] }) =>
      unwrap(await api.PUT('/api/v1/standard-answers/{id}', { params: { path: { id }, header: ifMatch(version) }, body })),
    meta: { silent: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: standardAnswerKeys.all }),
  });
}
