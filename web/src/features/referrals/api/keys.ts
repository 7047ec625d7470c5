import type { paths } from '@/lib/api/schema';

export type ReferralFilters = NonNullable<paths['/api/v1/referrals']['get']['parameters']['query']>;

export const referralKeys = {
  all: ['referrals'] as const,
  list: (filters: ReferralFilters) => ['referrals', 'list', filters] as const,
  stats: () => ['referrals', 'stats'] as const,
};
