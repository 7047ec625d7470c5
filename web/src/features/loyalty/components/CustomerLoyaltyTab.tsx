import type { ReactNode } from 'react';
import { Card, Col, Descriptions, Flex, Progress, Row, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';
import { ErrorResult } from '@/components/ErrorResult';
import { LoadingBlock } from '@/components/LoadingBlock';
import { formatDate, formatNumber } from '@/components/format';
import { useCustomerLoyalty } from '../api/getCustomerLoyalty';

type Component = Schemas['LoyaltyComponentDto'];

const stageColors: Record<Schemas['LoyaltyStage'], string> = { None: 'default', Cognitive: 'orange', Emotional: 'blue', Behavioural: 'green' };
const riskColors: Record<string, string> = { low: 'green', medium: 'orange', high: 'red', unknown: 'default' };
const componentKeys = ['recency', 'frequency', 'monetary', 'repeat', 'tenure', 'satisfaction', 'referrals'];

/** One figure with the rule and inputs behind it. */
function Figure({ value, rule }: { value: ReactNode; rule: ReactNode }) {
  return (
    <Flex vertical gap={2}>
      <Typography.Text strong>{value}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{rule}</Typography.Text>
    </Flex>
  );
}

/** 客户忠诚度: stage and why, the index with its weighted components, and every figure with how it is computed. */
export function CustomerLoyaltyTab({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const loyalty = useCustomerLoyalty(customerId);
  if (loyalty.isPending) return <LoadingBlock />;
  if (loyalty.isError) return <ErrorResult error={loyalty.error} onRetry={() => void loyalty.refetch()} />;
  const l = loyalty.data;
  const f = (name: string, values: Record<string, unknown> = {}) => t(`insights.loyalty.f.${name}`, values);
  const cf = (name: string) => t(`insights.loyalty.componentFields.${name}`);
  const componentName = (c: Component) => (componentKeys.includes(c.key) ? t(`insights.loyalty.componentNames.${c.key}`) : c.name);
  const componentValue = (c: Component) =>
    c.key === 'recency' && c.value < 0 ? t('insights.loyalty.noPurchase') : c.key === 'satisfaction' && l.averageSatisfaction == null ? '—' : formatNumber(c.value, c.key === 'monetary' ? 2 : 0);
  const none = l.purchases === 0;
  const cuts = (values: number[]) => (values.length ? values.map((v) => formatNumber(v)).join(' / ') : '—');

  const figures = [
    { key: 'repeat', label: f('repeatRate'), value: `${formatNumber(l.repeatPurchaseRate, 1)}%`, rule: f('repeatRateRule', { months: l.monthsWithPurchaseLast12, after: l.purchasesAfterFirst }) },
    { key: 'recency', label: f('recency'), value: l.recencyDays == null ? t('insights.loyalty.noPurchase') : f('recencyValue', { days: l.recencyDays }), rule: f('recencyRule', { score: l.recencyScore, cuts: cuts(l.quintiles.recencyDays) }) },
    { key: 'frequency', label: f('frequency'), value: f('frequencyValue', { count: l.purchasesLast12Months }), rule: f('frequencyRule', { score: l.frequencyScore, cuts: cuts(l.quintiles.frequency) }) },
    { key: 'monetary', label: f('monetary'), value: formatNumber(l.monetaryLast12Months, 2), rule: f('monetaryRule', { score: l.monetaryScore, cuts: cuts(l.quintiles.monetary) }) },
    { key: 'cadence', label: f('cadence'), value: l.cadenceDays == null ? '—' : f('cadenceValue', { days: formatNumber(l.cadenceDays, 0) }), rule: f('cadenceRule') },
    {
      key: 'lapse', label: f('lapseRisk'),
      value: <Tag color={riskColors[l.lapseRisk] ?? 'default'}>{t(`insights.enums.lapseRisk.${l.lapseRisk}`, { defaultValue: l.lapseRisk })}</Tag>,
      rule: f('lapseRule', { ratio: l.lapseRatio == null ? '—' : formatNumber(l.lapseRatio, 2) }),
    },
    { key: 'tenure', label: f('tenure'), value: f('tenureValue', { days: l.tenureDays }), rule: f('tenureRule') },
    { key: 'price', label: f('priceSensitivity'), value: l.priceSensitivity == null ? '—' : `${formatNumber(l.priceSensitivity, 1)}%`, rule: f('priceRule') },
    {
      key: 'complaints', label: f('complaints'), value: f('complaintsValue', { count: l.complaints, recurring: l.recurringComplaints }),
      rule: f('satisfactionRule', { value: l.averageSatisfaction == null ? '—' : formatNumber(l.averageSatisfaction, 2) }),
    },
    {
      key: 'visits', label: f('visits'), value: f('visitsValue', { count: formatNumber(l.visitsPerMonth, 2) }),
      rule: f('visitsRule', { status: l.visitComplianceThisWeek ? t(`work.enums.compliance.${l.visitComplianceThisWeek}`) : '—' }),
    },
    { key: 'referrals', label: f('referrals'), value: f('referralsValue', { made: l.referralsMade, won: l.referralsWon }), rule: '' },
    { key: 'points', label: f('points'), value: `${formatNumber(l.points)} · ${l.tier ?? f('noTier')}`, rule: '' },
  ];

  return (
    <div data-testid="loyalty-tab">
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} md={12}>
          <Card size="small" title={t('insights.loyalty.stage')} extra={<Typography.Text type="secondary">{t('insights.loyalty.asOf', { date: formatDate(l.asOf) })}</Typography.Text>} style={{ height: '100%' }}>
            <Tag color={stageColors[l.stage]} style={{ fontSize: 16, padding: '4px 12px' }} data-testid="loyalty-stage">{t(`insights.enums.loyaltyStage.${l.stage}`)}</Tag>
            <Typography.Paragraph style={{ marginTop: 12, marginBottom: 4 }}>
              <Typography.Text strong>{t('insights.loyalty.why')}: </Typography.Text>{l.stageReason}
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t(`insights.loyalty.stageRules.${l.stage}`)}</Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" title={t('insights.loyalty.index')} style={{ height: '100%' }}>
            <Flex gap={24} align="center">
              <Progress type="dashboard" percent={Math.round(l.loyaltyIndex)} format={() => formatNumber(l.loyaltyIndex, 1)} aria-label={`${t('insights.loyalty.index')} ${formatNumber(l.loyaltyIndex, 1)}`} />
              <Typography.Text type="secondary">{t('insights.loyalty.indexHint')}</Typography.Text>
            </Flex>
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('insights.loyalty.components')} style={{ marginBottom: 16 }}>
        <Table<Component>
          rowKey="key" size="small" pagination={false} dataSource={l.components} data-testid="loyalty-components"
          columns={[
            { title: cf('component'), render: (_, c) => <Flex vertical><span>{componentName(c)}</span><Typography.Text type="secondary" style={{ fontSize: 12 }}>{componentKeys.includes(c.key) ? t(`insights.loyalty.componentRules.${c.key}`) : ''}</Typography.Text></Flex> },
            { title: cf('value'), align: 'right', render: (_, c) => componentValue(c) },
            { title: cf('score'), align: 'right', render: (_, c) => formatNumber(c.score, 1) },
            { title: cf('weight'), align: 'right', render: (_, c) => `${c.weight}%` },
            { title: cf('weighted'), align: 'right', render: (_, c) => formatNumber((c.score * c.weight) / 100, 1) },
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={3}><Typography.Text strong>{cf('total')}</Typography.Text></Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">{l.components.reduce((s, c) => s + c.weight, 0)}%</Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right"><Typography.Text strong>{formatNumber(l.loyaltyIndex, 1)}</Typography.Text></Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      </Card>
      <Card size="small" title={t('insights.loyalty.figures')}>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} bordered={false}
          items={figures.map((x) => ({ key: x.key, label: x.label, children: <Figure value={x.value} rule={x.rule} /> }))} />
        {none && <Typography.Text type="secondary">{t('insights.loyalty.stageRules.None')}</Typography.Text>}
      </Card>
    </div>
  );
}
