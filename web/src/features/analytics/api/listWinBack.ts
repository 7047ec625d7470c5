import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { analyticsKeys } from './keys';

/** Lapsed repeat buyers to win back, most valuable first (cursor pages). */
export function listWinBackOptions() {
  return infiniteQueryOptions({
    queryKey: analyticsKeys.winBack(),
    queryFn: async ({ pageParam, signal }) =>
      unwrap(await api.GET('/api/v1/analytics/win-back', { params: { query: { limit: 50, ...(pageParam ? { cursor: pageParam } : {}) } }, signal })),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useWinBack() {
  return useInfiniteQuery(listWinBackOptions());
}
