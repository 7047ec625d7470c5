import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';
import { customerKeys } from './keys';

export function useTransferCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: Schemas['TransferCustomerRequest'] }) =>
      unwrap(await api.POST('/api/v1/customers/{id}/transfer', { params: { path: { id } }, body })),
    meta: { silent: true },
    onSuccess: (customer) => {
      queryClient.setQueryData(customerKeys.detail(customer.id), customer);
      return queryClient.invalidateQueries({ queryKey: customerKeys.lists() });
    },
  });
}
