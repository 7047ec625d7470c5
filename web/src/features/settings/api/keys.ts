export const settingsKeys = {
  complaintSla: ['settings', 'complaint-sla'] as const,
  scorecard: ['settings', 'scorecard-template'] as const,
  loyalty: ['settings', 'loyalty'] as const,
  holidays: (year: number) => ['settings', 'holidays', year] as const,
};
