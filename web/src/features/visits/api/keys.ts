import type { paths } from '@/lib/api/schema';
import type { ComplianceFilters } from './getCompliance';

export type VisitFilters = NonNullable<paths['/api/v1/visits']['get']['parameters']['query']>;

export const visitKeys = {
  all: ['visits'] as const,
  list: (filters: VisitFilters) => ['visits', 'list', filters] as const,
  forCustomer: (customerId: string) => ['visits', 'customer', customerId] as const,
  detail: (id: string) => ['visits', 'detail', id] as const,
  due: () => ['visits', 'due'] as const,
  reviewQueue: () => ['visits', 'review-queue'] as const,
  compliance: (filters: ComplianceFilters) => ['visits', 'compliance', filters] as const,
};
