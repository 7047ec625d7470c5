import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

/** Users for the member and manager pickers (first 200; the pickers search by name). */
export function listUserOptionsOptions() {
  return queryOptions({
    queryKey: ['users', 'options'] as const,
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/users', { params: { query: { limit: 200 } }, signal })).items,
  });
}

export function useUserOptions() {
  return useQuery(listUserOptionsOptions());
}
