import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { teamKeys } from './listTeams';

export function useAddTeamMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ teamId, userId }: { teamId: string; userId: string }) =>
      unwrap(await api.POST('/api/v1/teams/{id}/members', { params: { path: { id: teamId } }, body: { userId } })),
    // Adding moves the user out of any other team, so every team and the user list change.
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: teamKeys.all }), queryClient.invalidateQueries({ queryKey: ['users'] })]),
  });
}
