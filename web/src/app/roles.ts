import type { Role } from '@/lib/session/session';

/** Who sees which work screen (the API enforces the same; analysts get read-only views). */
export const roles = {
  visits: ['Rep', 'Manager', 'Admin'],
  review: ['Manager', 'Admin'],
  compliance: ['Rep', 'Manager', 'Admin', 'Analyst'],
  complaints: ['Service', 'Admin', 'Manager', 'Rep'],
  standardAnswers: ['Service', 'Admin'],
  complaintStats: ['Service', 'Admin', 'Manager', 'Analyst'],
  referrals: ['Rep', 'Manager', 'Admin', 'Analyst'],
  analytics: ['Rep', 'Manager', 'Admin', 'Analyst'],
  targets: ['Rep', 'Manager', 'Admin', 'Analyst'],
  assessments: ['Rep', 'Manager', 'Admin', 'Analyst'],
  reminders: ['Rep', 'Manager', 'Admin', 'Service', 'Analyst'],
} satisfies Record<string, Role[]>;
