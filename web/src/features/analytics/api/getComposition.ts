import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { analyticsKeys, type CompositionQuery } from './keys';

export function getCompositionOptions(q: CompositionQuery) {
  return queryOptions({
    queryKey: analyticsKeys.composition(q),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/analytics/composition', { params: { query: q }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useComposition(q: CompositionQuery) {
  return useQuery(getCompositionOptions(q));
}
