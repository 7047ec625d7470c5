import { Empty, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';
import { ErrorResult } from '@/components/ErrorResult';
import { formatDate } from '@/components/format';
import { useCustomerReferrals } from '../api/listCustomerReferrals';

const statusColor: Record<Schemas['ReferralStatus'], string> = { New: 'blue', Contacted: 'cyan', Qualified: 'purple', Won: 'green', Lost: 'default' };

/** Referrals this customer made, and the one that brought them in. */
export function CustomerReferralsTab({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const referrals = useCustomerReferrals(customerId);
  const f = (name: string) => t(`work.referrals.fields.${name}`);
  if (referrals.isError) return <ErrorResult error={referrals.error} onRetry={() => void referrals.refetch()} />;
  return (
    <Table<Schemas['ReferralDto']>
      rowKey="id"
      loading={referrals.isPending}
      dataSource={referrals.data ?? []}
      pagination={false}
      scroll={{ x: 800 }}
      locale={{ emptyText: <Empty description={t('work.referrals.empty')} /> }}
      columns={[
        { title: f('referrer'), render: (_, r) => (r.referrerId === customerId ? r.referrerName : <Link to={`/customers/${r.referrerId}`}>{r.referrerName}</Link>) },
        { title: f('referred'), render: (_, r) => (r.referredId === customerId ? r.referredName : <Link to={`/customers/${r.referredId}`}>{r.referredName}</Link>) },
        { title: f('referredOn'), width: 120, render: (_, r) => formatDate(r.referredOn) },
        { title: f('channel'), width: 100, render: (_, r) => t(`work.enums.referralChannel.${r.channel}`) },
        { title: f('status'), width: 110, render: (_, r) => <Tag color={statusColor[r.status]}>{t(`work.enums.referralStatus.${r.status}`)}</Tag> },
        { title: t('work.referrals.thanked'), width: 110, render: (_, r) => formatDate(r.thankedAt) },
      ]}
    />
  );
}
