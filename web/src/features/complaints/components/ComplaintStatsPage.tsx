import { useState } from 'react';
import { Card, Col, DatePicker, Empty, Progress, Row, Statistic, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';
import { ErrorResult } from '@/components/ErrorResult';
import { PageHeader } from '@/components/PageHeader';
import { formatNumber } from '@/components/format';
import { useComplaintStats } from '../api/getComplaintStats';

function Breakdown({ title, rows, label }: { title: string; rows: Schemas['CountDto'][]; label: (key: string) => string }) {
  const total = rows.reduce((s, r) => s + r.count, 0);
  return (
    <Card size="small" title={title} style={{ height: '100%' }}>
      {rows.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> : rows.map((r) => (
        <div key={r.key} style={{ marginBottom: 6 }}>
          <div style={{ display: 'flex', justifyContent: 'space-between' }}><span>{label(r.key)}</span><span>{r.count}</span></div>
          <Progress percent={total ? Math.round((100 * r.count) / total) : 0} size="small" showInfo={false} />
        </div>
      ))}
    </Card>
  );
}

/** Complaint statistics for a period: counts, SLA, response and resolution times, satisfaction, breakdowns. */
export function ComplaintStatsPage() {
  const { t } = useTranslation();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().subtract(30, 'day'), dayjs()]);
  const stats = useComplaintStats(range[0].format('YYYY-MM-DD'), range[1].format('YYYY-MM-DD'));
  const s = stats.data;
  const minutes = (v?: number | null) => (v == null ? '—' : t('work.complaints.minutes', { value: formatNumber(Math.round(v)) }));
  const k = (name: string) => t(`work.complaints.stats.${name}`);

  return (
    <>
      <PageHeader
        title={t('work.complaints.statsTitle')}
        extra={<DatePicker.RangePicker value={range} allowClear={false} onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} aria-label={k('range')} />}
      />
      {stats.isError ? (
        <ErrorResult error={stats.error} onRetry={() => void stats.refetch()} />
      ) : (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            {[
              { key: 'received', value: s?.received ?? '—' },
              { key: 'resolved', value: s?.resolved ?? '—' },
              { key: 'slaMet', value: s ? `${formatNumber(s.slaMetPercent, 0)}%` : '—' },
              { key: 'meanFirstResponse', value: minutes(s?.meanFirstResponseMinutes) },
              { key: 'meanResolution', value: minutes(s?.meanResolutionMinutes) },
              { key: 'recurring', value: s ? `${formatNumber(s.recurringPercent, 0)}%` : '—' },
              { key: 'satisfaction', value: s?.averageSatisfaction != null ? `${formatNumber(s.averageSatisfaction, 1)} / 5` : '—' },
            ].map((x) => (
              <Col key={x.key} xs={12} md={8} xl={6}>
                <Card size="small" loading={stats.isPending}><Statistic title={k(x.key)} value={x.value} /></Card>
              </Col>
            ))}
          </Row>
          {s && (
            <Row gutter={[16, 16]}>
              <Col xs={24} md={12} xl={6}><Breakdown title={t('work.complaints.byCategory')} rows={s.byCategory} label={(v) => t(`work.enums.complaintCategory.${v}`, { defaultValue: v })} /></Col>
              <Col xs={24} md={12} xl={6}><Breakdown title={t('work.complaints.bySeverity')} rows={s.bySeverity} label={(v) => t(`work.enums.severity.${v}`, { defaultValue: v })} /></Col>
              <Col xs={24} md={12} xl={6}><Breakdown title={t('work.complaints.byChannel')} rows={s.byChannel} label={(v) => t(`work.enums.complaintChannel.${v}`, { defaultValue: v })} /></Col>
              <Col xs={24} md={12} xl={6}><Breakdown title={t('work.complaints.byStatus')} rows={s.byStatus} label={(v) => t(`work.enums.complaintStatus.${v}`, { defaultValue: v })} /></Col>
              <Col xs={24}>
                <Card size="small" title={t('work.complaints.openLoad')}>
                  <Table<Schemas['AssigneeLoadDto']>
                    rowKey="assigneeId" size="small" pagination={false} dataSource={s.openLoad}
                    columns={[
                      { title: t('work.complaints.fields.assignee'), dataIndex: 'name' },
                      { title: t('work.complaints.fields.open'), dataIndex: 'open', align: 'right' },
                      { title: t('work.complaints.fields.breached'), dataIndex: 'breached', align: 'right' },
                    ]}
                  />
                </Card>
              </Col>
            </Row>
          )}
        </>
      )}
    </>
  );
}
