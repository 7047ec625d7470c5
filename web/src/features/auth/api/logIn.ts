import { useMutation } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';

export function useLogIn() {
  return useMutation({
    mutationFn: async (body: Schemas['LogInCommand']) => {
      const signedIn = unwrap(await api.POST('/api/v1/auth/login', { body }));
      // The antiforgery token is bound to the signed-in identity; the one minted during the login request
      // may predate it, so take a fresh one from /auth/me (falling back to the login response).
      const me = await api.GET('/api/v1/auth/me');
      return me.data ?? signedIn;
    },
    meta: { silent: true },
  });
}
