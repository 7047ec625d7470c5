import { useState } from 'react';
import { Badge, Button, Card, Col, Empty, Flex, Row, Segmented, Space, Table, Typography, theme } from 'antd';
import { FormOutlined, LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';
import { ErrorResult } from '@/components/ErrorResult';
import { PageHeader } from '@/components/PageHeader';
import { formatDateTime } from '@/components/format';
import { isoWeekKey, startOfIsoWeek, weekDays } from '@/components/dates';
import { useVisits } from '../api/listVisits';
import { PlanVisitModal } from './PlanVisitModal';
import { LogVisitModal } from './LogVisitModal';
import { FormTag, ReviewStatusTag, VisitStatusTag } from './VisitTags';

type Visit = Schemas['VisitDto'];
const when = (v: Visit) => v.actualStart ?? v.plannedStart ?? v.createdAt;

/** A week of visits as a 7-column grid (or a list), with week navigation kept in the URL. */
export function VisitsPage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [planning, setPlanning] = useState(false);
  const [logging, setLogging] = useState(false);
  const [view, setView] = useState<'week' | 'list'>('week');
  const from = params.get('from') ? startOfIsoWeek(dayjs(params.get('from'))) : startOfIsoWeek(dayjs());
  const to = from.add(7, 'day');
  const visits = useVisits({ from: from.toISOString(), to: to.toISOString() });
  const setWeek = (d: dayjs.Dayjs) => setParams({ from: d.format('YYYY-MM-DD') }, { replace: true });
  const rows = [...(visits.data ?? [])].sort((a, b) => dayjs(when(a)).valueOf() - dayjs(when(b)).valueOf());

  return (
    <>
      <PageHeader
        title={t('work.visits.listTitle')}
        subtitle={`${isoWeekKey(from)} · ${from.format('YYYY-MM-DD')} – ${to.subtract(1, 'day').format('YYYY-MM-DD')}`}
        extra={
          <>
            <Space.Compact>
              <Button icon={<LeftOutlined />} aria-label={t('work.visits.prevWeek')} onClick={() => setWeek(from.subtract(7, 'day'))} />
              <Button onClick={() => setWeek(dayjs())}>{t('work.visits.thisWeek')}</Button>
              <Button icon={<RightOutlined />} aria-label={t('work.visits.nextWeek')} onClick={() => setWeek(from.add(7, 'day'))} />
            </Space.Compact>
            <Segmented
              value={view}
              onChange={(v) => setView(v as 'week' | 'list')}
              options={[{ value: 'week', label: t('work.visits.week') }, { value: 'list', label: t('work.visits.listView') }]}
            />
            <Button icon={<FormOutlined />} onClick={() => setLogging(true)}>{t('work.visits.logVisit')}</Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setPlanning(true)}>{t('work.visits.planVisit')}</Button>
          </>
        }
      />
      {visits.isError ? (
        <ErrorResult error={visits.error} onRetry={() => void visits.refetch()} />
      ) : view === 'list' ? (
        <Table<Visit>
          rowKey="id"
          loading={visits.isPending}
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: <Empty description={t('work.visits.empty')} /> }}
          columns={[
            { title: t('work.visits.fields.time'), render: (_, v) => formatDateTime(when(v)), width: 150 },
            { title: t('work.visits.fields.customer'), render: (_, v) => <Link to={`/visits/${v.id}`}>{v.customerName}</Link> },
            { title: t('work.visits.fields.form'), render: (_, v) => <FormTag form={v.form} />, width: 110 },
            { title: t('work.visits.fields.visitor'), dataIndex: 'visitorName' },
            { title: t('work.visits.fields.status'), render: (_, v) => <VisitStatusTag status={v.status} /> },
            { title: t('work.visits.fields.reviewStatus'), render: (_, v) => <ReviewStatusTag status={v.reviewStatus} /> },
          ]}
        />
      ) : (
        <Row gutter={[8, 8]} wrap={false} style={{ overflowX: 'auto' }} data-testid="visit-week">
          {weekDays(from).map((day) => {
            const items = rows.filter((v) => dayjs(when(v)).isSame(day, 'day'));
            const today = day.isSame(dayjs(), 'day');
            return (
              <Col key={day.format('YYYY-MM-DD')} flex="1 0 150px">
                <Card
                  size="small"
                  loading={visits.isPending}
                  title={
                    <Flex justify="space-between">
                      <span>{day.format('ddd MM-DD')}</span>
                      <Badge count={items.length} showZero={false} color={token.colorPrimary} />
                    </Flex>
                  }
                  style={{ minHeight: 320, borderColor: today ? token.colorPrimary : undefined }}
                >
                  {items.length === 0 ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('work.visits.noVisits')}</Typography.Text>
                  ) : (
                    <Flex vertical gap={8}>
                      {items.map((v) => (
                        <Card key={v.id} size="small" hoverable onClick={() => navigate(`/visits/${v.id}`)} styles={{ body: { padding: 8 } }}>
                          <Typography.Text strong ellipsis style={{ display: 'block' }}>{v.customerName}</Typography.Text>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {dayjs(when(v)).format('HH:mm')} · {v.visitorName}
                          </Typography.Text>
                          <Flex wrap gap={2} style={{ marginTop: 4 }}>
                            <FormTag form={v.form} />
                            <VisitStatusTag status={v.status} />
                            <ReviewStatusTag status={v.reviewStatus} />
                          </Flex>
                        </Card>
                      ))}
                    </Flex>
                  )}
                </Card>
              </Col>
            );
          })}
        </Row>
      )}
      <LogVisitModal open={logging} onClose={() => setLogging(false)} onLogged={(v) => navigate(`/visits/${v.id}`)} />
      <PlanVisitModal open={planning} onClose={() => setPlanning(false)} onPlanned={(v) => navigate(`/visits/${v.id}`)} />
    </>
  );
}
