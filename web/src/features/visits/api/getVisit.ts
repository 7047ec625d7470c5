import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { visitKeys } from './keys';

export function getVisitOptions(id: string) {
  return queryOptions({
    queryKey: visitKeys.detail(id),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/visits/{id}', { params: { path: { id } }, signal })),
  });
}

export function useVisit(id: string) {
  return useQuery(getVisitOptions(id));
}
