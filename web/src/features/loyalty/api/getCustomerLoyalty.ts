import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

export const customerLoyaltyKey = (customerId: string) => ['customers', 'detail', customerId, 'loyalty'] as const;

export function getCustomerLoyaltyOptions(customerId: string) {
  return queryOptions({
    queryKey: customerLoyaltyKey(customerId),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/customers/{customerId}/loyalty', { params: { path: { customerId } }, signal })),
  });
}

export function useCustomerLoyalty(customerId: string) {
  return useQuery(getCustomerLoyaltyOptions(customerId));
}
