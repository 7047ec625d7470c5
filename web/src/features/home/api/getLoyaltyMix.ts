import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

/** The loyalty stage mix for the dashboard (the portfolio endpoint; the dashboard itself carries the tier mix). */
export function getLoyaltyMixOptions() {
  return queryOptions({
    queryKey: ['analytics', 'loyalty'] as const,
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/analytics/loyalty', { signal })),
    staleTime: 5 * 60_000,
  });
}

export function useLoyaltyMix() {
  return useQuery(getLoyaltyMixOptions());
}
