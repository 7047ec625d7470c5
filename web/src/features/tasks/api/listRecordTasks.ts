import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { taskKeys } from './keys';

/** The tasks of a record's customer (or, without a customer, the tasks made from the record itself). */
export function listRecordTasksOptions(customerId: string | null | undefined, sourceId: string | undefined) {
  return queryOptions({
    queryKey: taskKeys.forRecord(customerId, sourceId),
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/tasks', { params: { query: { limit: 100, ...(customerId ? { customerId } : sourceId ? { sourceId } : {}) } }, signal })).items,
  });
}

export function useRecordTasks(customerId: string | null | undefined, sourceId: string | undefined) {
  return useQuery(listRecordTasksOptions(customerId, sourceId));
}
