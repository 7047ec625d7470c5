import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap } from '@/lib/api/client';
import { standardAnswerKeys } from './listStandardAnswers';

export function useDeleteStandardAnswer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, version }: { id: string; version: number }) =>
      unwrap(await api.DELETE('/api/v1/standard-answers/{id}', { params: { path: { id }, header: ifMatch(version) } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: standardAnswerKeys.all }),
  });
}
