import { useEffect, useState } from 'react';
import { Button, Card, Col, Empty, Flex, Form, Input, InputNumber, Modal, Progress, Row, Select, Statistic, Table, Tag, Timeline, Typography } from 'antd';
import { CrownOutlined, GiftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';
import { ErrorResult } from '@/components/ErrorResult';
import { LoadingBlock } from '@/components/LoadingBlock';
import { applyProblemToForm } from '@/components/formErrors';
import { showError, showSuccess } from '@/components/feedback';
import { formatDateTime, formatNumber, orDash } from '@/components/format';
import { hasRole, useMe } from '@/lib/session/session';
import { usePoints } from '../api/getPoints';
import { usePointsEntries } from '../api/listPointsEntries';
import { usePostPoints } from '../api/postPoints';

type Kind = Schemas['ManualPointsKind'];

function PostPointsModal({ customerId, balance, open, onClose }: { customerId: string; balance: number; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const [form] = Form.useForm<{ kind: Kind; amount: number; reason?: string }>();
  const post = usePostPoints(customerId);
  const kinds: Kind[] = hasRole(me, 'Admin') ? ['Redeem', 'Campaign', 'Goodwill', 'Adjust'] : ['Redeem', 'Campaign', 'Goodwill'];
  const kind = Form.useWatch('kind', form);
  const f = (name: string) => t(`work.points.fields.${name}`);
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  return (
    <Modal open={open} title={t('work.points.redeem')} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={post.isPending} forceRender>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'Redeem' }}
        onFinish={(v) =>
          post.mutate(
            { kind: v.kind, amount: v.amount, reason: v.reason?.trim() || null, complaintId: null },
            {
              onSuccess: () => { showSuccess(t('work.points.redeemed')); onClose(); },
              onError: (e) => { if (!applyProblemToForm(form, e, ['kind', 'amount', 'reason'])) showError(e); },
            },
          )
        }
      >
        <Form.Item name="kind" label={f('kind')}>
          <Select options={kinds.map((k) => ({ value: k, label: t(`work.enums.pointsKind.${k}`) }))} />
        </Form.Item>
        <Form.Item
          name="amount"
          label={f('amount')}
          extra={kind === 'Redeem' ? `${t('work.points.balance')}: ${formatNumber(balance)}` : undefined}
          rules={[{ required: true, message: t('common.required', { field: f('amount') }) }]}
        >
          <InputNumber min={kind === 'Adjust' ? undefined : 1} max={kind === 'Redeem' ? balance : undefined} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="reason" label={f('reason')} rules={[{ required: kind !== 'Redeem', whitespace: true, message: t('common.required', { field: f('reason') }) }]}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Points and membership tier (积分 / 会员等级): balance, tier and benefits, history, redeem. */
export function PointsTab({ customerId, readOnly }: { customerId: string; readOnly: boolean }) {
  const { t } = useTranslation();
  const points = usePoints(customerId);
  const entries = usePointsEntries(customerId);
  const [posting, setPosting] = useState(false);
  const f = (name: string) => t(`work.points.fields.${name}`);

  if (points.isPending) return <LoadingBlock />;
  if (points.isError) return <ErrorResult error={points.error} onRetry={() => void points.refetch()} />;
  const p = points.data;
  const toNext = p.pointsToNextTier ?? 0;

  return (
    <>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={24} md={8}>
          <Card size="small">
            <Statistic title={t('work.points.balance')} value={p.balance} data-testid="points-balance" />
            {!readOnly && <Button icon={<GiftOutlined />} style={{ marginTop: 8 }} onClick={() => setPosting(true)}>{t('work.points.redeem')}</Button>}
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card size="small">
            <Statistic title={t('work.points.tier')} value={p.tier ?? t('work.points.noTier')} prefix={<CrownOutlined />} />
            {p.nextTier && (
              <>
                <Typography.Text type="secondary">{t('work.points.nextTier')}: {p.nextTier} · {t('work.points.toNext', { count: toNext })}</Typography.Text>
                <Progress percent={p.earned12Months + toNext > 0 ? Math.round((100 * p.earned12Months) / (p.earned12Months + toNext)) : 0} size="small" />
              </>
            )}
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card size="small">
            <Statistic title={t('work.points.earned12Months')} value={p.earned12Months} />
          </Card>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          <Card size="small" title={t('work.points.entries')}>
            <Table<Schemas['PointsEntryDto']>
              rowKey="id" size="small" loading={entries.isPending} dataSource={entries.data ?? []} pagination={{ pageSize: 20, hideOnSinglePage: true }}
              locale={{ emptyText: <Empty description={t('work.points.empty')} /> }}
              columns={[
                { title: f('createdAt'), width: 150, render: (_, e) => formatDateTime(e.createdAt) },
                { title: f('kind'), width: 90, render: (_, e) => t(`work.enums.pointsKind.${e.kind}`) },
                { title: f('source'), width: 100, render: (_, e) => <Tag>{t(`work.enums.pointsSource.${e.source}`)}</Tag> },
                { title: f('amount'), width: 90, align: 'right', render: (_, e) => <Typography.Text type={e.amount < 0 ? 'danger' : 'success'}>{e.amount > 0 ? `+${e.amount}` : e.amount}</Typography.Text> },
                { title: f('balanceAfter'), width: 90, align: 'right', dataIndex: 'balanceAfter' },
                { title: f('reason'), render: (_, e) => orDash(e.reason) },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('work.points.benefits')} style={{ marginBottom: 16 }}>
            {p.tierBenefits ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{p.tierBenefits}</Typography.Paragraph> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
          </Card>
          <Card size="small" title={t('work.points.tierHistory')}>
            {p.tierHistory.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            ) : (
              <Timeline items={p.tierHistory.map((h, i) => ({ key: i, title: formatDateTime(h.changedAt), content: <Flex gap={4}>{h.fromTier ?? '—'} → <strong>{h.toTier}</strong></Flex> }))} />
            )}
          </Card>
        </Col>
      </Row>
      <PostPointsModal customerId={customerId} balance={p.balance} open={posting} onClose={() => setPosting(false)} />
    </>
  );
}
