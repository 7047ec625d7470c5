import { Button, Card, Empty, Flex, Select, Table, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';
import { ErrorResult } from '@/components/ErrorResult';
import { PageHeader } from '@/components/PageHeader';
import { formatDate } from '@/components/format';
import { useAssessmentsDue } from '../api/listAssessmentsDue';

type Due = Schemas['AssessmentDueDto'];
const monthChoices = [3, 6, 12];

/** Active customers whose relationship assessment (客户关系评估) is due: never assessed first, then the oldest. */
export function AssessmentsDuePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const months = monthChoices.find((m) => String(m) === params.get('months')) ?? 6;
  const due = useAssessmentsDue(months);
  const rows = due.data?.pages.flatMap((p) => p.items) ?? [];
  const f = (name: string) => t(`insights.assessmentsDue.fields.${name}`);
  return (
    <>
      <PageHeader
        title={t('insights.assessmentsDue.title')}
        subtitle={t('insights.assessmentsDue.subtitle', { months })}
        extra={
          <Select
            aria-label={t('insights.assessmentsDue.notFor')} value={months} style={{ width: 200 }}
            onChange={(m: number) => setParams(m === 6 ? {} : { months: String(m) }, { replace: true })}
            options={monthChoices.map((m) => ({ value: m, label: t('insights.assessmentsDue.monthsOption', { count: m }) }))}
          />
        }
      />
      {due.isError ? (
        <ErrorResult error={due.error} onRetry={() => void due.refetch()} />
      ) : (
        <Card size="small">
          <Table<Due>
            rowKey="customerId" size="small" loading={due.isPending} dataSource={rows} pagination={false} data-testid="assessments-due"
            locale={{ emptyText: <Empty description={t('insights.assessmentsDue.empty')} /> }}
            columns={[
              { title: f('code'), width: 120, render: (_, r) => <Typography.Text type="secondary">{r.code}</Typography.Text> },
              { title: f('customer'), render: (_, r) => <Link to={`/customers/${r.customerId}?tab=assessments`}>{r.name}</Link> },
              { title: f('level'), width: 100, render: (_, r) => t(`enums.level.${r.level}`) },
              { title: f('latestGrade'), width: 110, render: (_, r) => (r.latestGrade ? <Tag>{r.latestGrade}</Tag> : '—') },
              { title: f('lastAssessedOn'), width: 140, render: (_, r) => (r.lastAssessedOn ? formatDate(r.lastAssessedOn) : <Tag color="orange">{t('insights.assessmentsDue.never')}</Tag>) },
            ]}
          />
          <Flex justify="center" style={{ marginTop: 12 }}>
            {due.hasNextPage ? (
              <Button onClick={() => void due.fetchNextPage()} loading={due.isFetchingNextPage}>{t('common.loadMore')}</Button>
            ) : rows.length > 0 ? (
              <Typography.Text type="secondary">{t('common.endOfList')}</Typography.Text>
            ) : null}
          </Flex>
        </Card>
      )}
    </>
  );
}
