import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { complaintKeys } from './keys';

export function listCustomerComplaintsOptions(customerId: string) {
  return queryOptions({
    queryKey: complaintKeys.forCustomer(customerId),
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/customers/{customerId}/complaints', { params: { path: { customerId }, query: { limit: 100 } }, signal })).items,
  });
}

export function useCustomerComplaints(customerId: string) {
  return useQuery(listCustomerComplaintsOptions(customerId));
}
