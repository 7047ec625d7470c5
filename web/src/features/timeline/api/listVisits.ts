import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { timelineKeys, timelinePageSize } from './keys';

export const timelineVisitsOptions = (customerId: string) =>
  queryOptions({
    queryKey: timelineKeys.source(customerId, 'visits'),
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/customers/{customerId}/visits', { params: { path: { customerId }, query: { limit: timelinePageSize } }, signal })).items,
  });
