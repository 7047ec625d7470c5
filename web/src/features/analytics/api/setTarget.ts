import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';
import { analyticsKeys } from './keys';

/** Sets a month's target for a rep or a team; the answer is the refreshed board of that month (and team). */
export function useSetTarget() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['SetSalesTargetCommand']) => unwrap(await api.POST('/api/v1/targets', { body })),
    meta: { silent: true },
    onSuccess: (board, body) => {
      queryClient.setQueryData(analyticsKeys.targets(board.month, body.teamId ?? undefined), board);
      return queryClient.invalidateQueries({ queryKey: ['analytics', 'targets'] });
    },
  });
}
