import { useMemo, useState } from 'react';
import { Button, Empty, Flex, Popconfirm, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';
import { ErrorResult } from '@/components/ErrorResult';
import { showSuccess } from '@/components/feedback';
import { formatDate, formatMoney, formatNumber, orDash } from '@/components/format';
import { useCustomerPurchases } from '../api/listCustomerPurchases';
import { useDeletePurchase } from '../api/deletePurchase';
import { RecordPurchaseModal } from './RecordPurchaseModal';

type Purchase = Schemas['PurchaseDto'];

/** The customer's deal records, newest first. */
export function PurchasesTab({ customerId, readOnly }: { customerId: string; readOnly: boolean }) {
  const { t } = useTranslation();
  const purchases = useCustomerPurchases(customerId);
  const [recording, setRecording] = useState(false);
  const [correcting, setCorrecting] = useState<Purchase>();
  const remove = useDeletePurchase(customerId);
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
          ...(readOnly
            ? []
            : [{
                title: t('common.actions'), key: 'actions', width: 140, fixed: 'right' as const,
                render: (_: unknown, p: Purchase) => (
                  <Space size={0}>
                    <Button size="small" type="link" onClick={() => setCorrecting(p)} aria-label={`${t('purchases.correct')}: ${p.product}`}>{t('purchases.correct')}</Button>
                    <Popconfirm
                      title={t('purchases.deleteConfirm')}
                      okText={t('common.delete')}
                      okButtonProps={{ danger: true }}
                      cancelText={t('common.cancel')}
                      onConfirm={() => remove.mutateAsync({ id: p.id, version: p.version }).then(() => showSuccess(t('purchases.deleted'))).catch(() => undefined)}
                    >
                      <Button size="small" type="link" danger aria-label={`${t('common.delete')}: ${p.product}`}>{t('common.delete')}</Button>
                    </Popconfirm>
                  </Space>
                ),
              }]),
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
      <RecordPurchaseModal customerId={customerId} open={correcting !== undefined} purchase={correcting} onClose={() => setCorrecting(undefined)} />
    </>
  );
}
