import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';

const running = (job: Schemas['ImportJobDto'] | undefined) => !job || job.status === 'Queued' || job.status === 'Running';

/** An import job's progress; polled every second until it has finished. */
export function useImportJob(id: string | undefined, pollMs = 1000) {
  return useQuery({
    queryKey: ['imports', id],
    enabled: Boolean(id),
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/imports/{id}', { params: { path: { id: id! } }, signal })),
    refetchInterval: (query) => (running(query.state.data) ? pollMs : false),
  });
}

export const importFinished = (job: Schemas['ImportJobDto']) => !running(job);
