import { useState } from 'react';
import { Badge, Button, Empty, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { PlusOutlined, RetweetOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';
import { ErrorResult } from '@/components/ErrorResult';
import { PageHeader } from '@/components/PageHeader';
import { formatDateTime } from '@/components/format';
import { hasRole, useMe } from '@/lib/session/session';
import { useComplaints } from '../api/listComplaints';
import { ComplaintIntakeModal, categories, severities } from './ComplaintIntakeModal';
import { ComplaintStatusTag, SeverityTag, SlaTag, slaRowBackground } from './SlaTag';

type Complaint = Schemas['ComplaintDto'];
type SlaTab = 'open' | 'breached' | 'at-risk' | 'all';

/** The complaint desk: open complaints by committed time, breached (red) and at-risk (orange) first to see. */
export function ComplaintQueuePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const tab = (params.get('sla') ?? 'open') as SlaTab;
  const [category, setCategory] = useState<Schemas['ComplaintCategory'] | undefined>();
  const [severity, setSeverity] = useState<Schemas['ComplaintSeverity'] | undefined>();
  const [intake, setIntake] = useState(false);
  const complaints = useComplaints({ sort: 'due', ...(tab !== 'all' ? { sla: tab } : {}), ...(category ? { category } : {}), ...(severity ? { severity } : {}) });
  const canLog = hasRole(me, 'Service', 'Admin', 'Manager', 'Rep');
  const f = (name: string) => t(`work.complaints.fields.${name}`);

  return (
    <>
      <PageHeader
        title={t('work.complaints.queueTitle')}
        extra={canLog && <Button type="primary" icon={<PlusOutlined />} onClick={() => setIntake(true)}>{t('work.complaints.intake')}</Button>}
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ sla: key }, { replace: true })}
        items={[
          { key: 'open', label: t('work.complaints.tabs.open') },
          { key: 'breached', label: <Badge status="error" text={t('work.complaints.tabs.breached')} /> },
          { key: 'at-risk', label: <Badge status="warning" text={t('work.complaints.tabs.atRisk')} /> },
          { key: 'all', label: t('work.complaints.tabs.all') },
        ]}
      />
      {/* Filters sit outside the tab list: a tablist may only contain tabs. */}
      <Space wrap style={{ marginBottom: 12 }}>
        <Select allowClear aria-label={f('category')} placeholder={f('category')} style={{ width: 160 }} value={category} onChange={setCategory}
          options={categories.map((c) => ({ value: c, label: t(`work.enums.complaintCategory.${c}`) }))} />
        <Select allowClear aria-label={f('severity')} placeholder={f('severity')} style={{ width: 120 }} value={severity} onChange={setSeverity}
          options={severities.map((c) => ({ value: c, label: t(`work.enums.severity.${c}`) }))} />
      </Space>
      {complaints.isError ? (
        <ErrorResult error={complaints.error} onRetry={() => void complaints.refetch()} />
      ) : (
        <Table<Complaint>
          rowKey="id"
          data-testid="complaint-queue"
          loading={complaints.isPending}
          dataSource={complaints.data ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 1100 }}
          onRow={(c) => ({ style: { background: slaRowBackground[c.sla], cursor: 'pointer' }, onClick: () => navigate(`/complaints/${c.id}`) })}
          locale={{ emptyText: <Empty description={t('work.complaints.empty')} /> }}
          columns={[
            { title: f('number'), width: 130, render: (_, c) => <Link to={`/complaints/${c.id}`} onClick={(e) => e.stopPropagation()}>{c.number}</Link> },
            {
              title: f('customer'),
              render: (_, c) => (
                <Space size={4}>
                  {c.customerName}
                  {c.customerIsKeyAccount && <Tag color="gold">{t('customers.keyAccount')}</Tag>}
                  {c.isRecurring && <Tag icon={<RetweetOutlined />} color="magenta">{t('work.complaints.recurring')}</Tag>}
                </Space>
              ),
            },
            { title: f('category'), width: 130, render: (_, c) => t(`work.enums.complaintCategory.${c.category}`) },
            { title: f('severity'), width: 90, render: (_, c) => <SeverityTag severity={c.severity} /> },
            { title: f('status'), width: 100, render: (_, c) => <ComplaintStatusTag status={c.status} /> },
            {
              title: f('committedAt'), width: 170,
              render: (_, c) => (
                <Typography.Text type={c.sla === 'Breached' ? 'danger' : c.sla === 'AtRisk' ? 'warning' : undefined} strong={c.sla === 'Breached'}>
                  {formatDateTime(c.resolutionDueAt)}
                </Typography.Text>
              ),
            },
            { title: f('sla'), width: 100, render: (_, c) => <SlaTag sla={c.sla} /> },
            { title: f('receivedAt'), width: 150, render: (_, c) => formatDateTime(c.receivedAt) },
          ]}
        />
      )}
      <ComplaintIntakeModal open={intake} onClose={() => setIntake(false)} onLogged={(c) => navigate(`/complaints/${c.id}`)} />
    </>
  );
}
