import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';
import { visitKeys, type VisitFilters } from './keys';

/** A calendar shows every visit of its range, so the list is read page by page (200 a page) up to this many. */
export const maxCalendarVisits = 2000;

export function listVisitsOptions(filters: VisitFilters) {
  return queryOptions({
    queryKey: visitKeys.list(filters),
    queryFn: async ({ signal }) => {
      const items: Schemas['VisitDto'][] = [];
      let cursor: string | undefined;
      do {
        const page = unwrap(await api.GET('/api/v1/visits', { params: { query: { limit: 200, ...filters, ...(cursor ? { cursor } : {}) } }, signal }));
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor && items.length < maxCalendarVisits);
      return { items, truncated: Boolean(cursor) };
    },
  });
}

export function useVisits(filters: VisitFilters) {
  return useQuery(listVisitsOptions(filters));
}
