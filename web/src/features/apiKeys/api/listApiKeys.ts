import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

export const apiKeyKeys = { all: ['api-keys'] as const };

export function listApiKeysOptions() {
  return queryOptions({
    queryKey: apiKeyKeys.all,
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/api-keys', { signal })).items,
  });
}

export function useApiKeys() {
  return useQuery(listApiKeysOptions());
}
