import type { Schemas } from '@/lib/api/client';

type Reminder = Schemas['ReminderDto'];

/** The SPA page behind a reminder (the API's `link` is the record's API path), or null for festivals. */
export function reminderRoute(r: Reminder): string | null {
  switch (r.kind) {
    case 'ComplaintDue':
      return r.recordId ? `/complaints/${r.recordId}` : '/complaints';
    case 'ThanksDue':
      return '/referrals?tab=thanks';
    case 'TaskDue':
      return '/board';
    case 'Birthday':
    case 'ImportantDate':
    case 'NotContacted':
      return r.customerId ? `/customers/${r.customerId}` : null;
    case 'VisitDue':
      return r.customerId ? `/customers/${r.customerId}?tab=visits` : '/visits/my-week';
    default:
      return null;
  }
}

export const reminderColor: Record<Schemas['ReminderKind'], string> = {
  Birthday: 'magenta', ImportantDate: 'purple', Festival: 'red', NotContacted: 'orange', ComplaintDue: 'volcano', ThanksDue: 'green', VisitDue: 'blue', TaskDue: 'geekblue',
};
