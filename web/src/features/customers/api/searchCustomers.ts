import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { customerKeys } from './keys';

/** Customers for a picker, by name or code. */
export function searchCustomersOptions(q: string) {
  return queryOptions({
    queryKey: [...customerKeys.lists(), { q, picker: true }] as const,
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/customers', { params: { query: { ...(q ? { q } : {}), limit: 20 } }, signal })).items,
    placeholderData: keepPreviousData,
  });
}

export function useCustomerSearch(q: string) {
  return useQuery(searchCustomersOptions(q));
}
