import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { visitKeys } from './keys';

export function listReviewQueueOptions() {
  return queryOptions({
    queryKey: visitKeys.reviewQueue(),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/visits/review-queue', { params: { query: { limit: 200 } }, signal })).items,
  });
}

export function useReviewQueue() {
  return useQuery(listReviewQueueOptions());
}
