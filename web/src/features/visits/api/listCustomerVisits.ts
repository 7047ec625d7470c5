import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { visitKeys } from './keys';

export function listCustomerVisitsOptions(customerId: string) {
  return queryOptions({
    queryKey: visitKeys.forCustomer(customerId),
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/customers/{customerId}/visits', { params: { path: { customerId }, query: { limit: 100 } }, signal })).items,
  });
}

export function useCustomerVisits(customerId: string) {
  return useQuery(listCustomerVisitsOptions(customerId));
}
