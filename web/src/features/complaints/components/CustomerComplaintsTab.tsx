import { useMemo, useState } from 'react';
import { Button, Empty, Flex, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';
import { ErrorResult } from '@/components/ErrorResult';
import { formatDateTime } from '@/components/format';
import { useCustomerComplaints } from '../api/listCustomerComplaints';
import { ComplaintIntakeModal } from './ComplaintIntakeModal';
import { ComplaintStatusTag, SeverityTag, SlaTag } from './SlaTag';

export function CustomerComplaintsTab({ customerId, customerName, canLog }: { customerId: string; customerName: string; canLog: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const complaints = useCustomerComplaints(customerId);
  const [intake, setIntake] = useState(false);
  const customer = useMemo(() => ({ id: customerId, name: customerName }), [customerId, customerName]);
  const f = (name: string) => t(`work.complaints.fields.${name}`);
  if (complaints.isError) return <ErrorResult error={complaints.error} onRetry={() => void complaints.refetch()} />;
  return (
    <>
      {canLog && (
        <Flex justify="end" style={{ marginBottom: 12 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setIntake(true)}>{t('work.complaints.intake')}</Button>
        </Flex>
      )}
      <Table<Schemas['ComplaintDto']>
        rowKey="id"
        loading={complaints.isPending}
        dataSource={complaints.data ?? []}
        pagination={false}
        scroll={{ x: 800 }}
        locale={{ emptyText: <Empty description={t('work.complaints.empty')} /> }}
        columns={[
          { title: f('number'), width: 130, render: (_, c) => <Link to={`/complaints/${c.id}`}>{c.number}</Link> },
          { title: f('receivedAt'), width: 150, render: (_, c) => formatDateTime(c.receivedAt) },
          { title: f('category'), width: 130, render: (_, c) => t(`work.enums.complaintCategory.${c.category}`) },
          { title: f('severity'), width: 90, render: (_, c) => <SeverityTag severity={c.severity} /> },
          { title: f('status'), width: 100, render: (_, c) => <ComplaintStatusTag status={c.status} /> },
          { title: f('sla'), width: 100, render: (_, c) => <SlaTag sla={c.sla} /> },
          { title: f('description'), dataIndex: 'description', ellipsis: true },
        ]}
      />
      <ComplaintIntakeModal open={intake} customer={customer} onClose={() => setIntake(false)} onLogged={(c) => navigate(`/complaints/${c.id}`)} />
    </>
  );
}
