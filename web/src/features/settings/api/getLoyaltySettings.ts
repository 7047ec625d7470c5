import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { settingsKeys } from './keys';

export function getLoyaltySettingsOptions() {
  return queryOptions({ queryKey: settingsKeys.loyalty, queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/settings/loyalty', { signal })) });
}

export function useLoyaltySettings() {
  return useQuery(getLoyaltySettingsOptions());
}
