import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { timelineKeys, timelinePageSize } from './keys';

/** The profile's change history (Admin; Manager for their team). */
export const timelineAuditOptions = (customerId: string) =>
  queryOptions({
    queryKey: timelineKeys.source(customerId, 'audit'),
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/audit', { params: { query: { entityType: 'Customer', entityId: customerId, limit: timelinePageSize } }, signal })).items,
  });
