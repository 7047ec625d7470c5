import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { settingsKeys } from './keys';

export function getScorecardTemplateOptions() {
  return queryOptions({ queryKey: settingsKeys.scorecard, queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/settings/scorecard-template', { signal })) });
}

export function useScorecardTemplate() {
  return useQuery(getScorecardTemplateOptions());
}
