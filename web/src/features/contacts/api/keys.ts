export const contactKeys = {
  list: (customerId: string) => ['customers', 'detail', customerId, 'contacts'] as const,
};

// The customer list shows each customer's primary contact, so contact changes refresh customer lists too.
export const customerListsKey = ['customers', 'list'] as const;
