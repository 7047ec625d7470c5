import { useState } from 'react';
import { Button, Card, Empty, Flex, Table, Tag, Typography } from 'antd';
import { FormOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';
import { ErrorResult } from '@/components/ErrorResult';
import { formatDate, formatNumber, orDash } from '@/components/format';
import { gradeColors } from '@/lib/scorecard';
import { useAssessments } from '../api/listAssessments';
import { useScorecardTemplate } from '../api/getScorecardTemplate';
import { ScorecardForm } from './ScorecardForm';

type Assessment = Schemas['AssessmentDto'];

/** 客户关系评估: the customer's assessments with each indicator's weight and score, and the scorecard form. */
export function CustomerAssessmentsTab({ customerId, readOnly }: { customerId: string; readOnly: boolean }) {
  const { t } = useTranslation();
  const assessments = useAssessments(customerId);
  const template = useScorecardTemplate(!readOnly);
  const [open, setOpen] = useState(false);
  const f = (name: string) => t(`insights.assessments.${name}`);
  const rec = (r: Schemas['Recommendation']) => t(`insights.enums.recommendation.${r}`);

  if (assessments.isError) return <ErrorResult error={assessments.error} onRetry={() => void assessments.refetch()} />;
  return (
    <>
      <Card
        size="small" title={f('history')}
        extra={!readOnly && (
          <Button type="primary" icon={<FormOutlined />} disabled={!template.data} loading={template.isPending} onClick={() => setOpen(true)}>{f('new')}</Button>
        )}
      >
        <Table<Assessment>
          rowKey="id" size="small" loading={assessments.isPending} dataSource={assessments.data ?? []} pagination={false} data-testid="assessments-table"
          locale={{ emptyText: <Empty description={f('empty')} /> }}
          expandable={{
            expandedRowRender: (a) => (
              <Flex vertical gap={8}>
                <Table
                  rowKey="key" size="small" pagination={false} dataSource={a.scores}
                  columns={[
                    { title: f('indicator'), dataIndex: 'name' },
                    { title: f('weight'), align: 'right', render: (_, s) => `${s.weight}%` },
                    { title: f('score'), align: 'right', dataIndex: 'score' },
                    { title: f('weighted'), align: 'right', render: (_, s) => formatNumber(s.weighted, 2) },
                  ]}
                />
                {a.notes && <Typography.Paragraph style={{ margin: 0 }}><Typography.Text strong>{f('notes')}: </Typography.Text>{a.notes}</Typography.Paragraph>}
              </Flex>
            ),
          }}
          columns={[
            { title: f('assessedOn'), width: 120, render: (_, a) => formatDate(a.assessedOn) },
            { title: f('templateVersion'), width: 100, align: 'center', render: (_, a) => `v${a.templateVersion}` },
            { title: f('total'), width: 100, align: 'right', render: (_, a) => formatNumber(a.total, 1) },
            { title: f('grade'), width: 80, align: 'center', render: (_, a) => <Tag color={gradeColors[a.grade]}>{a.grade}</Tag> },
            { title: f('suggested'), width: 110, render: (_, a) => rec(a.suggested) },
            { title: f('recommendation'), width: 120, render: (_, a) => <Tag color={a.recommendation === a.suggested ? undefined : 'orange'}>{rec(a.recommendation)}</Tag> },
            { title: f('overrideReason'), render: (_, a) => orDash(a.overrideReason) },
          ]}
        />
      </Card>
      {template.data && <ScorecardForm customerId={customerId} template={template.data} open={open} onClose={() => setOpen(false)} />}
    </>
  );
}
