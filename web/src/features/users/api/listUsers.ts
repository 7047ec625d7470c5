import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';

export const userKeys = { all: ['users'] as const, list: (role?: Schemas['Role']) => ['users', 'list', role ?? 'all'] as const };

export function listUsersOptions(role?: Schemas['Role']) {
  return infiniteQueryOptions({
    queryKey: userKeys.list(role),
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await api.GET('/api/v1/users', {
          params: { query: { limit: 100, ...(role ? { role } : {}), ...(pageParam ? { cursor: pageParam } : {}) } },
          signal,
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useUsers(role?: Schemas['Role']) {
  return useInfiniteQuery(listUsersOptions(role));
}
