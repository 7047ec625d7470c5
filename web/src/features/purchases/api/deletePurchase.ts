import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap } from '@/lib/api/client';
import { customerDetailKey, customerListsKey } from './keys';

/** Deletes a deal record entered by mistake. */
export function useDeletePurchase(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, version }: { id: string; version: number }) =>
      unwrap(await api.DELETE('/api/v1/purchases/{id}', { params: { path: { id }, header: ifMatch(version) } })),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: customerDetailKey(customerId) }),
        queryClient.invalidateQueries({ queryKey: customerListsKey }),
      ]),
  });
}
