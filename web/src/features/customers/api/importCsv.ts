import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/lib/api/client';
import { customerKeys } from './keys';

/** What a CSV file can bring in: customers, their contact people, or deal records (both name the customer by code). */
export type ImportKind = 'customers' | 'contacts' | 'purchases';

const asCsv = { bodySerializer: (csv: string) => csv, headers: { 'Content-Type': 'text/csv' } };

async function post(kind: ImportKind, csv: string, dryRun: boolean, key?: string) {
  const params = { query: { dryRun }, ...(key ? { header: { 'Idempotency-Key': key } } : {}) };
  const options = { params, body: csv, ...asCsv };
  switch (kind) {
    case 'customers':
      return unwrap(await api.POST('/api/v1/imports/customers', options));
    case 'contacts':
      return unwrap(await api.POST('/api/v1/imports/contacts', options));
    case 'purchases':
      return unwrap(await api.POST('/api/v1/imports/purchases', options));
  }
}

/** The dry run: plans every row (create / update / skip / error) and writes nothing. */
export function useDryRunImport(kind: ImportKind) {
  return useMutation({
    meta: { silent: true }, // the dialog shows the problem in place
    // 200 answers the plan (the 202 job is only for dryRun=false).
    mutationFn: async (csv: string) => (await post(kind, csv, true)) as Schemas['ImportReportDto'],
  });
}

/** Queues the import (202 with the job). The idempotency key makes a retried click or request start it only once. */
export function useStartImport(kind: ImportKind) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: async ({ csv, key }: { csv: string; key: string }) => (await post(kind, csv, false, key)) as Schemas['ImportJobDto'],
    // Contacts and deals change customers too (primary contact, prospect → active, points).
    onSuccess: () => queryClient.invalidateQueries({ queryKey: customerKeys.all }),
  });
}
