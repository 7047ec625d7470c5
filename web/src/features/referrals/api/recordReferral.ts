import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';
import { referralKeys } from './keys';

// A new prospect recorded inline is a new customer, so the customer lists refresh too.
export function useRecordReferral() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['RecordReferralCommand']) => unwrap(await api.POST('/api/v1/referrals', { body })),
    meta: { silent: true },
    onSuccess: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: referralKeys.all }), queryClient.invalidateQueries({ queryKey: ['customers', 'list'] })]),
  });
}
