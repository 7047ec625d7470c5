import { useState } from 'react';
import { Button, Card, Empty, Flex, List, Progress, Space, Tag, Typography } from 'antd';
import { CalendarOutlined, CheckCircleTwoTone, CrownFilled } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '@/components/ErrorResult';
import { LoadingBlock } from '@/components/LoadingBlock';
import { PageHeader } from '@/components/PageHeader';
import { formatDateTime } from '@/components/format';
import { useDueVisits } from '../api/listDueVisits';
import { PlanVisitModal, type PlanPrefill } from './PlanVisitModal';
import { ComplianceTag, FormTag } from './VisitTags';

/** The rep's week: key accounts still short of the visit frequency policy, with one-click planning. */
export function MyWeekPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const due = useDueVisits();
  const [prefill, setPrefill] = useState<PlanPrefill | null>(null);

  return (
    <>
      <PageHeader
        title={t('work.visits.myWeekTitle')}
        subtitle={t('work.visits.myWeekSubtitle')}
        extra={<Button icon={<CalendarOutlined />} onClick={() => navigate('/visits')}>{t('work.nav.visits')}</Button>}
      />
      {due.isPending ? (
        <LoadingBlock />
      ) : due.isError ? (
        <ErrorResult error={due.error} onRetry={() => void due.refetch()} />
      ) : due.data.length === 0 ? (
        <Card>
          <Empty image={<CheckCircleTwoTone twoToneColor="#52c41a" style={{ fontSize: 48 }} />} description={t('work.visits.allDone')} />
        </Card>
      ) : (
        <List
          data-testid="due-visits"
          grid={{ gutter: 16, xs: 1, md: 2, xl: 3 }}
          dataSource={due.data}
          renderItem={(item) => {
            const c = item.compliance;
            const percent = c.requiredTotal ? Math.round((100 * c.doneTotal) / c.requiredTotal) : 100;
            return (
              <List.Item>
                <Card
                  size="small"
                  title={
                    <Space>
                      {c.level === 'Special' && <CrownFilled style={{ color: '#faad14' }} />}
                      <Link to={`/customers/${c.customerId}`}>{c.customerName}</Link>
                    </Space>
                  }
                  extra={<ComplianceTag status={c.status} />}
                  actions={[
                    <Button
                      key="plan"
                      type={item.coveredByPlan ? 'link' : 'primary'}
                      size="small"
                      onClick={() => setPrefill({ customerId: c.customerId, customerName: c.customerName, form: c.onSiteShortfall > 0 ? 'OnSite' : undefined })}
                    >
                      {t('work.visits.planVisit')}
                    </Button>,
                  ]}
                >
                  <Flex vertical gap={6}>
                    <Typography.Text type="secondary">
                      {c.customerCode} · {t(`enums.level.${c.level}`)}
                    </Typography.Text>
                    <Progress percent={percent} size="small" status={c.status === 'Met' ? 'success' : 'active'} format={() => `${c.doneTotal}/${c.requiredTotal}`} />
                    <Space wrap size={4}>
                      <Tag color="red">{t('work.visits.shortfall', { count: c.shortfall })}</Tag>
                      {c.onSiteShortfall > 0 && <Tag color="purple">{t('work.enums.visitForm.OnSite')} ×{c.onSiteShortfall}</Tag>}
                      {item.coveredByPlan && <Tag color="green">{t('work.visits.coveredByPlan')}</Tag>}
                    </Space>
                    {item.planned.map((p) => (
                      <Link key={p.visitId} to={`/visits/${p.visitId}`}>
                        <Space size={4}>
                          <FormTag form={p.form} />
                          {formatDateTime(p.plannedStart)}
                        </Space>
                      </Link>
                    ))}
                  </Flex>
                </Card>
              </List.Item>
            );
          }}
        />
      )}
      <PlanVisitModal
        open={prefill !== null}
        prefill={prefill ?? undefined}
        onClose={() => setPrefill(null)}
        onPlanned={(visit) => navigate(`/visits/${visit.id}`)}
      />
    </>
  );
}
