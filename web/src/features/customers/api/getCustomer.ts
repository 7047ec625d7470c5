import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { customerKeys } from './keys';

export function getCustomerOptions(id: string) {
  return queryOptions({
    queryKey: customerKeys.detail(id),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/customers/{id}', { params: { path: { id } }, signal })),
  });
}

export function useCustomer(id: string) {
  return useQuery(getCustomerOptions(id));
}
