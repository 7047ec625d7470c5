import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';
import { userKeys } from './listUsers';

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['CreateUserCommand']) => unwrap(await api.POST('/api/v1/users', { body })),
    meta: { silent: true },
    // A new user with a team also changes that team's member list.
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: userKeys.all }), queryClient.invalidateQueries({ queryKey: ['teams'] })]),
  });
}
