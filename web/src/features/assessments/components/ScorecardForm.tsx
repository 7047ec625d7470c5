import { useEffect, useState } from 'react';
import { Alert, Flex, Form, Input, InputNumber, Modal, Radio, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';
import { applyProblemToForm } from '@/components/formErrors';
import { showError, showSuccess } from '@/components/feedback';
import { formatNumber } from '@/components/format';
import { gradeColors, gradeOf, suggestionFor, weightedTotal, type Recommendation } from '@/lib/scorecard';
import { useAssessCustomer } from '../api/assessCustomer';

type Template = Schemas['ScorecardTemplateDto'];
type Indicator = Schemas['ScorecardIndicator'];
type Values = { scores: Record<string, number | null>; recommendation?: Recommendation; overrideReason?: string; notes?: string };
const recommendations: Recommendation[] = ['Improve', 'Maintain', 'Terminate'];

const newKey = () => (typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`);

/** The scorecard (客户关系评估表) for one customer: a score 0–100 per indicator, the weighted total, grade and
 *  suggested recommendation live; choosing another recommendation asks for a reason (as the API does). */
export function ScorecardForm({ customerId, template, open, onClose }: { customerId: string; template: Template; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const assess = useAssessCustomer(customerId);
  const [key, setKey] = useState(newKey);
  const scores = Form.useWatch('scores', form) ?? {};
  const chosen = Form.useWatch('recommendation', form);
  const total = weightedTotal(template.indicators, scores);
  const complete = template.indicators.every((i) => typeof scores[i.key] === 'number');
  const grade = gradeOf(total);
  const suggested = suggestionFor(grade);
  const recommendation = chosen ?? suggested;
  const overridden = recommendation !== suggested;
  const f = (name: string, values: Record<string, unknown> = {}) => t(`insights.assessments.${name}`, values);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setKey(newKey());
  }, [open, form]);

  const columns = [
    { title: f('indicator'), render: (_: unknown, i: Indicator) => i.name },
    { title: f('weight'), width: 80, align: 'right' as const, render: (_: unknown, i: Indicator) => `${i.weight}%` },
    {
      title: f('score'), width: 150,
      render: (_: unknown, i: Indicator) => (
        <Form.Item name={['scores', i.key]} noStyle rules={[{ required: true, message: t('common.required', { field: i.name }) }]}>
          <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} aria-label={f('scoreAria', { name: i.name })} data-testid={`score-${i.key}`} />
        </Form.Item>
      ),
    },
    { title: f('weighted'), width: 100, align: 'right' as const, render: (_: unknown, i: Indicator) => formatNumber((i.weight * (scores[i.key] ?? 0)) / 100, 2) },
  ];

  return (
    <Modal
      open={open} title={`${f('new')} · ${f('template', { name: template.name, version: template.templateVersion })}`} width={760}
      onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={assess.isPending} forceRender
    >
      <Form
        form={form} layout="vertical"
        onFinish={(v) => {
          const body: Schemas['AssessCustomerRequest'] = {
            scores: Object.fromEntries(template.indicators.map((i) => [i.key, v.scores[i.key] ?? 0])),
            recommendation, overrideReason: overridden ? v.overrideReason?.trim() || null : null, notes: v.notes?.trim() || null,
          };
          assess.mutate({ body, key }, {
            onSuccess: () => { showSuccess(f('saved')); onClose(); },
            onError: (e) => { if (!applyProblemToForm(form, e, ['scores', 'recommendation', 'overrideReason', 'notes'])) showError(e); },
          });
        }}
      >
        <Table<Indicator> rowKey="key" size="small" pagination={false} dataSource={template.indicators} columns={columns} data-testid="scorecard-indicators" style={{ marginBottom: 16 }} />
        <Flex gap={32} wrap align="center" style={{ marginBottom: 8 }} aria-live="polite" data-testid="scorecard-result">
          <Statistic title={f('total')} value={formatNumber(total, 1)} data-testid="scorecard-total" />
          <div>
            <Typography.Text type="secondary">{f('grade')}</Typography.Text>
            <div><Tag color={complete ? gradeColors[grade] : undefined} style={{ fontSize: 18, padding: '4px 12px', marginTop: 4 }} data-testid="scorecard-grade">{complete ? grade : '—'}</Tag></div>
          </div>
          <div>
            <Typography.Text type="secondary">{f('suggested')}</Typography.Text>
            <div data-testid="scorecard-suggested"><Typography.Text strong>{complete ? t(`insights.enums.recommendation.${suggested}`) : '—'}</Typography.Text></div>
          </div>
        </Flex>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{f('gradeRule')}</Typography.Paragraph>
        <Form.Item label={f('recommendation')}>
          <Radio.Group
            value={recommendation} aria-label={f('recommendation')}
            onChange={(e) => form.setFieldValue('recommendation', e.target.value === suggested ? undefined : e.target.value)}
            options={recommendations.map((r) => ({ value: r, label: t(`insights.enums.recommendation.${r}`) }))}
          />
        </Form.Item>
        <Form.Item name="recommendation" hidden><Input /></Form.Item>
        {overridden && (
          <Form.Item
            name="overrideReason" label={f('overrideReason')} extra={f('overrideHint', { grade, suggested: t(`insights.enums.recommendation.${suggested}`) })}
            rules={[{ required: true, whitespace: true, message: t('common.required', { field: f('overrideReason') }) }]}
          >
            <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
          </Form.Item>
        )}
        {recommendation === 'Improve' && <Alert type="info" showIcon title={f('improveTask')} style={{ marginBottom: 16 }} />}
        <Form.Item name="notes" label={f('notes')}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
