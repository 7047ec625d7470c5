export const purchaseKeys = {
  forCustomer: (customerId: string) => ['customers', 'detail', customerId, 'purchases'] as const,
};

// A first purchase turns a prospect into an active customer (潜在客户 → 现实客户), so recording one refreshes
// the customer's own record and the customer lists.
export const customerDetailKey = (customerId: string) => ['customers', 'detail', customerId] as const;
export const customerListsKey = ['customers', 'list'] as const;
