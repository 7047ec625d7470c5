import { useState, type ReactNode } from 'react';
import { Button, Card, Col, Descriptions, Empty, Flex, Row, Space, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';
import { ErrorResult } from '@/components/ErrorResult';
import { LoadingBlock } from '@/components/LoadingBlock';
import { showSuccess } from '@/components/feedback';
import { formatDate, formatDateTime, orDash } from '@/components/format';
import { hasRole, useMe } from '@/lib/session/session';
import { useVisit } from '../api/getVisit';
import { useChangeAppointment } from '../api/changeAppointment';
import { useResubmitVisit } from '../api/resubmitVisit';
import { useReviewVisit } from '../api/reviewVisit';
import { CompleteVisitModal } from './CompleteVisitModal';
import { ReasonModal, type ReasonValues } from './ReasonModal';
import { FormTag, ReviewStatusTag, VisitStatusTag } from './VisitTags';

type Change = Schemas['AppointmentChange'];
type Dialog = { kind: 'appointment'; change: Change } | { kind: 'complete' } | { kind: 'edit' } | { kind: 'return' } | null;

/** One visit: plan, appointment actions per allowedNext, the record, the review and the history. */
/** `extra` adds buttons other features contribute (composed by the route), e.g. the record's tasks. */
export function VisitDetailPage({ extra }: { extra?: (visit: Schemas['VisitDto']) => ReactNode } = {}) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const me = useMe();
  const visit = useVisit(id);
  const appointment = useChangeAppointment(id);
  const resubmit = useResubmitVisit(id);
  const review = useReviewVisit();
  const [dialog, setDialog] = useState<Dialog>(null);

  if (visit.isPending) return <LoadingBlock />;
  if (visit.isError) return <ErrorResult error={visit.error} onRetry={() => void visit.refetch()} notFoundText={t('work.visits.notFound')} />;
  const v = visit.data;
  const f = (name: string) => t(`work.visits.fields.${name}`);
  const open = v.status === 'Planned' || v.status === 'Confirmed';
  const isVisitor = v.visitorId === me.id;
  const canAct = hasRole(me, 'Rep', 'Manager', 'Admin');
  const canReview = hasRole(me, 'Manager', 'Admin') && v.reviewStatus === 'PendingReview';

  const change = (c: Change, values: ReasonValues = {}) =>
    appointment.mutate(
      { change: c, reason: values.reason?.trim() || null, newStart: values.time?.[0].toISOString() ?? null, newEnd: values.time?.[1].toISOString() ?? null },
      { onSuccess: () => { showSuccess(t('work.visits.appointmentChanged')); setDialog(null); } },
    );
  const decide = (decision: Schemas['ReviewDecision'], comment: string | null) =>
    review.mutate(
      { id, body: { decision, comment } },
      { onSuccess: () => { showSuccess(decision === 'Approve' ? t('work.visits.approved') : t('work.visits.returned')); setDialog(null); } },
    );

  const actions = [
    v.allowedNext.includes('Completed') && (
      <Button key="complete" type="primary" onClick={() => setDialog({ kind: 'complete' })}>{t('work.visits.complete')}</Button>
    ),
    v.allowedNext.includes('Confirmed') && (
      <Button key="confirm" onClick={() => change('Confirm')} loading={appointment.isPending}>{t('work.visits.confirm')}</Button>
    ),
    open && <Button key="reschedule" onClick={() => setDialog({ kind: 'appointment', change: 'Reschedule' })}>{t('work.visits.reschedule')}</Button>,
    v.allowedNext.includes('CancelledByCustomer') && (
      <Button key="cbc" onClick={() => setDialog({ kind: 'appointment', change: 'CancelByCustomer' })}>{t('work.visits.cancelByCustomer')}</Button>
    ),
    v.allowedNext.includes('CancelledByUs') && (
      <Button key="cbu" onClick={() => setDialog({ kind: 'appointment', change: 'CancelByUs' })}>{t('work.visits.cancelByUs')}</Button>
    ),
    v.allowedNext.includes('NoShow') && (
      <Button key="noshow" danger onClick={() => setDialog({ kind: 'appointment', change: 'NoShow' })}>{t('work.visits.noShow')}</Button>
    ),
    isVisitor && v.reviewStatus === 'Returned' && <Button key="edit" onClick={() => setDialog({ kind: 'edit' })}>{t('common.edit')}</Button>,
    isVisitor && v.reviewStatus === 'Returned' && (
      <Button key="resubmit" type="primary" loading={resubmit.isPending} onClick={() => resubmit.mutate(undefined, { onSuccess: () => showSuccess(t('work.visits.resubmitted')) })}>
        {t('work.visits.resubmit')}
      </Button>
    ),
    canReview && <Button key="approve" type="primary" loading={review.isPending} onClick={() => decide('Approve', null)}>{t('work.visits.approve')}</Button>,
    canReview && <Button key="return" danger onClick={() => setDialog({ kind: 'return' })}>{t('work.visits.return')}</Button>,
  ].filter((a) => canAct && Boolean(a));

  const changeTitle: Record<Change, string> = {
    Confirm: t('work.visits.confirm'), Reschedule: t('work.visits.reschedule'), CancelByCustomer: t('work.visits.cancelByCustomer'),
    CancelByUs: t('work.visits.cancelByUs'), NoShow: t('work.visits.noShow'),
  };

  return (
    <>
      <Card style={{ marginBottom: 16 }}>
        <Flex justify="space-between" align="start" wrap gap={12}>
          <div>
            <Space align="center" wrap>
              <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('common.back')} onClick={() => navigate(-1)} />
              <Typography.Title level={3} style={{ margin: 0 }}>
                {t('work.visits.detailTitle')} · <Link to={`/customers/${v.customerId}?tab=visits`}>{v.customerName}</Link>
              </Typography.Title>
            </Space>
            <Space wrap style={{ marginTop: 8 }} data-testid="visit-status">
              <FormTag form={v.form} />
              <VisitStatusTag status={v.status} />
              <ReviewStatusTag status={v.reviewStatus} />
            </Space>
          </div>
          <Space wrap>{actions}{extra?.(v)}</Space>
        </Flex>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          <Card title={t('work.visits.planTitle')} size="small" style={{ marginBottom: 16 }}>
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2 }}
              items={[
                { key: 'customer', label: f('customer'), children: `${v.customerName} (${v.customerCode})` },
                { key: 'level', label: f('level'), children: t(`enums.level.${v.customerLevel}`) },
                { key: 'visitor', label: f('visitor'), children: v.visitorName },
                { key: 'category', label: f('category'), children: t(`work.enums.visitCategory.${v.category}`) },
                { key: 'planned', label: f('plannedTime'), children: v.plannedStart ? `${formatDateTime(v.plannedStart)} – ${formatDateTime(v.plannedEnd)}` : '—' },
                { key: 'purposes', label: f('purposes'), children: v.purposes.map((p) => t(`work.enums.visitPurpose.${p}`)).join('、') || '—' },
                { key: 'agenda', label: f('agenda'), children: orDash(v.agenda), span: 2 },
                ...(v.cancellationReason ? [{ key: 'reason', label: t('work.visits.reason'), children: v.cancellationReason, span: 2 }] : []),
              ]}
            />
          </Card>
          <Card title={t('work.visits.record')} size="small" style={{ marginBottom: 16 }}>
            {v.summary ? (
              <Descriptions
                size="small"
                column={{ xs: 1, md: 2 }}
                items={[
                  { key: 'actual', label: f('actualTime'), children: `${formatDateTime(v.actualStart)} – ${formatDateTime(v.actualEnd)}`, span: 2 },
                  { key: 'summary', label: f('summary'), children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{v.summary}</Typography.Paragraph>, span: 2 },
                  { key: 'outcome', label: f('outcome'), children: orDash(v.outcome) },
                  { key: 'feedback', label: f('customerFeedback'), children: orDash(v.customerFeedback) },
                  { key: 'next', label: f('nextSteps'), children: orDash(v.nextSteps) },
                  { key: 'follow', label: f('followUpDate'), children: formatDate(v.followUpDate) },
                  {
                    key: 'checkin', label: f('checkIn'),
                    children: v.checkInLatitude != null && v.checkInLongitude != null ? `${v.checkInLatitude.toFixed(5)}, ${v.checkInLongitude.toFixed(5)} (±${Math.round(v.checkInAccuracyMeters ?? 0)} m)` : '—',
                  },
                  { key: 'subs', label: f('submissions'), children: v.submissions },
                  ...(v.reviewComment ? [{ key: 'rc', label: f('reviewComment'), children: v.reviewComment, span: 2 }] : []),
                ]}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('work.visits.history')} size="small">
            <Timeline
              items={v.events.map((e) => ({
                key: e.position,
                title: formatDateTime(e.at),
                content: (
                  <>
                    <Typography.Text strong>{t(`work.enums.visitEvent.${e.kind}`)}</Typography.Text>
                    {e.comment && <div><Typography.Text type="secondary">{e.comment}</Typography.Text></div>}
                  </>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
      <CompleteVisitModal visit={v} open={dialog?.kind === 'complete' || dialog?.kind === 'edit'} mode={dialog?.kind === 'edit' ? 'edit' : 'complete'} onClose={() => setDialog(null)} />
      <ReasonModal
        open={dialog?.kind === 'appointment'}
        title={dialog?.kind === 'appointment' ? changeTitle[dialog.change] : ''}
        withTime={dialog?.kind === 'appointment' && dialog.change === 'Reschedule'}
        loading={appointment.isPending}
        onCancel={() => setDialog(null)}
        onSubmit={(values) => dialog?.kind === 'appointment' && change(dialog.change, values)}
      />
      <ReasonModal
        open={dialog?.kind === 'return'}
        title={t('work.visits.returnTitle')}
        reasonLabel={t('work.visits.returnComment')}
        reasonRequired
        loading={review.isPending}
        onCancel={() => setDialog(null)}
        onSubmit={(values) => decide('Return', values.reason?.trim() ?? null)}
      />
    </>
  );
}
