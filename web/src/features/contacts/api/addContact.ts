import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';
import { contactKeys, customerListsKey } from './keys';

export function useAddContact(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['ContactInput']) =>
      unwrap(await api.POST('/api/v1/customers/{customerId}/contacts', { params: { path: { customerId } }, body })),
    meta: { silent: true },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: contactKeys.list(customerId) }),
        queryClient.invalidateQueries({ queryKey: customerListsKey }),
      ]),
  });
}
