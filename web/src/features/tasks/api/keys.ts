export const taskKeys = {
  all: ['tasks'] as const,
  week: (week?: string, assigneeId?: string) => ['tasks', 'board', 'week', week ?? 'current', assigneeId ?? ''] as const,
  month: (month?: string) => ['tasks', 'board', 'month', month ?? 'current'] as const,
  summary: () => ['tasks', 'summary'] as const,
  forRecord: (customerId: string | null | undefined, sourceId: string | undefined) => ['tasks', 'record', customerId ?? '', sourceId ?? ''] as const,
};
