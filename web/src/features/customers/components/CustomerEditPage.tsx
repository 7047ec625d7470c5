import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '@/components/ErrorResult';
import { LoadingBlock } from '@/components/LoadingBlock';
import { PageHeader } from '@/components/PageHeader';
import { useCustomer } from '../api/getCustomer';
import { CustomerEditor } from './CustomerEditor';

export function CustomerEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const customer = useCustomer(id);
  if (customer.isPending) return <LoadingBlock />;
  if (customer.isError) return <ErrorResult error={customer.error} onRetry={() => void customer.refetch()} notFoundText={t('customers.notFound')} />;
  return (
    <>
      <PageHeader title={t('customers.editTitle')} subtitle={`${customer.data.name} · ${customer.data.code}`} />
      <CustomerEditor customer={customer.data} />
    </>
  );
}
