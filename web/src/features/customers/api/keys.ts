import type { paths } from '@/lib/api/schema';

export type CustomerFilters = NonNullable<paths['/api/v1/customers']['get']['parameters']['query']>;

// Other features invalidate ['customers'] after changes that move a customer's figures (a purchase makes a
// prospect active), so the root key is part of the contract between features and must stay a plain string.
export const customerKeys = {
  all: ['customers'] as const,
  lists: () => ['customers', 'list'] as const,
  list: (filters: CustomerFilters) => ['customers', 'list', filters] as const,
  detail: (id: string) => ['customers', 'detail', id] as const,
};
