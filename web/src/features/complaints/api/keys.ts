import type { paths } from '@/lib/api/schema';

export type ComplaintFilters = NonNullable<paths['/api/v1/complaints']['get']['parameters']['query']>;

export const complaintKeys = {
  all: ['complaints'] as const,
  list: (filters: ComplaintFilters) => ['complaints', 'list', filters] as const,
  forCustomer: (customerId: string) => ['complaints', 'customer', customerId] as const,
  detail: (id: string) => ['complaints', 'detail', id] as const,
  events: (id: string) => ['complaints', 'detail', id, 'events'] as const,
  suggested: (id: string) => ['complaints', 'detail', id, 'suggested'] as const,
  stats: (from: string, to: string) => ['complaints', 'stats', from, to] as const,
};
