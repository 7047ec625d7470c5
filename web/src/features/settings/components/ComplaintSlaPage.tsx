import { useEffect } from 'react';
import { Button, Card, Col, Form, InputNumber, Row, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';
import { ErrorResult } from '@/components/ErrorResult';
import { LoadingBlock } from '@/components/LoadingBlock';
import { PageHeader } from '@/components/PageHeader';
import { applyProblemToForm } from '@/components/formErrors';
import { showError, showSuccess } from '@/components/feedback';
import { useComplaintSla } from '../api/getComplaintSla';
import { useUpdateComplaintSla } from '../api/updateComplaintSla';

type Values = Schemas['UpdateComplaintSlaRequest'];
const hourFields = ['respondHours', 'resolveHours', 'priorityRespondHours', 'priorityResolveHours'] as const;

/** Complaint SLA targets (Admin): hours by severity, tighter for priority customers; saved with If-Match. */
export function ComplaintSlaPage() {
  const { t } = useTranslation();
  const sla = useComplaintSla();
  const update = useUpdateComplaintSla();
  const [form] = Form.useForm<Values>();
  const f = (name: string) => t(`insights.settings.sla.${name}`);
  useEffect(() => {
    if (sla.data) form.setFieldsValue({ targets: sla.data.targets, reopenWindowDays: sla.data.reopenWindowDays, recurrenceWindowDays: sla.data.recurrenceWindowDays });
  }, [sla.data, form]);
  if (sla.isPending) return <LoadingBlock />;
  if (sla.isError) return <ErrorResult error={sla.error} onRetry={() => void sla.refetch()} />;
  const s = sla.data;
  return (
    <>
      <PageHeader title={f('title')} subtitle={f('subtitle')} />
      <Card style={{ maxWidth: 960 }}>
        <Form
          form={form} layout="vertical"
          onFinish={(v) => update.mutate({ version: s.version, body: v }, {
            onSuccess: () => showSuccess(t('common.saved')),
            onError: (e) => { if (!applyProblemToForm(form, e, ['targets', 'reopenWindowDays', 'recurrenceWindowDays'])) showError(e); },
          })}
        >
          <Form.List name="targets">
            {(fields) => (
              <Table
                rowKey="key" pagination={false} dataSource={fields} size="small" style={{ marginBottom: 16 }} data-testid="sla-table"
                columns={[
                  { title: f('severity'), render: (_, field) => t(`work.enums.severity.${s.targets[field.name]?.severity ?? 'Low'}`) },
                  ...hourFields.map((name) => ({
                    title: f(name),
                    render: (_: unknown, field: { name: number }) => (
                      <Form.Item name={[field.name, name]} noStyle rules={[{ required: true }]}>
                        <InputNumber min={1} max={2000} aria-label={`${t(`work.enums.severity.${s.targets[field.name]?.severity ?? 'Low'}`)} ${f(name)}`} />
                      </Form.Item>
                    ),
                  })),
                ]}
              />
            )}
          </Form.List>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="reopenWindowDays" label={f('reopenWindowDays')} rules={[{ required: true, message: t('common.required', { field: f('reopenWindowDays') }) }]}>
                <InputNumber min={0} max={365} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="recurrenceWindowDays" label={f('recurrenceWindowDays')} rules={[{ required: true, message: t('common.required', { field: f('recurrenceWindowDays') }) }]}>
                <InputNumber min={0} max={365} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" loading={update.isPending}>{t('common.save')}</Button>
        </Form>
      </Card>
    </>
  );
}
