import type { paths } from '@/lib/api/schema';

export type CompositionQuery = NonNullable<paths['/api/v1/analytics/composition']['get']['parameters']['query']>;

export const analyticsKeys = {
  composition: (q: CompositionQuery) => ['analytics', 'composition', q] as const,
  targets: (month: string, teamId?: string) => ['analytics', 'targets', month, teamId ?? ''] as const,
  assessmentsDue: (months: number) => ['analytics', 'assessments-due', months] as const,
  reminders: (from: string, to: string) => ['analytics', 'reminders', from, to] as const,
  teams: () => ['teams', 'list'] as const,
  loyalty: () => ['analytics', 'loyalty'] as const,
  winBack: () => ['analytics', 'win-back'] as const,
};
