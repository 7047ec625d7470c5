import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap, type Schemas } from '@/lib/api/client';
import { taskKeys } from './keys';

export type UpdateTaskVariables = { id: string; version: number; body: Schemas['TaskInput'] };

export function updateTask({ id, version, body }: UpdateTaskVariables) {
  return api.PUT('/api/v1/tasks/{id}', { params: { path: { id }, header: ifMatch(version) }, body }).then(unwrap);
}

export function useUpdateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateTask,
    meta: { silent: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: taskKeys.all }),
  });
}
