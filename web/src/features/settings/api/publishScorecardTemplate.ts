import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';
import { settingsKeys } from './keys';

/** Publishes a new version of the scorecard (the API keeps the old one for earlier assessments). */
export function usePublishScorecardTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['UpdateScorecardTemplateCommand']) => unwrap(await api.POST('/api/v1/settings/scorecard-template', { body })),
    meta: { silent: true },
    onSuccess: (template) => queryClient.setQueryData(settingsKeys.scorecard, template),
  });
}
