import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';
import { complaintKeys } from './keys';

export function useLogComplaint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['LogComplaintCommand']) => unwrap(await api.POST('/api/v1/complaints', { body })),
    meta: { silent: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: complaintKeys.all }),
  });
}
