import { useEffect } from 'react';
import { Alert, Button, Card, Col, Flex, Form, Input, InputNumber, Row, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';
import { ErrorResult } from '@/components/ErrorResult';
import { LoadingBlock } from '@/components/LoadingBlock';
import { PageHeader } from '@/components/PageHeader';
import { applyProblemToForm } from '@/components/formErrors';
import { showError, showSuccess } from '@/components/feedback';
import { gradeColors, gradeThresholds, suggestionFor, weightSum } from '@/lib/scorecard';
import { useScorecardTemplate } from '../api/getScorecardTemplate';
import { usePublishScorecardTemplate } from '../api/publishScorecardTemplate';

type Values = Schemas['UpdateScorecardTemplateCommand'];

/** The relationship scorecard editor (Admin): indicators with weights that must total 100; publishing makes a new version. */
export function ScorecardTemplatePage() {
  const { t } = useTranslation();
  const template = useScorecardTemplate();
  const publish = usePublishScorecardTemplate();
  const [form] = Form.useForm<Values>();
  const indicators = Form.useWatch('indicators', form);
  const sum = weightSum(indicators);
  const f = (name: string, values: Record<string, unknown> = {}) => t(`insights.settings.scorecard.${name}`, values);
  useEffect(() => {
    if (template.data) form.setFieldsValue({ name: template.data.name, indicators: template.data.indicators });
  }, [template.data, form]);
  if (template.isPending) return <LoadingBlock />;
  if (template.isError) return <ErrorResult error={template.error} onRetry={() => void template.refetch()} />;
  const ok = sum === 100;

  return (
    <>
      <PageHeader title={f('title')} subtitle={f('subtitle')} extra={<Tag>{f('version', { version: template.data.templateVersion })}</Tag>} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card>
            <Form
              form={form} layout="vertical"
              onFinish={(v) => {
                if (weightSum(v.indicators) !== 100) return;
                publish.mutate(
                  { name: v.name.trim(), indicators: v.indicators.map((i) => ({ key: i.key.trim(), name: i.name.trim(), weight: i.weight })) },
                  { onSuccess: () => showSuccess(f('published')), onError: (e) => { if (!applyProblemToForm(form, e, ['name', 'indicators'])) showError(e); } },
                );
              }}
            >
              <Form.Item name="name" label={f('name')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: f('name') }) }]}>
                <Input maxLength={100} />
              </Form.Item>
              <Form.List name="indicators">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((field, index) => (
                      <Flex key={field.key} gap={8} align="start" wrap data-testid="indicator-row">
                        <Form.Item
                          name={[field.name, 'key']} label={index === 0 ? f('key') : undefined} tooltip={index === 0 ? f('keyHint') : undefined} style={{ width: 140 }}
                          rules={[{ required: true, pattern: /^[a-z0-9-]+$/, message: f('keyHint') }]}
                        >
                          <Input maxLength={40} aria-label={`${f('key')} ${index + 1}`} />
                        </Form.Item>
                        <Form.Item name={[field.name, 'name']} label={index === 0 ? f('indicatorName') : undefined} style={{ flex: 1, minWidth: 200 }}
                          rules={[{ required: true, whitespace: true, message: t('common.required', { field: f('indicatorName') }) }]}>
                          <Input maxLength={100} aria-label={`${f('indicatorName')} ${index + 1}`} />
                        </Form.Item>
                        <Form.Item name={[field.name, 'weight']} label={index === 0 ? f('weight') : undefined} style={{ width: 110 }}
                          rules={[{ required: true, message: t('common.required', { field: f('weight') }) }]}>
                          <InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} aria-label={`${f('weight')} ${index + 1}`} />
                        </Form.Item>
                        <Button
                          type="text" danger icon={<DeleteOutlined />} style={{ marginTop: index === 0 ? 30 : 0 }} disabled={fields.length <= 1}
                          aria-label={f('remove', { name: indicators?.[field.name]?.name || index + 1 })} onClick={() => remove(field.name)}
                        />
                      </Flex>
                    ))}
                    <Button icon={<PlusOutlined />} onClick={() => add({ key: '', name: '', weight: 0 })} disabled={fields.length >= 20}>{f('add')}</Button>
                  </>
                )}
              </Form.List>
              <div style={{ marginTop: 16 }} aria-live="polite">
                {ok ? (
                  <Alert type="success" showIcon title={f('sum', { sum })} data-testid="weight-sum" />
                ) : (
                  <Alert type="error" showIcon title={f('sumError', { sum })} data-testid="weight-sum" />
                )}
              </div>
              <Space style={{ marginTop: 16 }}>
                <Button type="primary" htmlType="submit" disabled={!ok} loading={publish.isPending}>{f('publish')}</Button>
              </Space>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={f('thresholds')}>
            <Table
              rowKey="grade" size="small" pagination={false} dataSource={gradeThresholds}
              columns={[
                { title: f('grade'), render: (_, g) => <Tag color={gradeColors[g.grade]}>{g.grade}</Tag> },
                { title: f('from'), align: 'right', render: (_, g) => (g.from === 0 ? '< 50' : `≥ ${g.from}`) },
                { title: f('suggests'), render: (_, g) => t(`insights.enums.recommendation.${suggestionFor(g.grade)}`) },
              ]}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>{f('thresholdsFixed')}</Typography.Paragraph>
          </Card>
        </Col>
      </Row>
    </>
  );
}
