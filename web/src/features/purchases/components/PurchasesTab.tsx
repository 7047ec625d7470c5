import { useMemo, useState } from 'react';
import { Button, Empty, Flex, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';
import { ErrorResult } from '@/components/ErrorResult';
import { formatDate, formatMoney, formatNumber, orDash } from '@/components/format';
import { useCustomerPurchases } from '../api/listCustomerPurchases';
import { RecordPurchaseModal } from './RecordPurchaseModal';

type Purchase = Schemas['PurchaseDto'];

/** The customer's deal records, newest first. */
export function PurchasesTab({ customerId, readOnly }: { customerId: string; readOnly: boolean }) {
  const { t } = useTranslation();
  const purchases = useCustomerPurchases(customerId);
  const [recording, setRecording] = useState(false);
  const rows = useMemo(() => purchases.data?.pages.flatMap((p) => p.items) ?? [], [purchases.data]);
  const f = (name: string) => t(`purchases.fields.${name}`);

  if (purchases.isError) return <ErrorResult error={purchases.error} onRetry={() => void purchases.refetch()} />;

  return (
    <>
      {!readOnly && (
        <Flex justify="end" style={{ marginBottom: 12 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)}>
            {t('purchases.record')}
          </Button>
        </Flex>
      )}
      <Table<Purchase>
        rowKey="id"
        loading={purchases.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: <Empty description={t('purchases.empty')} /> }}
        columns={[
          { title: f('purchasedOn'), dataIndex: 'purchasedOn', width: 120, render: formatDate },
          { title: f('product'), dataIndex: 'product' },
          { title: f('category'), dataIndex: 'category' },
          { title: f('quantity'), dataIndex: 'quantity', align: 'right', render: (v: number) => formatNumber(v) },
          { title: f('unitPrice'), dataIndex: 'unitPrice', align: 'right', render: (v: number, p) => formatMoney(v, p.currency) },
          { title: f('amount'), dataIndex: 'amount', align: 'right', render: (v: number, p) => <Typography.Text strong>{formatMoney(v, p.currency)}</Typography.Text> },
          { title: f('notes'), dataIndex: 'notes', ellipsis: true, render: orDash },
        ]}
      />
      {purchases.hasNextPage && (
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Button onClick={() => void purchases.fetchNextPage()} loading={purchases.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Flex>
      )}
      <RecordPurchaseModal customerId={customerId} open={recording} onClose={() => setRecording(false)} />
    </>
  );
}
