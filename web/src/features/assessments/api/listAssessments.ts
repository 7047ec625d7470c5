import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { assessmentKeys } from './keys';

export function listAssessmentsOptions(customerId: string) {
  return queryOptions({
    queryKey: assessmentKeys.list(customerId),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/customers/{customerId}/assessments', { params: { path: { customerId } }, signal })).items,
  });
}

export function useAssessments(customerId: string) {
  return useQuery(listAssessmentsOptions(customerId));
}
