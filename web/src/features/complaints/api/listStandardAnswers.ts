import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

export const standardAnswerKeys = { all: ['complaints', 'standard-answers'] as const };

export function listStandardAnswersOptions() {
  return queryOptions({
    queryKey: standardAnswerKeys.all,
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/standard-answers', { signal })).items,
  });
}

export function useStandardAnswers() {
  return useQuery(listStandardAnswersOptions());
}
