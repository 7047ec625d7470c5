import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap, type Schemas } from '@/lib/api/client';
import { customerKeys } from './keys';

export type UpdateCustomerVariables = { id: string; version: number; body: Schemas['UpdateCustomerRequest'] };

export function useUpdateCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, version, body }: UpdateCustomerVariables) =>
      unwrap(await api.PUT('/api/v1/customers/{id}', { params: { path: { id }, header: ifMatch(version) }, body })),
    meta: { silent: true },
    onSuccess: (customer) => {
      queryClient.setQueryData(customerKeys.detail(customer.id), customer);
      return queryClient.invalidateQueries({ queryKey: customerKeys.lists() });
    },
  });
}
