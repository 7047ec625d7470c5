import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { analyticsKeys } from './keys';

export function listAssessmentsDueOptions(months: number) {
  return infiniteQueryOptions({
    queryKey: analyticsKeys.assessmentsDue(months),
    queryFn: async ({ pageParam, signal }) =>
      unwrap(await api.GET('/api/v1/assessments/due', { params: { query: { months, limit: 50, ...(pageParam ? { cursor: pageParam } : {}) } }, signal })),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useAssessmentsDue(months: number) {
  return useInfiniteQuery(listAssessmentsDueOptions(months));
}
