import { useCallback, useMemo } from 'react';
import { Card, Col, DatePicker, Empty, Flex, Row, Segmented, Statistic, Table, Tag, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Chart, type ChartOption } from '@/components/Chart';
import { ErrorResult } from '@/components/ErrorResult';
import { LoadingBlock } from '@/components/LoadingBlock';
import { PageHeader } from '@/components/PageHeader';
import { formatDate, formatNumber } from '@/components/format';
import { useComposition } from '../api/getComposition';
import { abcColors, abcTagColors, changeOf, customerListLink, dimensions, paretoHeadline, readCompositionState, writeCompositionState, type CompositionRow, type Dimension } from './compositionModel';

/** Shows a change against the previous period: ▲ green, ▼ red, "new" when there were no sales before. */
export function ChangeCell({ row }: { row: CompositionRow }) {
  const { t } = useTranslation();
  const c = changeOf(row);
  if (c.direction === 'new') return <Tag color="green">{t('insights.composition.new')}</Tag>;
  if (c.percent === null) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Typography.Text type={c.direction === 'up' ? 'success' : c.direction === 'down' ? 'danger' : undefined}>
      {c.direction === 'up' && <ArrowUpOutlined aria-hidden />} {c.direction === 'down' && <ArrowDownOutlined aria-hidden />} {formatNumber(c.percent, 1)}%
    </Typography.Text>
  );
}

/** The Pareto table: amount, share, cumulative share, ABC class, customers, average and change. */
export function ParetoTable({ rows, label, loading, link }: { rows: CompositionRow[]; label: (r: CompositionRow) => string; loading?: boolean; link?: (r: CompositionRow) => string | null }) {
  const { t } = useTranslation();
  const f = (name: string) => t(`insights.composition.fields.${name}`);
  return (
    <Table<CompositionRow>
      rowKey="key" size="small" loading={loading} dataSource={rows} pagination={false} data-testid="pareto-table" scroll={{ x: 860 }}
      locale={{ emptyText: <Empty description={t('insights.composition.empty')} /> }}
      columns={[
        { title: f('group'), render: (_, r) => { const to = link?.(r); return to ? <Link to={to}>{label(r)}</Link> : label(r); } },
        { title: f('amount'), align: 'right', render: (_, r) => formatNumber(r.salesAmount, 2) },
        { title: f('share'), align: 'right', render: (_, r) => `${formatNumber(r.share, 1)}%` },
        { title: f('cumulativeShare'), align: 'right', render: (_, r) => `${formatNumber(r.cumulativeShare, 1)}%` },
        { title: f('abc'), align: 'center', render: (_, r) => <Tag color={abcTagColors[r.abcClass]} data-testid={`abc-${r.key}`}>{r.abcClass}</Tag> },
        { title: f('customers'), align: 'right', render: (_, r) => formatNumber(r.customerCount) },
        { title: f('average'), align: 'right', render: (_, r) => formatNumber(r.averagePerCustomer, 2) },
        { title: f('previous'), align: 'right', render: (_, r) => formatNumber(r.previousAmount, 2) },
        { title: f('change'), align: 'right', render: (_, r) => <ChangeCell row={r} /> },
      ]}
    />
  );
}

/** 客户构成分析: sales by level, category, region, owner or industry as a Pareto chart and table; state in the URL. */
export function CompositionPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const state = readCompositionState(params);
  const link = useCallback((r: CompositionRow) => customerListLink(state.by, r), [state.by]);
  const composition = useComposition({ by: state.by, ...(state.from && state.to ? { from: state.from, to: state.to } : {}) });
  const data = composition.data;
  const labelRef = useCallback(
    (r: CompositionRow) => (state.by === 'level' ? t(`enums.level.${r.label}`, { defaultValue: r.label }) : r.label || t('insights.composition.unspecified')),
    [state.by, t],
  );

  const option = useMemo<ChartOption | null>(() => {
    if (!data || data.rows.length === 0) return null;
    return {
      grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      xAxis: { type: 'category', data: data.rows.map(labelRef), axisLabel: { interval: 0, rotate: data.rows.length > 8 ? 30 : 0 } },
      yAxis: [
        { type: 'value', name: t('insights.composition.fields.amount'), axisLabel: { formatter: (v: number) => formatNumber(v) } },
        { type: 'value', name: t('insights.composition.fields.cumulativeShare'), min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      ],
      series: [
        {
          type: 'bar', name: t('insights.composition.fields.amount'),
          data: data.rows.map((r) => ({ value: r.salesAmount, itemStyle: { color: abcColors[r.abcClass] ?? abcColors.C } })),
          tooltip: { valueFormatter: (v) => formatNumber(Number(v), 2) },
        },
        {
          type: 'line', name: t('insights.composition.fields.cumulativeShare'), yAxisIndex: 1, smooth: false, symbolSize: 6,
          data: data.rows.map((r) => r.cumulativeShare), tooltip: { valueFormatter: (v) => `${formatNumber(Number(v), 1)}%` },
          markLine: { symbol: 'none', silent: true, data: [{ yAxis: 80 }, { yAxis: 95 }], lineStyle: { type: 'dashed', color: '#bfbfbf' }, label: { formatter: '{c}%' } },
        },
      ],
    };
  }, [data, labelRef, t]);

  const set = (next: Partial<typeof state>) => setParams(writeCompositionState({ ...state, ...next }), { replace: true });
  const head = data ? paretoHeadline(data.rows) : null;
  const totalChange = data && data.previousTotal > 0 ? ((data.total - data.previousTotal) / data.previousTotal) * 100 : null;

  return (
    <>
      <PageHeader title={t('insights.composition.title')} subtitle={t('insights.composition.subtitle')} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={16} wrap align="center">
          <Segmented<Dimension>
            aria-label={t('insights.composition.by')}
            value={state.by}
            onChange={(by) => set({ by })}
            options={dimensions.map((d) => ({ value: d, label: t(`insights.composition.dimensions.${d}`) }))}
          />
          <DatePicker.RangePicker
            aria-label={t('insights.composition.period')}
            allowClear
            value={state.from && state.to ? [dayjs(state.from), dayjs(state.to)] : data ? [dayjs(data.from), dayjs(data.to)] : null}
            onChange={(range) => set(range && range[0] && range[1] ? { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') } : { from: undefined, to: undefined })}
          />
          {data && (
            <Typography.Text type="secondary">
              {t('insights.composition.previousPeriod', { from: formatDate(data.previousFrom), to: formatDate(data.previousTo) })}
            </Typography.Text>
          )}
        </Flex>
      </Card>
      {composition.isPending ? (
        <LoadingBlock />
      ) : composition.isError ? (
        <ErrorResult error={composition.error} onRetry={() => void composition.refetch()} />
      ) : (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={12} md={6}><Card size="small"><Statistic title={t('insights.composition.total')} value={formatNumber(composition.data.total, 2)} /></Card></Col>
            <Col xs={12} md={6}><Card size="small"><Statistic title={t('insights.composition.previousTotal')} value={formatNumber(composition.data.previousTotal, 2)} /></Card></Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t('insights.composition.totalChange')} value={totalChange === null ? '—' : formatNumber(totalChange, 1)} suffix={totalChange === null ? undefined : '%'} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t('insights.composition.classA')} value={head ? t('insights.composition.classAValue', { groups: head.groups, total: head.total, share: formatNumber(head.share, 1) }) : '—'} />
              </Card>
            </Col>
          </Row>
          <Card size="small" title={t('insights.composition.chart')} style={{ marginBottom: 16 }}>
            {option ? (
              <>
                <Chart option={option} height={340} ariaLabel={t('insights.composition.chartAria', { by: t(`insights.composition.dimensions.${state.by}`) })} testId="pareto-chart"
                  onClick={({ dataIndex }) => { const row = composition.data.rows[dataIndex]; const to = row && link(row); if (to) navigate(to); }} />
                <Flex gap={12} justify="center">
                  {(['A', 'B', 'C'] as const).map((c) => (
                    <Flex key={c} gap={4} align="center">
                      <span aria-hidden style={{ width: 10, height: 10, borderRadius: 2, background: abcColors[c] }} />
                      <Typography.Text type="secondary">{t(`insights.composition.abcLegend.${c}`)}</Typography.Text>
                    </Flex>
                  ))}
                </Flex>
              </>
            ) : (
              <Empty description={t('insights.composition.empty')} />
            )}
          </Card>
          <Card size="small" title={t('insights.composition.table')}>
            <ParetoTable rows={composition.data.rows} label={labelRef} link={link} loading={composition.isFetching && composition.isPlaceholderData} />
          </Card>
        </>
      )}
    </>
  );
}
