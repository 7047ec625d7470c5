import { useMemo, useState } from 'react';
import { Button, Empty, Flex, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';
import { ErrorResult } from '@/components/ErrorResult';
import { formatDateTime } from '@/components/format';
import { useCustomerVisits } from '../api/listCustomerVisits';
import { PlanVisitModal } from './PlanVisitModal';
import { FormTag, ReviewStatusTag, VisitStatusTag } from './VisitTags';

type Visit = Schemas['VisitDto'];

export function CustomerVisitsTab({ customerId, customerName, readOnly }: { customerId: string; customerName: string; readOnly: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const visits = useCustomerVisits(customerId);
  const [planning, setPlanning] = useState(false);
  const prefill = useMemo(() => ({ customerId, customerName }), [customerId, customerName]);
  const f = (name: string) => t(`work.visits.fields.${name}`);
  if (visits.isError) return <ErrorResult error={visits.error} onRetry={() => void visits.refetch()} />;
  return (
    <>
      {!readOnly && (
        <Flex justify="end" style={{ marginBottom: 12 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setPlanning(true)}>{t('work.visits.planVisit')}</Button>
        </Flex>
      )}
      <Table<Visit>
        rowKey="id"
        loading={visits.isPending}
        dataSource={visits.data ?? []}
        pagination={false}
        scroll={{ x: 800 }}
        locale={{ emptyText: <Empty description={t('work.visits.empty')} /> }}
        columns={[
          { title: f('time'), width: 160, render: (_, v) => <Link to={`/visits/${v.id}`}>{formatDateTime(v.actualStart ?? v.plannedStart ?? v.createdAt)}</Link> },
          { title: f('form'), width: 110, render: (_, v) => <FormTag form={v.form} /> },
          { title: f('visitor'), dataIndex: 'visitorName', width: 140 },
          { title: f('status'), width: 120, render: (_, v) => <VisitStatusTag status={v.status} /> },
          { title: f('reviewStatus'), width: 110, render: (_, v) => <ReviewStatusTag status={v.reviewStatus} /> },
          { title: f('summary'), dataIndex: 'summary', ellipsis: true },
        ]}
      />
      <PlanVisitModal open={planning} prefill={prefill} onClose={() => setPlanning(false)} onPlanned={(v) => navigate(`/visits/${v.id}`)} />
    </>
  );
}
