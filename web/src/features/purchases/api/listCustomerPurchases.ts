import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { purchaseKeys } from './keys';

export function listCustomerPurchasesOptions(customerId: string) {
  return infiniteQueryOptions({
    queryKey: purchaseKeys.forCustomer(customerId),
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await api.GET('/api/v1/customers/{customerId}/purchases', {
          params: { path: { customerId }, query: { limit: 50, ...(pageParam ? { cursor: pageParam } : {}) } },
          signal,
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useCustomerPurchases(customerId: string) {
  return useInfiniteQuery(listCustomerPurchasesOptions(customerId));
}
