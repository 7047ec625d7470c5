import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { settingsKeys } from './keys';

export function getComplaintSlaOptions() {
  return queryOptions({ queryKey: settingsKeys.complaintSla, queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/settings/complaint-sla', { signal })) });
}

export function useComplaintSla() {
  return useQuery(getComplaintSlaOptions());
}
