import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';
import { standardAnswerKeys } from './listStandardAnswers';

export function useCreateStandardAnswer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['StandardAnswerInput']) => unwrap(await api.POST('/api/v1/standard-answers', { body })),
    meta: { silent: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: standardAnswerKeys.all }),
  });
}
