export const pointsKeys = {
  account: (customerId: string) => ['customers', 'detail', customerId, 'points'] as const,
  entries: (customerId: string) => ['customers', 'detail', customerId, 'points', 'entries'] as const,
};
// Posting points changes the customer's points figure on its record too.
export const customerDetailKey = (customerId: string) => ['customers', 'detail', customerId] as const;
