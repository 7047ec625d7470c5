export const taskKeys = {
  all: ['tasks'] as const,
  week: (week?: string, assigneeId?: string) => ['tasks', 'board', 'week', week ?? 'current', assigneeId ?? ''] as const,
  summary: () => ['tasks', 'summary'] as const,
};
