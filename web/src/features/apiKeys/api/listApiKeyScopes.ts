import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

/** The scopes a key may be given (area:read / area:write), from the API's own table. */
export function listApiKeyScopesOptions() {
  return queryOptions({
    queryKey: ['api-keys', 'scopes'] as const,
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/api-keys/scopes', { signal })).items,
    staleTime: Infinity,
  });
}

export function useApiKeyScopes() {
  return useQuery(listApiKeyScopesOptions());
}
