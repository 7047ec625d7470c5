import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { complaintKeys } from './keys';

export function getComplaintOptions(id: string) {
  return queryOptions({
    queryKey: complaintKeys.detail(id),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/complaints/{id}', { params: { path: { id } }, signal })),
  });
}

export function useComplaint(id: string) {
  return useQuery(getComplaintOptions(id));
}
