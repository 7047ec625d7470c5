import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, isApiError, unwrap, type Schemas } from '@/lib/api/client';
import { settingsKeys } from './keys';

export function useUpdateLoyaltySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ version, body }: { version: number; body: Schemas['UpdateLoyaltySettingsRequest'] }) =>
      unwrap(await api.PUT('/api/v1/settings/loyalty', { params: { header: ifMatch(version) }, body })),
    meta: { silent: true },
    onSuccess: (settings) => queryClient.setQueryData(settingsKeys.loyalty, settings),
    onError: (error) => (isApiError(error, 412) ? queryClient.invalidateQueries({ queryKey: settingsKeys.loyalty }) : undefined),
  });
}
