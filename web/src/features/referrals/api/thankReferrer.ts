import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { referralKeys } from './keys';

export function useThankReferrer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, method }: { id: string; method: string }) =>
      unwrap(await api.POST('/api/v1/referrals/{id}/thanks', { params: { path: { id } }, body: { method, thankedAt: null } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: referralKeys.all }),
  });
}
