import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { timelineKeys, timelinePageSize } from './keys';

export const timelineReferralsOptions = (customerId: string) =>
  queryOptions({
    queryKey: timelineKeys.source(customerId, 'referrals'),
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/customers/{customerId}/referrals', { params: { path: { customerId }, query: { limit: timelinePageSize } }, signal })).items,
  });
