import { useState } from 'react';
import { Alert, Badge, Button, Card, Col, Empty, Flex, Row, Segmented, Space, Table, Typography, theme } from 'antd';
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
import { VisitMonthBoard, monthGrid } from './VisitMonthBoard';

type Visit = Schemas['VisitDto'];
type View = 'week' | 'month' | 'list';
const views: View[] = ['week', 'month', 'list'];
const when = (v: Visit) => v.actualStart ?? v.plannedStart ?? v.createdAt;

/** The visit calendar: a week as a 7-column grid, a month board, or the week as a list; view and date are kept in the URL. */
export function VisitsPage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [planning, setPlanning] = useState(false);
  const [logging, setLogging] = useState(false);
  const view: View = views.find((v) => v === params.get('view')) ?? 'week';
  const anchor = params.get('from') && dayjs(params.get('from')).isValid() ? dayjs(params.get('from')) : dayjs();
  const month = anchor.startOf('month');
  const from = view === 'month' ? monthGrid(month).start : startOfIsoWeek(anchor);
  const to = view === 'month' ? monthGrid(month).end : from.add(7, 'day');
  const visits = useVisits({ from: from.toISOString(), to: to.toISOString() });
  const show = (next: { view?: View; day?: dayjs.Dayjs }) => {
    const v = next.view ?? view;
    setParams({ ...(v === 'week' ? {} : { view: v }), from: (next.day ?? anchor).format('YYYY-MM-DD') }, { replace: true });
  };
  const step = (direction: 1 | -1) => show({ day: view === 'month' ? month.add(direction, 'month') : from.add(7 * direction, 'day') });
  const rows = [...(visits.data?.items ?? [])].sort((a, b) => dayjs(when(a)).valueOf() - dayjs(when(b)).valueOf());
  const unit = view === 'month' ? 'Month' : 'Week';

  return (
    <>
      <PageHeader
        title={t('work.visits.listTitle')}
        subtitle={view === 'month' ? month.format('YYYY-MM') : `${isoWeekKey(from)} · ${from.format('YYYY-MM-DD')} – ${to.subtract(1, 'day').format('YYYY-MM-DD')}`}
        extra={
          <>
            <Space.Compact>
              <Button icon={<LeftOutlined />} aria-label={t(`work.visits.prev${unit}`)} onClick={() => step(-1)} />
              <Button onClick={() => show({ day: dayjs() })}>{t(`work.visits.this${unit}`)}</Button>
              <Button icon={<RightOutlined />} aria-label={t(`work.visits.next${unit}`)} onClick={() => step(1)} />
            </Space.Compact>
            <Segmented
              value={view}
              onChange={(v) => show({ view: v as View })}
              options={[
                { value: 'week', label: t('work.visits.week') },
                { value: 'month', label: t('work.visits.month') },
                { value: 'list', label: t('work.visits.listView') },
              ]}
            />
            <Button icon={<FormOutlined />} onClick={() => setLogging(true)}>{t('work.visits.logVisit')}</Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setPlanning(true)}>{t('work.visits.planVisit')}</Button>
          </>
        }
      />
      {visits.data?.truncated && <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={t('work.visits.truncated', { count: visits.data.items.length })} />}
      {visits.isError ? (
        <ErrorResult error={visits.error} onRetry={() => void visits.refetch()} />
      ) : view === 'month' ? (
        <VisitMonthBoard month={month} visits={rows} when={when} loading={visits.isPending} onOpenWeek={(day) => show({ view: 'week', day })} />
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
                          <Link to={`/visits/${v.id}`} onClick={(e) => e.stopPropagation()} style={{ display: 'block', fontWeight: 600, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                            {v.customerName}
                          </Link>
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
