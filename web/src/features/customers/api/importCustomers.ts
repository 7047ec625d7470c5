import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';
import { customerKeys } from './keys';

const asCsv = { bodySerializer: (csv: string) => csv, headers: { 'Content-Type': 'text/csv' } };

/** The dry run: plans every row (create / update / skip / error) and writes nothing. */
export function useDryRunCustomerImport() {
  return useMutation({
    meta: { silent: true }, // the dialog shows the problem in place
    mutationFn: async (csv: string) =>
      // 200 answers the plan (the 202 job is only for dryRun=false).
      unwrap(await api.POST('/api/v1/imports/customers', { params: { query: { dryRun: true } }, body: csv, ...asCsv })) as Schemas['ImportReportDto'],
  });
}

/** Queues the import (202 with the job). The idempotency key makes a retried click or request start it only once. */
export function useStartCustomerImport() {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: async ({ csv, key }: { csv: string; key: string }) =>
      unwrap(
        await api.POST('/api/v1/imports/customers', {
          params: { query: { dryRun: false }, header: { 'Idempotency-Key': key } },
          body: csv,
          ...asCsv,
        }),
      ) as Schemas['ImportJobDto'],
    onSuccess: () => queryClient.invalidateQueries({ queryKey: customerKeys.lists() }),
  });
}
