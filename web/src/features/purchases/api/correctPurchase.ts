import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap, type Schemas } from '@/lib/api/client';
import { customerDetailKey, customerListsKey } from './keys';

/** Corrects a deal record; If-Match makes a save over someone else's change a 412. */
export function useCorrectPurchase(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, version, body }: { id: string; version: number; body: Schemas['PurchaseInput'] }) =>
      unwrap(await api.PUT('/api/v1/purchases/{id}', { params: { path: { id }, header: ifMatch(version) }, body })),
    meta: { silent: true },
    // Success or a conflict: either way the list shows the record as it is now.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: customerDetailKey(customerId) }),
        queryClient.invalidateQueries({ queryKey: customerListsKey }),
      ]),
  });
}
