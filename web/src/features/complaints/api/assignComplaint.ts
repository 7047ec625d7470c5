import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';
import { complaintKeys } from './keys';

export function useAssignComplaint(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['AssignComplaintRequest']) =>
      unwrap(await api.POST('/api/v1/complaints/{id}/assign', { params: { path: { id } }, body })),
    meta: { silent: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: complaintKeys.all }),
  });
}
