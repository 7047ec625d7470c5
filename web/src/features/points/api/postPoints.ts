import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';
import { customerDetailKey } from './keys';

export function usePostPoints(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['PostPointsRequest']) =>
      unwrap(await api.POST('/api/v1/customers/{customerId}/points', { params: { path: { customerId } }, body })),
    meta: { silent: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: customerDetailKey(customerId) }),
  });
}
