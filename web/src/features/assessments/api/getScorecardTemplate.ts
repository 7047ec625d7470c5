import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { assessmentKeys } from './keys';

/** The current scorecard the form is built from. */
export function getScorecardTemplateOptions() {
  return queryOptions({ queryKey: assessmentKeys.template, queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/settings/scorecard-template', { signal })) });
}

export function useScorecardTemplate(enabled = true) {
  return useQuery({ ...getScorecardTemplateOptions(), enabled });
}
