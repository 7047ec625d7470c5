import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { analyticsKeys } from './keys';

export function getLoyaltyPortfolioOptions() {
  return queryOptions({
    queryKey: analyticsKeys.loyalty(),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/analytics/loyalty', { signal })),
  });
}

export function useLoyaltyPortfolio() {
  return useQuery(getLoyaltyPortfolioOptions());
}
