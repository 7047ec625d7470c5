import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { referralKeys, type ReferralFilters } from './keys';

export function listReferralsOptions(filters: ReferralFilters) {
  return queryOptions({
    queryKey: referralKeys.list(filters),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/referrals', { params: { query: { limit: 200, ...filters } }, signal })).items,
  });
}

export function useReferrals(filters: ReferralFilters) {
  return useQuery(listReferralsOptions(filters));
}
