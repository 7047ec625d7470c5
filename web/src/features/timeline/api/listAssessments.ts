import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { timelineKeys } from './keys';

export const timelineAssessmentsOptions = (customerId: string) =>
  queryOptions({
    queryKey: timelineKeys.source(customerId, 'assessments'),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/customers/{customerId}/assessments', { params: { path: { customerId } }, signal })).items,
  });
