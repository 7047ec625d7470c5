import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';
import { taskKeys } from './keys';

export function changeTaskStatus(id: string, status: Schemas['TaskItemStatus']) {
  return api.POST('/api/v1/tasks/{id}/status', { params: { path: { id } }, body: { status } }).then(unwrap);
}

export function useChangeTaskStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: Schemas['TaskItemStatus'] }) => changeTaskStatus(id, status),
    onSettled: () => queryClient.invalidateQueries({ queryKey: taskKeys.all }),
  });
}
