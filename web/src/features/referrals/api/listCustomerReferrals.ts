import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { referralKeys } from './keys';

export function listCustomerReferralsOptions(customerId: string) {
  return queryOptions({
    queryKey: [...referralKeys.all, 'customer', customerId] as const,
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/customers/{customerId}/referrals', { params: { path: { customerId }, query: { limit: 100 } }, signal })).items,
  });
}

export function useCustomerReferrals(customerId: string) {
  return useQuery(listCustomerReferralsOptions(customerId));
}
