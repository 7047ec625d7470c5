import { useState } from 'react';
import { Button, Empty, Space, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';
import { ErrorResult } from '@/components/ErrorResult';
import { PageHeader } from '@/components/PageHeader';
import { showSuccess } from '@/components/feedback';
import { formatDateTime } from '@/components/format';
import { useReviewQueue } from '../api/listReviewQueue';
import { useReviewVisit } from '../api/reviewVisit';
import { ReasonModal } from './ReasonModal';
import { FormTag } from './VisitTags';

type Visit = Schemas['VisitDto'];

/** The sales manager's queue of visit records to check and file (核查及存档). */
export function ReviewQueuePage() {
  const { t } = useTranslation();
  const queue = useReviewQueue();
  const review = useReviewVisit();
  const [returning, setReturning] = useState<Visit | null>(null);
  const f = (name: string) => t(`work.visits.fields.${name}`);

  if (queue.isError) return <ErrorResult error={queue.error} onRetry={() => void queue.refetch()} />;

  const decide = (visit: Visit, decision: Schemas['ReviewDecision'], comment: string | null) =>
    review.mutate(
      { id: visit.id, body: { decision, comment } },
      { onSuccess: () => { showSuccess(decision === 'Approve' ? t('work.visits.approved') : t('work.visits.returned')); setReturning(null); } },
    );

  return (
    <>
      <PageHeader title={t('work.visits.reviewTitle')} />
      <Table<Visit>
        rowKey="id"
        data-testid="review-queue"
        loading={queue.isPending}
        dataSource={queue.data ?? []}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{ emptyText: <Empty description={t('work.visits.reviewEmpty')} /> }}
        expandable={{
          expandedRowRender: (v) => (
            <Space direction="vertical">
              <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{v.summary}</Typography.Text>
              {v.nextSteps && <Typography.Text type="secondary">{f('nextSteps')}: {v.nextSteps}</Typography.Text>}
            </Space>
          ),
        }}
        columns={[
          { title: f('actualTime'), width: 150, render: (_, v) => formatDateTime(v.actualStart) },
          { title: f('customer'), render: (_, v) => <Link to={`/visits/${v.id}`}>{v.customerName}</Link> },
          { title: f('visitor'), dataIndex: 'visitorName', width: 140 },
          { title: f('form'), width: 110, render: (_, v) => <FormTag form={v.form} /> },
          { title: f('summary'), dataIndex: 'summary', ellipsis: true },
          { title: f('submissions'), dataIndex: 'submissions', width: 90, align: 'right' },
          {
            title: t('common.actions'), width: 200, fixed: 'right',
            render: (_, v) => (
              <Space>
                <Button type="primary" size="small" loading={review.isPending && review.variables?.id === v.id} onClick={() => decide(v, 'Approve', null)}>
                  {t('work.visits.approve')}
                </Button>
                <Button size="small" danger onClick={() => setReturning(v)}>{t('work.visits.return')}</Button>
              </Space>
            ),
          },
        ]}
      />
      <ReasonModal
        open={returning !== null}
        title={t('work.visits.returnTitle')}
        reasonLabel={t('work.visits.returnComment')}
        reasonRequired
        loading={review.isPending}
        onCancel={() => setReturning(null)}
        onSubmit={(values) => returning && decide(returning, 'Return', values.reason?.trim() ?? null)}
      />
    </>
  );
}
