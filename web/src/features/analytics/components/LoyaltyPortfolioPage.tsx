import { useMemo } from 'react';
import { Button, Card, Col, Descriptions, Empty, Flex, Row, Statistic, Table, Tabs, Tag, Typography, theme } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';
import { Chart, type ChartOption } from '@/components/Chart';
import { ErrorResult } from '@/components/ErrorResult';
import { LoadingBlock } from '@/components/LoadingBlock';
import { PageHeader } from '@/components/PageHeader';
import { formatDate, formatNumber, orDash } from '@/components/format';
import { useLoyaltyPortfolio } from '../api/getLoyaltyPortfolio';
import { useWinBack } from '../api/listWinBack';

type Portfolio = Schemas['LoyaltyPortfolioDto'];
type Row = Schemas['DistributionRowDto'];
type WinBack = Schemas['WinBackCustomerDto'];

const stageColors: Record<string, string> = { None: '#bfbfbf', Cognitive: '#fa8c16', Emotional: '#1677ff', Behavioural: '#52c41a' };
const segmentColors: Record<string, string> = {
  champions: '#389e0d', loyal: '#1677ff', promising: '#13c2c2', needsAttention: '#faad14', atRisk: '#f5222d', hibernating: '#8c8c8c',
};

function DistributionTable({ rows, label }: { rows: Row[]; label: (key: string) => string }) {
  const { t } = useTranslation();
  return (
    <Table<Row>
      rowKey="key" size="small" pagination={false} dataSource={rows}
      columns={[
        { title: t('insights.portfolio.group'), render: (_, r) => label(r.key) },
        { title: t('insights.portfolio.customers'), align: 'right', render: (_, r) => formatNumber(r.customers) },
        { title: t('insights.portfolio.share'), align: 'right', render: (_, r) => `${formatNumber(r.share, 1)}%` },
      ]}
    />
  );
}

function pie(rows: Row[], label: (key: string) => string, colors?: Record<string, string>): ChartOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0, type: 'scroll' },
    series: [{
      type: 'pie', radius: ['40%', '68%'], center: ['50%', '45%'], label: { formatter: '{b}\n{d}%' },
      data: rows.map((r) => ({ name: label(r.key), value: r.customers, ...(colors?.[r.key] ? { itemStyle: { color: colors[r.key] } } : {}) })),
    }],
  };
}

/** R × F grid (customers summed over M), strongest top right; the cell colour shows how many customers sit there. */
function RfGrid({ cells }: { cells: Schemas['RfmCellDto'][] }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const grid = new Map<string, number>();
  for (const c of cells) grid.set(`${c.r}-${c.f}`, (grid.get(`${c.r}-${c.f}`) ?? 0) + c.customers);
  const max = Math.max(1, ...grid.values());
  return (
    <table style={{ borderCollapse: 'collapse', width: '100%' }} aria-label={t('insights.portfolio.rfGrid')}>
      <thead>
        <tr>
          <th scope="col" style={{ padding: 4, fontWeight: 500 }}>R \ F</th>
          {[1, 2, 3, 4, 5].map((f) => <th key={f} scope="col" style={{ padding: 4, fontWeight: 500 }}>F{f}</th>)}
        </tr>
      </thead>
      <tbody>
        {[5, 4, 3, 2, 1].map((r) => (
          <tr key={r}>
            <th scope="row" style={{ padding: 4, fontWeight: 500 }}>R{r}</th>
            {[1, 2, 3, 4, 5].map((f) => {
              const n = grid.get(`${r}-${f}`) ?? 0;
              const strength = n / max;
              return (
                <td key={f} style={{ padding: 6, textAlign: 'center', border: `1px solid ${token.colorBorderSecondary}`, background: n ? `rgba(22, 104, 220, ${0.08 + 0.6 * strength})` : undefined, color: strength > 0.6 ? '#fff' : undefined }}>
                  {n || ''}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Overview({ p }: { p: Portfolio }) {
  const { t } = useTranslation();
  const stage = (k: string) => t(`insights.enums.loyaltyStage.${k}`, { defaultValue: k });
  const tier = (k: string) => (k ? k : t('insights.portfolio.noTier'));
  const segment = (k: string) => t(`insights.enums.segment.${k}`, { defaultValue: k });
  const repeatOption = useMemo<ChartOption>(() => ({
    grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    xAxis: { type: 'category', data: p.repeatRateByMonth.map((m) => m.month) },
    yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } }],
    series: [
      { type: 'bar', name: t('insights.portfolio.buyers'), data: p.repeatRateByMonth.map((m) => m.buyers), itemStyle: { color: '#91caff' } },
      { type: 'bar', name: t('insights.portfolio.repeatBuyers'), data: p.repeatRateByMonth.map((m) => m.repeatBuyers), itemStyle: { color: '#1677ff' } },
      { type: 'line', name: t('insights.portfolio.repeatRate'), yAxisIndex: 1, data: p.repeatRateByMonth.map((m) => m.repeatRate), itemStyle: { color: '#fa8c16' }, tooltip: { valueFormatter: (v) => `${formatNumber(Number(v), 1)}%` } },
    ],
  }), [p, t]);
  const segmentOption = useMemo<ChartOption>(() => ({
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: p.bySegment.map((r) => t(`insights.enums.segment.${r.key}`, { defaultValue: r.key })), inverse: true },
    series: [{ type: 'bar', name: t('insights.portfolio.customers'), label: { show: true, position: 'right' }, data: p.bySegment.map((r) => ({ value: r.customers, itemStyle: { color: segmentColors[r.key] ?? '#1677ff' } })) }],
  }), [p, t]);
  const q = p.quintiles;
  return (
    <>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('insights.portfolio.customers')} value={p.customers} /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('insights.portfolio.winBack')} value={p.winBackCustomers} /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('insights.portfolio.factor')} value={formatNumber(p.winBackLapseFactor, 1)} suffix="×" /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('insights.portfolio.asOf')} value={formatDate(p.asOf)} /></Card></Col>
      </Row>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('insights.portfolio.byStage')} style={{ height: '100%' }}>
            {p.byStage.length ? <Chart option={pie(p.byStage, stage, stageColors)} height={240} ariaLabel={`${t('insights.portfolio.byStage')}: ${p.byStage.map((r) => `${stage(r.key)} ${r.customers}`).join(', ')}`} testId="chart-stage" /> : <Empty />}
            <DistributionTable rows={p.byStage} label={stage} />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('insights.portfolio.byTier')} style={{ height: '100%' }}>
            {p.byTier.length ? <Chart option={pie(p.byTier, tier)} height={240} ariaLabel={`${t('insights.portfolio.byTier')}: ${p.byTier.map((r) => `${tier(r.key)} ${r.customers}`).join(', ')}`} /> : <Empty />}
            <DistributionTable rows={p.byTier} label={tier} />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('insights.portfolio.bySegment')} style={{ height: '100%' }}>
            {p.bySegment.length ? <Chart option={segmentOption} height={240} ariaLabel={`${t('insights.portfolio.bySegment')}: ${p.bySegment.map((r) => `${segment(r.key)} ${r.customers}`).join(', ')}`} /> : <Empty />}
            <DistributionTable rows={p.bySegment} label={segment} />
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('insights.portfolio.repeatByMonth')}>
            <Chart option={repeatOption} height={280} ariaLabel={t('insights.portfolio.repeatAria')} testId="chart-repeat" />
            <Typography.Text type="secondary">{t('insights.portfolio.repeatRule')}</Typography.Text>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('insights.portfolio.rfm')}>
            <RfGrid cells={p.rfmCells} />
            <Descriptions size="small" column={1} style={{ marginTop: 12 }}
              items={[
                { key: 'r', label: t('insights.portfolio.cutR'), children: q.recencyDays.length ? q.recencyDays.map((d) => formatNumber(d)).join(' / ') : '—' },
                { key: 'f', label: t('insights.portfolio.cutF'), children: q.frequency.length ? q.frequency.map((d) => formatNumber(d)).join(' / ') : '—' },
                { key: 'm', label: t('insights.portfolio.cutM'), children: q.monetary.length ? q.monetary.map((d) => formatNumber(d)).join(' / ') : '—' },
              ]}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('insights.portfolio.quintileRule', { n: q.customersWithPurchase, n12: q.customersWithPurchaseLast12Months })}</Typography.Text>
          </Card>
        </Col>
      </Row>
    </>
  );
}

function WinBackList() {
  const { t } = useTranslation();
  const list = useWinBack();
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const f = (name: string) => t(`insights.portfolio.fields.${name}`);
  if (list.isError) return <ErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Card size="small">
      <Typography.Paragraph type="secondary">{t('insights.portfolio.winBackHint')}</Typography.Paragraph>
      <Table<WinBack>
        rowKey="customerId" size="small" loading={list.isPending} dataSource={rows} pagination={false} data-testid="win-back" scroll={{ x: 1000 }}
        locale={{ emptyText: <Empty description={t('insights.portfolio.winBackEmpty')} /> }}
        columns={[
          { title: f('customer'), render: (_, r) => <Flex vertical><Link to={`/customers/${r.customerId}?tab=loyalty`}>{r.name}</Link><Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.code}</Typography.Text></Flex> },
          { title: f('level'), width: 80, render: (_, r) => t(`enums.level.${r.level}`) },
          { title: f('owner'), width: 110, dataIndex: 'ownerName' },
          { title: f('phone'), width: 130, render: (_, r) => orDash(r.phone) },
          { title: f('lastPurchase'), width: 120, render: (_, r) => formatDate(r.lastPurchaseOn) },
          { title: f('daysSince'), width: 100, align: 'right', render: (_, r) => formatNumber(r.daysSinceLastPurchase) },
          { title: f('cadence'), width: 100, align: 'right', render: (_, r) => formatNumber(r.cadenceDays, 0) },
          { title: f('ratio'), width: 90, align: 'right', render: (_, r) => <Tag color={r.lapseRatio >= 3 ? 'red' : 'orange'}>{formatNumber(r.lapseRatio, 1)}×</Tag> },
          { title: f('purchases'), width: 80, align: 'right', dataIndex: 'purchases' },
          { title: f('totalAmount'), width: 130, align: 'right', render: (_, r) => formatNumber(r.totalAmount, 2) },
        ]}
      />
      <Flex justify="center" style={{ marginTop: 12 }}>
        {list.hasNextPage ? <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>{t('common.loadMore')}</Button> : rows.length > 0 ? <Typography.Text type="secondary">{t('common.endOfList')}</Typography.Text> : null}
      </Flex>
    </Card>
  );
}

/** Loyalty portfolio (忠诚度分析): stage, tier and RFM segment mix, repeat-purchase rate by month, and the win-back list. */
export function LoyaltyPortfolioPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const portfolio = useLoyaltyPortfolio();
  const tab = params.get('tab') === 'win-back' ? 'win-back' : 'overview';
  return (
    <>
      <PageHeader title={t('insights.portfolio.title')} subtitle={t('insights.portfolio.subtitle')} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'overview' ? {} : { tab: key }, { replace: true })}
        items={[
          {
            key: 'overview', label: t('insights.portfolio.overview'),
            children: portfolio.isPending ? <LoadingBlock /> : portfolio.isError ? <ErrorResult error={portfolio.error} onRetry={() => void portfolio.refetch()} /> : <Overview p={portfolio.data} />,
          },
          { key: 'win-back', label: portfolio.data ? t('insights.portfolio.winBackCount', { count: portfolio.data.winBackCustomers }) : t('insights.portfolio.winBack'), children: <WinBackList /> },
        ]}
      />
    </>
  );
}
