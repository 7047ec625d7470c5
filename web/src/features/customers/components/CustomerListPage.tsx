import { useCallback, useMemo, useState } from 'react';
import { Button, Dropdown, Flex, Space, Typography } from 'antd';
import { DownOutlined, DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '@/components/ErrorResult';
import { LoadingBlock } from '@/components/LoadingBlock';
import { PageHeader } from '@/components/PageHeader';
import { hasRole, useMe } from '@/lib/session/session';
import { showSuccess } from '@/components/feedback';
import { useCustomerList } from '../api/listCustomers';
import { useExportCustomers } from '../api/exportCustomers';
import { ImportCsvModal } from './ImportCsvModal';
import type { ImportKind } from '../api/importCsv';
import { CustomerFilterBar } from './CustomerFilterBar';
import { CustomerTable } from './CustomerTable';
import { filtersFromUrl } from './customerFiltersUrl';

export function CustomerListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromUrl(params), [params]);
  const list = useCustomerList(filters);
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const exporter = useExportCustomers();
  const [importing, setImporting] = useState<ImportKind>();
  const canWrite = hasRole(me, 'Admin', 'Manager', 'Rep');

  const change = useCallback(
    (changes: Record<string, string | boolean | null>) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [name, value] of Object.entries(changes)) {
            if (value === null || value === '') next.delete(name);
            else next.set(name, String(value));
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  return (
    <>
      <PageHeader
        title={t('customers.title')}
        extra={
          <Space wrap>
            <Button
              icon={<DownloadOutlined />}
              loading={exporter.isPending}
              onClick={() => exporter.mutate(filters, { onSuccess: () => showSuccess(t('customers.exported')) })}
            >
              {t('customers.export')}
            </Button>
            {canWrite && (
              <Dropdown
                trigger={['click']}
                menu={{
                  items: (['customers', 'contacts', 'purchases'] as const).map((k) => ({ key: k, label: t(`customers.import.menu.${k}`) })),
                  onClick: ({ key }) => setImporting(key as ImportKind),
                }}
              >
                <Button icon={<UploadOutlined />}>
                  {t('customers.importButton')} <DownOutlined />
                </Button>
              </Dropdown>
            )}
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/customers/new')}>
                {t('customers.new')}
              </Button>
            )}
          </Space>
        }
      />
      <CustomerFilterBar filters={filters} meId={me.id} onChange={change} onClear={() => setParams(filters.sort ? { sort: filters.sort } : {}, { replace: true })} />
      {list.isPending ? (
        <LoadingBlock />
      ) : list.isError ? (
        <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <CustomerTable
            rows={rows}
            sort={filters.sort}
            onSort={(sort) => change({ sort })}
            hasNextPage={list.hasNextPage}
            isFetchingNextPage={list.isFetchingNextPage}
            fetchNextPage={() => void list.fetchNextPage()}
            height="max(360px, calc(100vh - 290px))"
          />
          <Flex justify="end" style={{ marginTop: 8 }}>
            <Typography.Text type="secondary" aria-live="polite" data-testid="customer-count">
              {t('common.loadedCount', { count: rows.length })}
              {!list.hasNextPage && rows.length > 0 && ` · ${t('common.endOfList')}`}
            </Typography.Text>
          </Flex>
        </>
      )}
      {canWrite && importing && <ImportCsvModal kind={importing} open onClose={() => setImporting(undefined)} />}
    </>
  );
}
