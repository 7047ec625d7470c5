import { useMutation } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';

export function useLogIn() {
  return useMutation({
    mutationFn: async (body: Schemas['LogInCommand']) => unwrap(await api.POST('/api/v1/auth/login', { body })),
    meta: { silent: true },
  });
}
