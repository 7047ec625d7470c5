import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';
import { userKeys } from './listUsers';

export function useChangeUserRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, role }: { id: string; role: Schemas['Role'] }) =>
      unwrap(await api.POST('/api/v1/users/{id}/role', { params: { path: { id } }, body: { role } })),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: userKeys.all }), queryClient.invalidateQueries({ queryKey: ['teams'] })]),
  });
}
