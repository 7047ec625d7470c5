import { useMemo, useState, type ReactNode } from 'react';
import { Card, Col, Empty, Flex, List, Progress, Row, Segmented, Skeleton, Statistic, Tag, Typography, theme } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';
import { Chart, type ChartOption } from '@/components/Chart';
import { ErrorResult } from '@/components/ErrorResult';
import { formatNumber } from '@/components/format';
import { reminderColor, reminderRoute } from '@/components/reminderLinks';
import { useDashboard } from '../api/getDashboard';

type Dashboard = Schemas['DashboardDto'];

/** Which list pages the signed-in user may open from the dashboard (the routes check the same roles). */
export type DashboardLinks = { targets: boolean; compliance: boolean; complaints: boolean; referrals: boolean; loyalty: boolean; reminders: boolean };

function ChartCard({ title, to, children, testId }: { title: string; to?: string; children: ReactNode; testId: string }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={title} data-testid={testId} extra={to && <Link to={to} aria-label={`${t('insights.dashboard.open')}: ${title}`}>{t('insights.dashboard.open')}</Link>} style={{ height: '100%' }}>
      {children}
    </Card>
  );
}

function TargetChart({ d, link }: { d: Dashboard['targets']; link: boolean }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const option = useMemo<ChartOption>(() => ({
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (v) => formatNumber(Number(v)) },
    xAxis: { type: 'category', data: d.history.map((h) => h.month) },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatNumber(v) } },
    series: [{
      type: 'bar', name: t('insights.dashboard.actual'), data: d.history.map((h) => h.actual), itemStyle: { color: token.colorPrimary },
      markLine: d.target > 0 ? { symbol: 'none', data: [{ yAxis: d.target, name: t('insights.dashboard.target') }], lineStyle: { color: token.colorWarning, type: 'dashed' }, label: { formatter: t('insights.dashboard.target') } } : undefined,
    }],
  }), [d, t, token]);
  return (
    <>
      <Flex gap={24} wrap>
        <Statistic title={t('insights.dashboard.targetOf', { month: d.month })} value={formatNumber(d.target)} />
        <Statistic title={t('insights.dashboard.actual')} value={formatNumber(d.actual)} />
        <div style={{ minWidth: 120 }}>
          <Typography.Text type="secondary">{t('insights.dashboard.attainment')}</Typography.Text>
          <Progress aria-label={t('insights.dashboard.attainment')} percent={Math.round(d.attainmentPercent ?? 0)} status={d.attainmentPercent === null ? 'normal' : undefined} format={() => (d.attainmentPercent === null ? '—' : `${formatNumber(d.attainmentPercent, 1)}%`)} />
        </div>
      </Flex>
      <Chart option={option} height={200} ariaLabel={t('insights.dashboard.targetsAria', { target: formatNumber(d.target), actual: formatNumber(d.actual) })}
        onClick={link ? (e) => navigate(`/analytics/targets?month=${d.history[e.dataIndex]?.month ?? d.month}`) : undefined} testId="chart-targets" />
    </>
  );
}

function ComplianceChart({ d, link }: { d: Dashboard['visitCompliance']; link: boolean }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const option = useMemo<ChartOption>(() => ({
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [{
      type: 'pie', radius: ['45%', '70%'], center: ['50%', '45%'], label: { formatter: '{c}' },
      data: [
        { name: t('work.enums.compliance.Met'), value: d.met, itemStyle: { color: token.colorSuccess } },
        { name: t('work.enums.compliance.AtRisk'), value: d.atRisk, itemStyle: { color: token.colorWarning } },
        { name: t('work.enums.compliance.Missed'), value: d.missed, itemStyle: { color: token.colorError } },
      ],
    }],
  }), [d, t, token]);
  if (d.customers === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('insights.dashboard.noCompliance')} />;
  return (
    <>
      <Statistic title={t('insights.dashboard.compliancePercent')} value={formatNumber(d.compliancePercent, 1)} suffix="%" />
      <Chart option={option} height={220} ariaLabel={t('insights.dashboard.complianceAria', { met: d.met, atRisk: d.atRisk, missed: d.missed })}
        onClick={link ? () => navigate('/visits/compliance') : undefined} testId="chart-compliance" />
    </>
  );
}

const slaTabs = ['open', 'at-risk', 'breached'] as const;

function ComplaintsChart({ d, link }: { d: Dashboard['complaints']; link: boolean }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const option = useMemo<ChartOption>(() => ({
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: [t('work.enums.sla.OnTrack'), t('work.enums.sla.AtRisk'), t('work.enums.sla.Breached')] },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{
      type: 'bar', name: t('insights.dashboard.openComplaints'), label: { show: true, position: 'top' },
      data: [
        { value: d.onTrack, itemStyle: { color: token.colorPrimary } },
        { value: d.atRisk, itemStyle: { color: token.colorWarning } },
        { value: d.breached, itemStyle: { color: token.colorError } },
      ],
    }],
  }), [d, t, token]);
  return (
    <>
      <Statistic title={t('insights.dashboard.openComplaints')} value={d.open} />
      <Chart option={option} height={220} ariaLabel={t('insights.dashboard.complaintsAria', { onTrack: d.onTrack, atRisk: d.atRisk, breached: d.breached })}
        onClick={link ? (e) => navigate(`/complaints?sla=${slaTabs[e.dataIndex] ?? 'open'}`) : undefined} testId="chart-complaints" />
    </>
  );
}

function ReferralChart({ d, link }: { d: Dashboard['referrals']; link: boolean }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const option = useMemo<ChartOption>(() => ({
    tooltip: { trigger: 'item', formatter: '{b}: {c}' },
    series: [{
      type: 'funnel', sort: 'none', left: '10%', width: '80%', top: 8, bottom: 8, minSize: '20%', label: { formatter: '{b} {c}' },
      data: [
        { name: t('work.enums.referralStatus.New'), value: d.new, itemStyle: { color: token.colorInfo } },
        { name: t('work.enums.referralStatus.Contacted'), value: d.contacted, itemStyle: { color: token.colorPrimary } },
        { name: t('work.enums.referralStatus.Qualified'), value: d.qualified, itemStyle: { color: token['purple-6'] } },
        { name: t('insights.dashboard.wonThisMonth'), value: d.wonThisMonth, itemStyle: { color: token.colorSuccess } },
      ],
    }],
  }), [d, t, token]);
  return (
    <>
      <Chart option={option} height={220} ariaLabel={t('insights.dashboard.referralsAria', { new: d.new, contacted: d.contacted, qualified: d.qualified, won: d.wonThisMonth })}
        onClick={link ? () => navigate('/referrals') : undefined} testId="chart-referrals" />
      {link ? (
        <Link to="/referrals?tab=thanks"><Tag color={d.thanksDue > 0 ? 'orange' : undefined}>{t('insights.dashboard.thanksDue', { count: d.thanksDue })}</Tag></Link>
      ) : (
        <Tag>{t('insights.dashboard.thanksDue', { count: d.thanksDue })}</Tag>
      )}
    </>
  );
}

const stageColors: Record<string, string> = { None: '#bfbfbf', Cognitive: '#fa8c16', Emotional: '#1677ff', Behavioural: '#52c41a' };

/** Loyalty stage mix or membership tier mix of the customers in scope (both from the dashboard), switchable. */
function LoyaltyMixChart({ stages, tiers, link }: { stages: Dashboard['loyaltyStages']; tiers: Dashboard['tierMix']; link: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [view, setView] = useState<'stage' | 'tier'>('stage');
  const rows = useMemo(
    () => (view === 'tier'
      ? tiers.map((x) => ({ key: x.key, name: x.key, value: x.count }))
      : stages.map((x) => ({ key: x.key, name: t(`insights.enums.loyaltyStage.${x.key}`, { defaultValue: x.key }), value: x.customers }))),
    [view, tiers, stages, t],
  );
  const option = useMemo<ChartOption>(() => ({
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0, type: 'scroll' },
    series: [{
      type: 'pie', radius: ['35%', '65%'], center: ['50%', '45%'], label: { formatter: '{b}\n{c}' },
      data: rows.map((r) => ({ name: r.name, value: r.value, ...(view === 'stage' && stageColors[r.key] ? { itemStyle: { color: stageColors[r.key] } } : {}) })),
    }],
  }), [rows, view]);
  const title = view === 'stage' ? t('insights.dashboard.stageMix') : t('insights.dashboard.tierMix');
  return (
    <>
      <Segmented<'stage' | 'tier'>
        size="small" value={view} onChange={setView} aria-label={t('insights.dashboard.loyaltyMix')}
        options={[{ value: 'stage', label: t('insights.dashboard.stageMix') }, { value: 'tier', label: t('insights.dashboard.tierMix') }]}
      />
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={view === 'tier' ? t('insights.dashboard.noTiers') : t('insights.dashboard.noStages')} />
      ) : (
        <Chart option={option} height={240} ariaLabel={`${title}: ${rows.map((r) => `${r.name} ${r.value}`).join(', ')}`}
          onClick={link ? () => navigate('/analytics/loyalty') : undefined} testId="chart-loyalty-mix" />
      )}
    </>
  );
}

function RemindersToday({ d, tasks }: { d: Dashboard['remindersToday']; tasks: Dashboard['tasks'] }) {
  const { t } = useTranslation();
  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 8 }}>
        <Link to="/board"><Tag color={tasks.overdue > 0 ? 'red' : undefined}>{t('insights.dashboard.tasksOverdue', { count: tasks.overdue })}</Tag></Link>
        <Link to="/board"><Tag color="blue">{t('insights.dashboard.tasksToday', { count: tasks.dueToday })}</Tag></Link>
      </Flex>
      <List
        size="small"
        dataSource={d.slice(0, 8)}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('insights.reminders.noneToday')} /> }}
        renderItem={(r, i) => {
          const to = reminderRoute(r);
          return (
            <List.Item key={`${r.kind}-${r.recordId ?? i}`}>
              <Flex gap={8} align="center" style={{ minWidth: 0 }}>
                <Tag color={reminderColor[r.kind]}>{t(`insights.enums.reminderKind.${r.kind}`)}</Tag>
                {to ? <Link to={to}>{r.title}</Link> : <Typography.Text>{r.title}</Typography.Text>}
              </Flex>
            </List.Item>
          );
        }}
      />
      {d.length > 8 && <Typography.Text type="secondary">{t('insights.dashboard.moreReminders', { count: d.length - 8 })}</Typography.Text>}
    </>
  );
}

/** The dashboard (GET /dashboard): six cards, each chart clicking through to the list behind it. */
export function DashboardCharts({ links }: { links: DashboardLinks }) {
  const { t } = useTranslation();
  const dashboard = useDashboard();
  if (dashboard.isPending) {
    return (
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        {Array.from({ length: 6 }, (_, i) => (
          <Col key={i} xs={24} lg={12} xxl={8}><Card size="small"><Skeleton active paragraph={{ rows: 6 }} /></Card></Col>
        ))}
      </Row>
    );
  }
  if (dashboard.isError) return <ErrorResult error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  const d = dashboard.data;
  return (
    <Row gutter={[16, 16]} style={{ marginTop: 16 }} data-testid="dashboard">
      <Col xs={24} lg={12} xxl={8}>
        <ChartCard title={t('insights.dashboard.targets')} to={links.targets ? `/analytics/targets?month=${d.targets.month}` : undefined} testId="card-targets">
          <TargetChart d={d.targets} link={links.targets} />
        </ChartCard>
      </Col>
      <Col xs={24} lg={12} xxl={8}>
        <ChartCard title={t('insights.dashboard.compliance')} to={links.compliance ? '/visits/compliance' : undefined} testId="card-compliance">
          <ComplianceChart d={d.visitCompliance} link={links.compliance} />
        </ChartCard>
      </Col>
      <Col xs={24} lg={12} xxl={8}>
        <ChartCard title={t('insights.dashboard.complaints')} to={links.complaints ? '/complaints?sla=breached' : undefined} testId="card-complaints">
          <ComplaintsChart d={d.complaints} link={links.complaints} />
        </ChartCard>
      </Col>
      <Col xs={24} lg={12} xxl={8}>
        <ChartCard title={t('insights.dashboard.referrals')} to={links.referrals ? '/referrals' : undefined} testId="card-referrals">
          <ReferralChart d={d.referrals} link={links.referrals} />
        </ChartCard>
      </Col>
      <Col xs={24} lg={12} xxl={8}>
        <ChartCard title={t('insights.dashboard.loyaltyMix')} to={links.loyalty ? '/analytics/loyalty' : undefined} testId="card-loyalty">
          <LoyaltyMixChart stages={d.loyaltyStages} tiers={d.tierMix} link={links.loyalty} />
        </ChartCard>
      </Col>
      <Col xs={24} lg={12} xxl={8}>
        <ChartCard title={t('insights.dashboard.remindersToday')} to={links.reminders ? '/analytics/reminders' : undefined} testId="card-reminders">
          <RemindersToday d={d.remindersToday} tasks={d.tasks} />
        </ChartCard>
      </Col>
    </Row>
  );
}
