import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { paths } from '@/lib/api/schema';

type Filters = NonNullable<paths['/api/v1/customers']['get']['parameters']['query']>;

export const countCap = 200;

/** The list API returns no total, so the home page counts one page of up to 200 and shows "200+" beyond.
 *  (A real dashboard endpoint replaces this later.) */
export function countCustomersOptions(filters: Filters) {
  return queryOptions({
    queryKey: ['customers', 'list', 'count', filters] as const,
    queryFn: async ({ signal }) => {
      const page = unwrap(await api.GET('/api/v1/customers', { params: { query: { ...filters, limit: countCap } }, signal }));
      return { count: page.items.length, more: Boolean(page.nextCursor) };
    },
  });
}

export function useCustomerCount(filters: Filters) {
  return useQuery(countCustomersOptions(filters));
}
