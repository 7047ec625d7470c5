import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, isApiError, unwrap, type Schemas } from '@/lib/api/client';
import { settingsKeys } from './keys';

/** PUT with If-Match; a 412 (someone saved meanwhile) reloads the settings so the next save starts from them. */
export function useUpdateComplaintSla() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ version, body }: { version: number; body: Schemas['UpdateComplaintSlaRequest'] }) =>
      unwrap(await api.PUT('/api/v1/settings/complaint-sla', { params: { header: ifMatch(version) }, body })),
    meta: { silent: true },
    onSuccess: (sla) => queryClient.setQueryData(settingsKeys.complaintSla, sla),
    onError: (error) => (isApiError(error, 412) ? queryClient.invalidateQueries({ queryKey: settingsKeys.complaintSla }) : undefined),
  });
}
