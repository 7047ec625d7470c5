import { useState, type ReactNode } from 'react';
import { Alert, Button, Card, Flex, Popconfirm, Space, Tabs, Tag, Typography, type TabsProps } from 'antd';
import { EditOutlined, InboxOutlined, RollbackOutlined, SwapOutlined, CrownFilled, MergeCellsOutlined } from '@ant-design/icons';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';
import { ErrorResult } from '@/components/ErrorResult';
import { LoadingBlock } from '@/components/LoadingBlock';
import { showSuccess } from '@/components/feedback';
import { formatDate } from '@/components/format';
import { hasRole, useMe } from '@/lib/session/session';
import { useCustomer } from '../api/getCustomer';
import { useArchiveCustomer } from '../api/archiveCustomer';
import { useRestoreCustomer } from '../api/restoreCustomer';
import { CustomerOverview } from './CustomerOverview';
import { LevelTag, LifecycleTag } from './CustomerTags';
import { TransferDialog } from './TransferDialog';
import { MergeDialog } from './MergeDialog';

type Customer = Schemas['CustomerDto'];

type Props = {
  /** Tabs other features contribute (contacts, deal records); composed by the route. */
  extraTabs: (customer: Customer, readOnly: boolean) => NonNullable<TabsProps['items']>;
  /** Header buttons other features contribute (e.g. the customer's tasks). */
  extraActions?: (customer: Customer, readOnly: boolean) => ReactNode;
};

export function CustomerDetailPage({ extraTabs, extraActions }: Props) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const me = useMe();
  const customer = useCustomer(id);
  const archive = useArchiveCustomer();
  const restore = useRestoreCustomer();
  const [transferring, setTransferring] = useState(false);
  const [merging, setMerging] = useState(false);

  if (customer.isPending) return <LoadingBlock />;
  if (customer.isError) return <ErrorResult error={customer.error} onRetry={() => void customer.refetch()} notFoundText={t('customers.notFound')} />;

  const c = customer.data;
  const archived = c.lifecycle === 'Archived';
  const canWrite = hasRole(me, 'Admin', 'Manager', 'Rep');
  const canTransfer = hasRole(me, 'Admin', 'Manager');
  const readOnly = archived || !canWrite;
  const tab = params.get('tab') ?? 'overview';

  return (
    <>
      <Card style={{ marginBottom: 16 }} styles={{ body: { paddingBottom: 16 } }}>
        <Flex justify="space-between" align="start" wrap gap={12}>
          <div style={{ minWidth: 0 }}>
            <Space wrap size={8} align="center">
              <Typography.Title level={3} style={{ margin: 0 }}>
                {c.name}
              </Typography.Title>
              {c.isKeyAccount && (
                <Tag color="gold" icon={<CrownFilled />}>
                  {t('customers.keyAccount')}
                </Tag>
              )}
              <LevelTag level={c.level} />
              <LifecycleTag lifecycle={c.lifecycle} />
              {c.isAlerted && <Tag color="red">{t('customers.alert')}</Tag>}
            </Space>
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
              {t('customers.fields.code')}: {c.code} · {t('customers.fields.owner')}: {c.ownerName}
            </Typography.Paragraph>
          </div>
          <Space wrap>
          {extraActions?.(c, readOnly)}
          {canWrite && (
            <Space wrap>
              {!archived && (
                <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(`/customers/${c.id}/edit`)}>
                  {t('common.edit')}
                </Button>
              )}
              {canTransfer && !archived && (
                <Button icon={<SwapOutlined />} onClick={() => setTransferring(true)}>
                  {t('customers.actions.transfer')}
                </Button>
              )}
              {!archived && (
                <Button icon={<MergeCellsOutlined />} onClick={() => setMerging(true)}>
                  {t('customers.merge.button')}
                </Button>
              )}
              {archived ? (
                <Popconfirm
                  title={t('customers.restoreConfirm')}
                  okText={t('common.confirm')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => restore.mutateAsync({ id: c.id, version: c.version }).then(() => showSuccess(t('customers.restored'))).catch(() => undefined)}
                >
                  <Button icon={<RollbackOutlined />} loading={restore.isPending}>
                    {t('customers.actions.restore')}
                  </Button>
                </Popconfirm>
              ) : (
                <Popconfirm
                  title={t('customers.archiveConfirm')}
                  okText={t('common.confirm')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => archive.mutateAsync({ id: c.id, version: c.version }).then(() => showSuccess(t('customers.archived'))).catch(() => undefined)}
                >
                  <Button danger icon={<InboxOutlined />} loading={archive.isPending}>
                    {t('customers.actions.archive')}
                  </Button>
                </Popconfirm>
              )}
            </Space>
          )}
          </Space>
        </Flex>
        {archived && <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('customers.archivedBanner', { date: formatDate(c.archivedAt) })} />}
      </Card>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'overview' ? {} : { tab: key }, { replace: true })}
        items={[{ key: 'overview', label: t('customers.tabs.overview'), children: <CustomerOverview customer={c} /> }, ...extraTabs(c, readOnly)]}
      />
      {canTransfer && <TransferDialog customer={c} open={transferring} onClose={() => setTransferring(false)} />}
      {canWrite && <MergeDialog customer={c} open={merging} onClose={() => setMerging(false)} />}
    </>
  );
}
