export const assessmentKeys = {
  list: (customerId: string) => ['customers', 'detail', customerId, 'assessments'] as const,
  template: ['settings', 'scorecard-template'] as const,
};
