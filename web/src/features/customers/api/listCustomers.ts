import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { customerKeys, type CustomerFilters } from './keys';

export const customerPageSize = 100;

export function listCustomersOptions(filters: CustomerFilters) {
  return infiniteQueryOptions({
    queryKey: customerKeys.list(filters),
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await api.GET('/api/v1/customers', {
          params: { query: { ...filters, limit: customerPageSize, ...(pageParam ? { cursor: pageParam } : {}) } },
          signal,
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useCustomerList(filters: CustomerFilters) {
  return useInfiniteQuery(listCustomersOptions(filters));
}
