import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { complaintKeys } from './keys';

export function listComplaintEventsOptions(id: string) {
  return queryOptions({
    queryKey: complaintKeys.events(id),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/complaints/{id}/events', { params: { path: { id } }, signal })).items,
  });
}

export function useComplaintEvents(id: string) {
  return useQuery(listComplaintEventsOptions(id));
}
