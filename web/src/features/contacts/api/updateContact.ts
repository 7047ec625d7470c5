import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap, type Schemas } from '@/lib/api/client';
import { contactKeys, customerListsKey } from './keys';

export type UpdateContactVariables = { contactId: string; version: number; body: Schemas['ContactInput'] };

export function useUpdateContact(customerId: string, options: { silent?: boolean } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ contactId, version, body }: UpdateContactVariables) =>
      unwrap(
        await api.PUT('/api/v1/customers/{customerId}/contacts/{contactId}', {
          params: { path: { customerId, contactId }, header: ifMatch(version) },
          body,
        }),
      ),
    meta: { silent: options.silent ?? true },
    // Making one contact primary demotes the previous one, so the whole list is reloaded.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: contactKeys.list(customerId) }),
        queryClient.invalidateQueries({ queryKey: customerListsKey }),
      ]),
  });
}
