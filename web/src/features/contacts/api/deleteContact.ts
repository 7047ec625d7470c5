import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap } from '@/lib/api/client';
import { contactKeys, customerListsKey } from './keys';

export function useDeleteContact(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ contactId, version }: { contactId: string; version: number }) => {
      unwrap(
        await api.DELETE('/api/v1/customers/{customerId}/contacts/{contactId}', {
          params: { path: { customerId, contactId }, header: ifMatch(version) },
        }),
      );
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: contactKeys.list(customerId) }),
        queryClient.invalidateQueries({ queryKey: customerListsKey }),
      ]),
  });
}
