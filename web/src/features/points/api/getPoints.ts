import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { pointsKeys } from './keys';

export function getPointsOptions(customerId: string) {
  return queryOptions({
    queryKey: pointsKeys.account(customerId),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/customers/{customerId}/points', { params: { path: { customerId } }, signal })),
  });
}

export function usePoints(customerId: string) {
  return useQuery(getPointsOptions(customerId));
}
