import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '@/lib/api/client';
import { showError } from '@/components/feedback';

declare module '@tanstack/react-query' {
  interface Register {
    /** silent: the caller shows the error itself (a form with field errors, a conflict dialog, the login page). */
    mutationMeta: { silent?: boolean };
    queryMeta: { silent?: boolean };
  }
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      // Background refetch failures toast; first-load failures are shown in place by the page.
      onError: (error, query) => {
        if (query.state.data !== undefined && !query.meta?.silent) showError(error);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _vars, _ctx, mutation) => {
        if (!mutation.options.meta?.silent) showError(error);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => !(isApiError(error) && error.status < 500) && count < 2,
      },
      mutations: { retry: false },
    },
  });
}
