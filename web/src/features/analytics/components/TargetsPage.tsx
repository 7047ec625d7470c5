import { useEffect, useMemo, useState } from 'react';
import { Button, Card, Col, DatePicker, Empty, Form, InputNumber, Modal, Progress, Row, Select, Statistic, Table, Typography } from 'antd';
import { AimOutlined, EditOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';
import { Chart, type ChartOption } from '@/components/Chart';
import { ErrorResult } from '@/components/ErrorResult';
import { LoadingBlock } from '@/components/LoadingBlock';
import { PageHeader } from '@/components/PageHeader';
import { applyProblemToForm } from '@/components/formErrors';
import { showError, showSuccess } from '@/components/feedback';
import { formatDate, formatNumber } from '@/components/format';
import { hasRole, useMe } from '@/lib/session/session';
import { useTargetBoard } from '../api/getTargetBoard';
import { useSetTarget } from '../api/setTarget';
import { useTeams } from '../api/listTeams';

type Split = Schemas['TargetSplitDto'];
type RepTarget = Schemas['RepTargetDto'];
type Editing = { kind: 'rep'; userId: string; name: string; amount: number } | { kind: 'team'; teamId: string; name: string; amount: number } | null;

const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Attainment as a bar: green from 100%, blue on the way, "—" when there is no target. */
export function Attainment({ percent }: { percent: number | null | undefined }) {
  const { t } = useTranslation();
  if (percent === null || percent === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Progress
      aria-label={t('insights.targets.fields.attainment')} percent={Math.min(100, Math.round(percent))} size="small" status={percent >= 100 ? 'success' : 'normal'}
      format={() => `${formatNumber(percent, 1)}%`} style={{ minWidth: 120, margin: 0 }}
    />
  );
}

/** The weekly split of a month's target over its working days (holidays and make-up days counted). */
export function SplitTable({ weeks, testId }: { weeks: Split[]; testId?: string }) {
  const { t } = useTranslation();
  const f = (name: string) => t(`insights.targets.fields.${name}`);
  return (
    <Table<Split>
      rowKey="period" size="small" pagination={false} dataSource={weeks} data-testid={testId}
      columns={[
        { title: f('week'), render: (_, w) => w.period },
        { title: f('days'), render: (_, w) => `${formatDate(w.from)} – ${formatDate(w.to)}` },
        { title: f('workingDays'), align: 'right', render: (_, w) => w.workingDays },
        { title: f('target'), align: 'right', render: (_, w) => formatNumber(w.target, 2) },
        { title: f('actual'), align: 'right', render: (_, w) => formatNumber(w.actual, 2) },
        { title: f('attainment'), render: (_, w) => <Attainment percent={w.attainmentPercent} /> },
      ]}
    />
  );
}

function TargetDialog({ editing, month, onClose }: { editing: Editing; month: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ amount: number }>();
  const set = useSetTarget();
  useEffect(() => {
    if (editing) form.setFieldsValue({ amount: editing.amount });
  }, [editing, form]);
  return (
    <Modal
      open={editing !== null} title={editing ? t('insights.targets.setFor', { name: editing.name, month }) : ''} onCancel={onClose} onOk={() => form.submit()}
      okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={set.isPending} forceRender
    >
      <Form
        form={form} layout="vertical"
        onFinish={(v) => {
          if (!editing) return;
          set.mutate(
            { month, amount: v.amount, userId: editing.kind === 'rep' ? editing.userId : null, teamId: editing.kind === 'team' ? editing.teamId : null },
            { onSuccess: () => { showSuccess(t('insights.targets.saved')); onClose(); }, onError: (e) => { if (!applyProblemToForm(form, e, ['amount'])) showError(e); } },
          );
        }}
      >
        <Form.Item name="amount" label={t('insights.targets.fields.monthlyTarget')} rules={[{ required: true, message: t('common.required', { field: t('insights.targets.fields.monthlyTarget') }) }]}>
          <InputNumber min={0} precision={2} style={{ width: '100%' }} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 销售目标: a month's target vs actual per rep and for the team, split by week over working days, with the months before. */
export function TargetsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const isAdmin = hasRole(me, 'Admin');
  const canSet = hasRole(me, 'Admin', 'Manager');
  const rawMonth = params.get('month');
  const month = rawMonth && monthPattern.test(rawMonth) ? rawMonth : dayjs().format('YYYY-MM');
  const teamParam = params.get('team') ?? undefined;
  const teams = useTeams(isAdmin);
  // A manager works on their own team; an administrator picks one (or sees everyone).
  const teamId = isAdmin ? teamParam : hasRole(me, 'Manager') ? me.teamId ?? undefined : undefined;
  const board = useTargetBoard(month, teamId);
  const [editing, setEditing] = useState<Editing>(null);
  const f = (name: string) => t(`insights.targets.fields.${name}`);
  const teamName = isAdmin ? teams.data?.find((x) => x.id === teamId)?.name : t('insights.targets.myTeam');

  const history = board.data?.history;
  const option = useMemo<ChartOption | null>(() => history ? {
    grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (v) => formatNumber(Number(v), 2) },
    xAxis: { type: 'category', data: history.map((h) => h.month) },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatNumber(v) } },
    series: [{ type: 'bar', name: t('insights.targets.fields.actual'), data: history.map((h) => h.actual), label: { show: true, position: 'top', formatter: (p) => { const c = history[p.dataIndex]?.changePercent; return c === null || c === undefined ? '' : `${c > 0 ? '+' : ''}${formatNumber(c, 1)}%`; } } }],
  } : null, [history, t]);

  const set = (next: { month?: string; team?: string | null }) => {
    const p = new URLSearchParams(params);
    if (next.month) p.set('month', next.month);
    if (next.team !== undefined) { if (next.team) p.set('team', next.team); else p.delete('team'); }
    setParams(p, { replace: true });
  };

  return (
    <>
      <PageHeader
        title={t('insights.targets.title')}
        subtitle={t('insights.targets.subtitle')}
        extra={
          <>
            <DatePicker picker="month" allowClear={false} aria-label={f('month')} value={dayjs(`${month}-01`)} onChange={(d) => d && set({ month: d.format('YYYY-MM') })} />
            {isAdmin && (
              <Select
                aria-label={t('insights.targets.team')} placeholder={t('insights.targets.allTeams')} allowClear style={{ minWidth: 180 }} loading={teams.isPending}
                value={teamParam} onChange={(v?: string) => set({ team: v ?? null })} options={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
              />
            )}
          </>
        }
      />
      {board.isPending ? (
        <LoadingBlock />
      ) : board.isError ? (
        <ErrorResult error={board.error} onRetry={() => void board.refetch()} />
      ) : (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={f('teamTarget')} value={formatNumber(board.data.teamTarget, 2)} />
                {canSet && teamId && (
                  <Button size="small" icon={<AimOutlined />} style={{ marginTop: 8 }} onClick={() => setEditing({ kind: 'team', teamId, name: teamName ?? t('insights.targets.team'), amount: board.data.teamTarget })}>
                    {t('insights.targets.setTeam')}
                  </Button>
                )}
              </Card>
            </Col>
            <Col xs={12} md={6}><Card size="small"><Statistic title={f('teamActual')} value={formatNumber(board.data.teamActual, 2)} /></Card></Col>
            <Col xs={12} md={6}><Card size="small"><Typography.Text type="secondary">{f('attainment')}</Typography.Text><Attainment percent={board.data.teamAttainmentPercent} /></Card></Col>
            <Col xs={12} md={6}><Card size="small"><Statistic title={f('workingDays')} value={board.data.workingDays} /></Card></Col>
          </Row>
          <Card size="small" title={t('insights.targets.reps')} style={{ marginBottom: 16 }}>
            <Table<RepTarget>
              rowKey="userId" size="small" dataSource={board.data.reps} pagination={false} data-testid="targets-table" scroll={{ x: 800 }}
              locale={{ emptyText: <Empty description={t('insights.targets.empty')} /> }}
              expandable={{ expandedRowRender: (r) => <SplitTable weeks={r.weeks} testId={`split-${r.userId}`} />, rowExpandable: (r) => r.weeks.length > 0 }}
              columns={[
                { title: f('rep'), render: (_, r) => r.name },
                { title: f('monthlyTarget'), align: 'right', render: (_, r) => formatNumber(r.target, 2) },
                { title: f('actual'), align: 'right', render: (_, r) => formatNumber(r.actual, 2) },
                { title: f('attainment'), render: (_, r) => <Attainment percent={r.attainmentPercent} /> },
                { title: f('dailyTarget'), align: 'right', render: (_, r) => formatNumber(r.dailyTarget, 2) },
                { title: f('weeklyTarget'), render: (_, r) => <Typography.Text type="secondary">{r.weeks.map((w) => formatNumber(w.target)).join(' / ') || '—'}</Typography.Text> },
                ...(canSet ? [{
                  title: t('common.actions'), width: 90,
                  render: (_: unknown, r: RepTarget) => (
                    <Button size="small" icon={<EditOutlined />} aria-label={t('insights.targets.setFor', { name: r.name, month })} onClick={() => setEditing({ kind: 'rep', userId: r.userId, name: r.name, amount: r.target })}>
                      {t('common.edit')}
                    </Button>
                  ),
                }] : []),
              ]}
            />
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <Card size="small" title={t('insights.targets.teamWeeks')}>
                <SplitTable weeks={board.data.teamWeeks} testId="team-split" />
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card size="small" title={t('insights.targets.history')}>
                {option && <Chart option={option} height={240} ariaLabel={t('insights.targets.historyAria')} />}
                <Table
                  rowKey="month" size="small" pagination={false} dataSource={board.data.history}
                  columns={[
                    { title: f('month'), dataIndex: 'month' },
                    { title: f('actual'), align: 'right', render: (_, h) => formatNumber(h.actual, 2) },
                    { title: f('change'), align: 'right', render: (_, h) => (h.changePercent === null || h.changePercent === undefined ? '—' : `${h.changePercent > 0 ? '+' : ''}${formatNumber(h.changePercent, 1)}%`) },
                  ]}
                />
              </Card>
            </Col>
          </Row>
        </>
      )}
      <TargetDialog editing={editing} month={month} onClose={() => setEditing(null)} />
    </>
  );
}
