import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';
import { referralKeys } from './keys';

export function useMoveReferral() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: Schemas['MoveReferralRequest'] }) =>
      unwrap(await api.POST('/api/v1/referrals/{id}/status', { params: { path: { id } }, body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: referralKeys.all }),
  });
}
