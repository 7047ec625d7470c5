import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { customerKeys } from './keys';

/** Moves everything of the duplicate onto the survivor and archives the duplicate, in one transaction. */
export function useMergeCustomers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ survivorId, duplicateId }: { survivorId: string; duplicateId: string }) =>
      unwrap(await api.POST('/api/v1/customers/{id}/merge', { params: { path: { id: survivorId } }, body: { duplicateId } })),
    onSuccess: (result) => {
      queryClient.setQueryData(customerKeys.detail(result.survivor.id), result.survivor);
      // Contacts, deals, visits… of the survivor changed too: everything under the customers key reads afresh.
      return queryClient.invalidateQueries({ queryKey: customerKeys.all });
    },
  });
}
