import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';
import { visitKeys } from './keys';

export type ComplianceFilters = { week: string; teamId?: string; ownerId?: string; status?: Schemas['ComplianceStatus'] };

export const compliancePageSize = 50;

/** The report a page at a time, furthest behind first; every page carries the whole scope's totals. */
export function complianceOptions(filters: ComplianceFilters) {
  return infiniteQueryOptions({
    queryKey: visitKeys.compliance(filters),
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await api.GET('/api/v1/visits/compliance', {
          params: {
            query: {
              week: filters.week,
              ...(filters.teamId ? { teamId: filters.teamId } : {}),
              ...(filters.ownerId ? { ownerId: filters.ownerId } : {}),
              ...(filters.status ? { status: filters.status } : {}),
              limit: compliancePageSize,
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
          signal,
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useCompliance(filters: ComplianceFilters) {
  return useInfiniteQuery(complianceOptions(filters));
}
