import { useState, type DragEvent, type ReactNode } from 'react';
import { Button, Card, Col, Dropdown, Empty, Flex, Form, Input, Modal, Row, Table, Tabs, Tag, Typography, theme } from 'antd';
import { PlusOutlined, SwapOutlined, TrophyOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';
import { ErrorResult } from '@/components/ErrorResult';
import { LoadingBlock } from '@/components/LoadingBlock';
import { PageHeader } from '@/components/PageHeader';
import { showError, showSuccess } from '@/components/feedback';
import { formatDate, formatNumber } from '@/components/format';
import { hasRole, useMe } from '@/lib/session/session';
import { useReferrals } from '../api/listReferrals';
import { useReferralStats } from '../api/getReferralStats';
import { useMoveReferral } from '../api/moveReferral';
import { useThankReferrer } from '../api/thankReferrer';
import { RecordReferralModal } from './RecordReferralModal';

type Referral = Schemas['ReferralDto'];
type Status = Schemas['ReferralStatus'];
const statuses: Status[] = ['New', 'Contacted', 'Qualified', 'Won', 'Lost'];
const statusColor: Record<Status, string> = { New: '#1668dc', Contacted: '#13c2c2', Qualified: '#722ed1', Won: '#52c41a', Lost: '#8c8c8c' };

function ReasonDialog({ open, title, label, loading, onCancel, onSubmit }: { open: boolean; title: string; label: string; loading: boolean; onCancel: () => void; onSubmit: (text: string) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ text: string }>();
  return (
    <Modal open={open} title={title} onCancel={onCancel} onOk={() => form.submit()} okText={t('common.confirm')} cancelText={t('common.cancel')} confirmLoading={loading} destroyOnHidden forceRender>
      <Form form={form} layout="vertical" onFinish={(v) => onSubmit(v.text.trim())}>
        <Form.Item name="text" label={label} rules={[{ required: true, whitespace: true, message: t('common.required', { field: label }) }]}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Funnel({ canWrite, cardExtra }: { canWrite: boolean; cardExtra?: (referral: Referral) => ReactNode }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const referrals = useReferrals({});
  const move = useMoveReferral();
  const [dragging, setDragging] = useState<Referral | null>(null);
  const [over, setOver] = useState<Status | null>(null);
  const [losing, setLosing] = useState<Referral | null>(null);

  if (referrals.isPending) return <LoadingBlock />;
  if (referrals.isError) return <ErrorResult error={referrals.error} onRetry={() => void referrals.refetch()} />;

  const send = (r: Referral, status: Status, lostReason: string | null) =>
    move.mutate({ id: r.id, body: { status, lostReason } }, { onSuccess: () => { showSuccess(t('work.referrals.moved')); setLosing(null); } });
  const drop = (to: Status) => {
    setOver(null);
    const r = dragging;
    setDragging(null);
    if (!r || r.status === to) return;
    if (!r.allowedNext.includes(to)) {
      showError(new Error(`${t(`work.enums.referralStatus.${r.status}`)} → ${t(`work.enums.referralStatus.${to}`)} ✕`));
      return;
    }
    if (to === 'Lost') setLosing(r);
    else send(r, to, null);
  };

  return (
    <>
      <Typography.Paragraph type="secondary">{t('work.referrals.dragHint')}</Typography.Paragraph>
      <Row gutter={12} wrap={false} style={{ overflowX: 'auto' }} data-testid="referral-funnel">
        {statuses.map((status) => {
          const items = referrals.data.filter((r) => r.status === status);
          return (
            <Col key={status} flex="1 0 200px">
              <Card
                size="small"
                data-testid={`funnel-${status}`}
                title={<Flex gap={6} align="center"><span style={{ width: 8, height: 8, borderRadius: 4, background: statusColor[status] }} />{t(`work.enums.referralStatus.${status}`)}<Tag>{items.length}</Tag></Flex>}
                style={{ minHeight: 420, background: over === status ? token.colorPrimaryBg : token.colorFillQuaternary }}
                onDragOver={(e: DragEvent) => { if (canWrite) { e.preventDefault(); if (over !== status) setOver(status); } }}
                onDragLeave={() => setOver((o) => (o === status ? null : o))}
                onDrop={(e: DragEvent) => { e.preventDefault(); drop(status); }}
              >
                <Flex vertical gap={8}>
                  {items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('work.referrals.empty')} />}
                  {items.map((r) => {
                    const late = (status === 'New' || status === 'Contacted' || status === 'Qualified') && dayjs(r.mustCloseBy).isBefore(dayjs(), 'day');
                    return (
                      <Card
                        key={r.id}
                        size="small"
                        draggable={canWrite}
                        data-testid="referral-card"
                        onDragStart={(e: DragEvent) => { e.dataTransfer.effectAllowed = 'move'; e.dataTransfer.setData('text/plain', r.id); setDragging(r); }}
                        onDragEnd={() => setDragging(null)}
                        style={{ cursor: canWrite ? 'grab' : undefined, opacity: dragging?.id === r.id ? 0.5 : 1 }}
                        styles={{ body: { padding: 8 } }}
                      >
                        <Flex justify="space-between" align="start" gap={4}>
                          <Link to={`/customers/${r.referredId}`}><Typography.Text strong>{r.referredName}</Typography.Text></Link>
                          {canWrite && r.allowedNext.length > 0 && (
                            // The keyboard's way to do what dragging does.
                            <Dropdown
                              trigger={['click']}
                              menu={{
                                items: r.allowedNext.map((s) => ({ key: s, label: t(`work.enums.referralStatus.${s}`) })),
                                onClick: ({ key }) => (key === 'Lost' ? setLosing(r) : send(r, key as Status, null)),
                              }}
                            >
                              <Button size="small" type="text" icon={<SwapOutlined />} aria-label={t('work.referrals.moveTo', { name: r.referredName })} />
                            </Dropdown>
                          )}
                        </Flex>
                        <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('work.referrals.fields.referrer')}: {r.referrerName}</Typography.Text></div>
                        <Flex wrap gap={4} style={{ marginTop: 4 }}>
                          <Tag>{t(`work.enums.referralChannel.${r.channel}`)}</Tag>
                          <Tag color={late ? 'red' : undefined}>{t('work.referrals.mustCloseBy')} {formatDate(r.mustCloseBy)}</Tag>
                          {r.lostReason && <Tag>{r.lostReason}</Tag>}
                        </Flex>
                        {cardExtra && <div style={{ marginTop: 6 }}>{cardExtra(r)}</div>}
                      </Card>
                    );
                  })}
                </Flex>
              </Card>
            </Col>
          );
        })}
      </Row>
      <ReasonDialog
        open={losing !== null}
        title={t('work.referrals.lostTitle')}
        label={t('work.referrals.fields.lostReason')}
        loading={move.isPending}
        onCancel={() => setLosing(null)}
        onSubmit={(reason) => losing && send(losing, 'Lost', reason)}
      />
    </>
  );
}

function ThanksDue({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const due = useReferrals({ thanksDue: true });
  const thank = useThankReferrer();
  const [thanking, setThanking] = useState<Referral | null>(null);
  const f = (name: string) => t(`work.referrals.fields.${name}`);
  if (due.isError) return <ErrorResult error={due.error} onRetry={() => void due.refetch()} />;
  return (
    <>
      <Table<Referral>
        rowKey="id"
        data-testid="thanks-due"
        loading={due.isPending}
        dataSource={due.data ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description={t('work.referrals.thanksNone')} /> }}
        columns={[
          { title: f('referrer'), render: (_, r) => <Link to={`/customers/${r.referrerId}`}>{r.referrerName}</Link> },
          { title: f('referred'), render: (_, r) => <Link to={`/customers/${r.referredId}`}>{r.referredName}</Link> },
          { title: f('referredOn'), width: 120, render: (_, r) => formatDate(r.referredOn) },
          { title: t('work.enums.referralStatus.Won'), width: 120, render: (_, r) => formatDate(r.wonAt) },
          ...(canWrite ? [{ title: t('common.actions'), width: 120, render: (_: unknown, r: Referral) => <Button size="small" type="primary" onClick={() => setThanking(r)}>{t('work.referrals.thank')}</Button> }] : []),
        ]}
      />
      <ReasonDialog
        open={thanking !== null}
        title={t('work.referrals.thank')}
        label={f('method')}
        loading={thank.isPending}
        onCancel={() => setThanking(null)}
        onSubmit={(method) => thanking && thank.mutate({ id: thanking.id, method }, { onSuccess: () => { showSuccess(t('work.referrals.thankedMsg')); setThanking(null); } })}
      />
    </>
  );
}

function Leaderboard() {
  const { t } = useTranslation();
  const stats = useReferralStats();
  const f = (name: string) => t(`work.referrals.fields.${name}`);
  if (stats.isError) return <ErrorResult error={stats.error} onRetry={() => void stats.refetch()} />;
  return (
    <Row gutter={16}>
      <Col xs={24} xl={14}>
        <Card size="small" title={<><TrophyOutlined /> {t('work.referrals.leaderboard')}</>}>
          <Table<Schemas['ReferrerStatsDto']>
            rowKey="referrerId" size="small" loading={stats.isPending} dataSource={stats.data?.topReferrers ?? []} pagination={false}
            columns={[
              { title: '#', width: 40, render: (_, __, i) => i + 1 },
              { title: f('referrer'), render: (_, r) => <Link to={`/customers/${r.referrerId}`}>{r.referrerName}</Link> },
              { title: f('referrals'), dataIndex: 'referrals', align: 'right' },
              { title: f('won'), dataIndex: 'won', align: 'right' },
              { title: f('conversionRate'), align: 'right', render: (_, r) => `${formatNumber(r.conversionRate * (r.conversionRate <= 1 ? 100 : 1), 0)}%` },
              { title: f('salesFromReferred'), align: 'right', render: (_, r) => formatNumber(r.salesFromReferred, 0) },
              { title: f('rewardPoints'), dataIndex: 'rewardPoints', align: 'right' },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card size="small" title={t('work.referrals.funnel')}>
          <Table<Schemas['FunnelMonthDto']>
            rowKey="month" size="small" loading={stats.isPending} dataSource={stats.data?.months ?? []} pagination={false}
            columns={[
              { title: f('month'), dataIndex: 'month' },
              { title: f('referredCount'), dataIndex: 'referred', align: 'right' },
              { title: f('won'), dataIndex: 'won', align: 'right' },
              { title: f('lost'), dataIndex: 'lost', align: 'right' },
              { title: f('conversionRate'), align: 'right', render: (_, m) => `${formatNumber(m.conversionRate * (m.conversionRate <= 1 ? 100 : 1), 0)}%` },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}

/** Referrals (转介绍): the funnel board, thanks due and the referrer leaderboard. */
/** `cardExtra` adds controls other features contribute to each funnel card (composed by the route), e.g. its tasks. */
export function ReferralsPage({ cardExtra }: { cardExtra?: (referral: Schemas['ReferralDto']) => ReactNode } = {}) {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const [recording, setRecording] = useState(false);
  const canWrite = hasRole(me, 'Rep', 'Manager', 'Admin');
  const tab = params.get('tab') ?? 'funnel';
  return (
    <>
      <PageHeader
        title={t('work.referrals.title')}
        extra={canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)}>{t('work.referrals.record')}</Button>}
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'funnel', label: t('work.referrals.funnel'), children: <Funnel canWrite={canWrite} cardExtra={cardExtra} /> },
          { key: 'thanks', label: t('work.referrals.thanksDue'), children: <ThanksDue canWrite={canWrite} /> },
          { key: 'leaderboard', label: t('work.referrals.leaderboard'), children: <Leaderboard /> },
        ]}
      />
      <RecordReferralModal open={recording} onClose={() => setRecording(false)} />
    </>
  );
}
