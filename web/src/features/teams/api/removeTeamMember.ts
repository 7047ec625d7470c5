import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap } from '@/lib/api/client';
import { teamKeys } from './listTeams';

export function useRemoveTeamMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ teamId, userId, version }: { teamId: string; userId: string; version: number }) =>
      unwrap(await api.DELETE('/api/v1/teams/{id}/members/{userId}', { params: { path: { id: teamId, userId }, header: ifMatch(version) } })),
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: teamKeys.all }), queryClient.invalidateQueries({ queryKey: ['users'] })]),
  });
}
