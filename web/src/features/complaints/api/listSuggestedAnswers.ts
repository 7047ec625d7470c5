import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { complaintKeys } from './keys';

export function listSuggestedAnswersOptions(id: string) {
  return queryOptions({
    queryKey: complaintKeys.suggested(id),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/complaints/{id}/suggested-answers', { params: { path: { id } }, signal })).items,
    staleTime: 5 * 60_000,
  });
}

export function useSuggestedAnswers(id: string) {
  return useQuery(listSuggestedAnswersOptions(id));
}
