import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

export function useLogOut() {
  return useMutation({
    mutationFn: async () => {
      unwrap(await api.POST('/api/v1/auth/logout'));
    },
  });
}
