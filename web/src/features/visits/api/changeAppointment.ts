import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';
import { visitKeys } from './keys';

export function useChangeAppointment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['ChangeAppointmentRequest']) =>
      unwrap(await api.POST('/api/v1/visits/{id}/appointment', { params: { path: { id } }, body })),
    onSuccess: (visit) => {
      queryClient.setQueryData(visitKeys.detail(id), visit);
      return queryClient.invalidateQueries({ queryKey: visitKeys.all });
    },
  });
}
