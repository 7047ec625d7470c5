import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap, type Schemas } from '@/lib/api/client';
import { visitKeys } from './keys';
import { visitPolicyKey } from './getVisitPolicy';

export function useUpdateVisitPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ version, body }: { version: number; body: Schemas['UpdateVisitPolicyRequest'] }) =>
      unwrap(await api.PUT('/api/v1/settings/visit-policy', { params: { header: ifMatch(version) }, body })),
    onSuccess: (policy) => {
      queryClient.setQueryData(visitPolicyKey, policy);
      return queryClient.invalidateQueries({ queryKey: visitKeys.all });
    },
  });
}
