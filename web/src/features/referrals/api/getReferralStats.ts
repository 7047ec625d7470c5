import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { referralKeys } from './keys';

export function getReferralStatsOptions() {
  return queryOptions({
    queryKey: referralKeys.stats(),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/referrals/stats', { signal })),
  });
}

export function useReferralStats() {
  return useQuery(getReferralStatsOptions());
}
