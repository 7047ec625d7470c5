import { useEffect } from 'react';
import { Button, Card, Col, Flex, Form, Input, InputNumber, Row, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';
import { ErrorResult } from '@/components/ErrorResult';
import { LoadingBlock } from '@/components/LoadingBlock';
import { PageHeader } from '@/components/PageHeader';
import { applyProblemToForm } from '@/components/formErrors';
import { showError, showSuccess } from '@/components/feedback';
import { useLoyaltySettings } from '../api/getLoyaltySettings';
import { useUpdateLoyaltySettings } from '../api/updateLoyaltySettings';

type Values = Schemas['UpdateLoyaltySettingsRequest'];
const numberFields = [
  { name: 'pointsPerCurrencyUnit', min: 0, precision: 4 },
  { name: 'referralRewardPoints', min: 0, precision: 0 },
  { name: 'referralMustCloseDays', min: 1, precision: 0 },
  { name: 'thanksDueDays', min: 1, precision: 0 },
  { name: 'winBackLapseFactor', min: 1, precision: 1 },
] as const;

/** Points rules, referral reward and membership tiers (Admin); saved with If-Match. */
export function LoyaltySettingsPage() {
  const { t } = useTranslation();
  const settings = useLoyaltySettings();
  const update = useUpdateLoyaltySettings();
  const [form] = Form.useForm<Values>();
  const tiers = Form.useWatch('tiers', form);
  const f = (name: string, values: Record<string, unknown> = {}) => t(`insights.settings.loyalty.${name}`, values);
  useEffect(() => {
    // The form submits only its registered fields, so the version stays out of the body.
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);
  if (settings.isPending) return <LoadingBlock />;
  if (settings.isError) return <ErrorResult error={settings.error} onRetry={() => void settings.refetch()} />;
  const version = settings.data.version;
  return (
    <>
      <PageHeader title={f('title')} subtitle={f('subtitle')} />
      <Card style={{ maxWidth: 960 }}>
        <Form
          form={form} layout="vertical"
          onFinish={(v) => update.mutate({ version, body: v }, {
            onSuccess: () => showSuccess(t('common.saved')),
            onError: (e) => { if (!applyProblemToForm(form, e, [...numberFields.map((n) => n.name), 'tiers'])) showError(e); },
          })}
        >
          <Row gutter={16}>
            {numberFields.map((n) => (
              <Col key={n.name} xs={24} md={12}>
                <Form.Item name={n.name} label={f(n.name)} rules={[{ required: true, message: t('common.required', { field: f(n.name) }) }]}>
                  <InputNumber min={n.min} precision={n.precision} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            ))}
          </Row>
          <Typography.Title level={5}>{f('tiers')}</Typography.Title>
          <Form.List name="tiers">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, index) => (
                  <Flex key={field.key} gap={8} align="start" wrap data-testid="tier-row">
                    <Form.Item name={[field.name, 'name']} label={index === 0 ? f('tierName') : undefined} style={{ width: 160 }}
                      rules={[{ required: true, whitespace: true, message: t('common.required', { field: f('tierName') }) }]}>
                      <Input maxLength={40} aria-label={`${f('tierName')} ${index + 1}`} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'minPointsEarned12Months']} label={index === 0 ? f('minPoints') : undefined} style={{ width: 180 }}
                      rules={[{ required: true, message: t('common.required', { field: f('minPoints') }) }]}>
                      <InputNumber min={0} precision={0} style={{ width: '100%' }} aria-label={`${f('minPoints')} ${index + 1}`} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'benefits']} label={index === 0 ? f('benefits') : undefined} style={{ flex: 1, minWidth: 220 }}>
                      <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} aria-label={`${f('benefits')} ${index + 1}`} />
                    </Form.Item>
                    <Button type="text" danger icon={<DeleteOutlined />} style={{ marginTop: index === 0 ? 30 : 0 }}
                      aria-label={f('removeTier', { name: tiers?.[field.name]?.name || index + 1 })} onClick={() => remove(field.name)} />
                  </Flex>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ name: '', minPointsEarned12Months: 0, benefits: '' })}>{f('addTier')}</Button>
              </>
            )}
          </Form.List>
          <div style={{ marginTop: 24 }}>
            <Button type="primary" htmlType="submit" loading={update.isPending}>{t('common.save')}</Button>
          </div>
        </Form>
      </Card>
    </>
  );
}
