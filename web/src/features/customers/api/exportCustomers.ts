import { useMutation } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { api, unwrap } from '@/lib/api/client';
import type { CustomerFilters } from './keys';

/** Downloads the filtered list as CSV (the API streams it with a BOM so Excel shows Chinese). */
export function useExportCustomers() {
  return useMutation({
    mutationFn: async (filters: CustomerFilters) => {
      const blob = unwrap(await api.GET('/api/v1/customers/export', { params: { query: filters }, parseAs: 'blob' })) as Blob;
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `customers-${dayjs().format('YYYYMMDD-HHmm')}.csv`;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return blob.size;
    },
  });
}
