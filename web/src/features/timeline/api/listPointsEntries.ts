import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { timelineKeys, timelinePageSize } from './keys';

export const timelinePointsOptions = (customerId: string) =>
  queryOptions({
    queryKey: timelineKeys.source(customerId, 'points'),
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/customers/{customerId}/points/entries', { params: { path: { customerId }, query: { limit: timelinePageSize } }, signal })).items,
  });
