import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { contactKeys } from './keys';

export function listContactsOptions(customerId: string) {
  return queryOptions({
    queryKey: contactKeys.list(customerId),
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/customers/{customerId}/contacts', { params: { path: { customerId }, query: { limit: 200 } }, signal })).items,
  });
}

export function useContacts(customerId: string) {
  return useQuery(listContactsOptions(customerId));
}
