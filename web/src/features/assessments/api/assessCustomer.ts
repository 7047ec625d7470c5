import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';
import { assessmentKeys } from './keys';

/** Records an assessment. The Idempotency-Key makes a retried click safe; the customer's latest grade and tasks change too. */
export function useAssessCustomer(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, key }: { body: Schemas['AssessCustomerRequest']; key: string }) =>
      unwrap(await api.POST('/api/v1/customers/{customerId}/assessments', { params: { path: { customerId }, header: { 'Idempotency-Key': key } }, body })),
    meta: { silent: true },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: assessmentKeys.list(customerId) }),
        queryClient.invalidateQueries({ queryKey: ['tasks'] }),
        queryClient.invalidateQueries({ queryKey: ['analytics', 'assessments-due'] }),
      ]),
  });
}
