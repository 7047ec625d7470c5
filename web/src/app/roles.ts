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
} satisfies Record<string, Role[]>;
