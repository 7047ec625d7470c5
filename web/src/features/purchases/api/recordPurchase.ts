import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';
import { customerDetailKey, customerListsKey } from './keys';

export function useRecordPurchase(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['PurchaseInput']) =>
      unwrap(await api.POST('/api/v1/customers/{customerId}/purchases', { params: { path: { customerId } }, body })),
    meta: { silent: true },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: customerDetailKey(customerId) }),
        queryClient.invalidateQueries({ queryKey: customerListsKey }),
      ]),
  });
}
