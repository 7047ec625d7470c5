import type { ReactNode } from 'react';
import { Button, Card, Col, DatePicker, Flex, Form, Input, Row, Select, Space, Switch, type FormInstance } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { enumOptions } from './enumOptions';
import type { CustomerFormValues } from './customerFormModel';

type Props = {
  form: FormInstance<CustomerFormValues>;
  initialValues: CustomerFormValues;
  onSubmit: (values: CustomerFormValues) => void;
  onCancel: () => void;
  submitting: boolean;
  mode: 'create' | 'edit';
};

const col = { xs: 24, md: 12, xl: 8 };

function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card title={title} size="small" style={{ marginBottom: 16 }}>
      <Row gutter={16}>{children}</Row>
    </Card>
  );
}

export function CustomerForm({ form, initialValues, onSubmit, onCancel, submitting, mode }: Props) {
  const { t } = useTranslation();
  const f = (name: string) => t(`customers.fields.${name}`);
  const isAlerted = Form.useWatch('isAlerted', form);
  const required = (name: string) => [{ required: true, whitespace: true, message: t('common.required', { field: f(name) }) }];

  return (
    <Form<CustomerFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={onSubmit}
      scrollToFirstError
      aria-label={mode === 'create' ? t('customers.createTitle') : t('customers.editTitle')}
    >
      <Group title={t('customers.groups.background')}>
        <Col {...col}>
          <Form.Item name="name" label={f('name')} rules={required('name')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="code" label={f('code')} rules={mode === 'edit' ? required('code') : []}>
            <Input maxLength={32} placeholder={mode === 'create' ? t('customers.placeholders.code') : undefined} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="kind" label={f('kind')}>
            <Select options={enumOptions(t, 'kind')} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="enterpriseType" label={f('enterpriseType')}>
            <Select allowClear options={enumOptions(t, 'enterpriseType')} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="industry" label={f('industry')}>
            <Input maxLength={100} placeholder={t('customers.placeholders.industry')} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="region" label={f('region')}>
            <Input maxLength={100} placeholder={t('customers.placeholders.region')} />
          </Form.Item>
        </Col>
      </Group>

      <Group title={t('customers.groups.status')}>
        <Col {...col}>
          <Form.Item name="level" label={f('level')}>
            <Select options={enumOptions(t, 'level')} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="creditRating" label={f('creditRating')}>
            <Select options={enumOptions(t, 'creditRating')} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Form.Item name="isKeyAccount" label={f('isKeyAccount')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col xs={12} md={6} xl={4}>
          <Form.Item name="isAlerted" label={f('isAlerted')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        {isAlerted && (
          <Col xs={24}>
            <Form.Item name="alertReason" label={f('alertReason')} rules={required('alertReason')}>
              <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} placeholder={t('customers.placeholders.alertReason')} />
            </Form.Item>
          </Col>
        )}
      </Group>

      <Group title={t('customers.groups.contact')}>
        <Col xs={24} xl={16}>
          <Form.Item name="address" label={f('address')}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="postcode" label={f('postcode')}>
            <Input maxLength={20} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="phone" label={f('phone')}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="fax" label={f('fax')}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="email" label={f('email')} rules={[{ type: 'email', message: t('auth.emailInvalid') }]}>
            <Input maxLength={200} inputMode="email" />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="website" label={f('website')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
      </Group>

      <Group title={t('customers.groups.classification')}>
        <Col {...col}>
          <Form.Item name="origin" label={f('origin')}>
            <Select allowClear options={enumOptions(t, 'origin')} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="chainPosition" label={f('chainPosition')}>
            <Select allowClear options={enumOptions(t, 'chainPosition')} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name="leadSource" label={f('leadSource')}>
            <Select allowClear options={enumOptions(t, 'leadSource')} />
          </Form.Item>
        </Col>
      </Group>

      <Group title={t('customers.groups.profile')}>
        <Col {...col}>
          <Form.Item name={['profile', 'gender']} label={f('gender')}>
            <Select options={enumOptions(t, 'gender')} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name={['profile', 'birthday']} label={f('birthday')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name={['profile', 'incomeBand']} label={f('incomeBand')}>
            <Select options={enumOptions(t, 'incomeBand')} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name={['profile', 'occupation']} label={f('occupation')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name={['profile', 'hobbies']} label={f('hobbies')}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        <Col {...col}>
          <Form.Item name={['profile', 'personality']} label={f('personality')}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name={['profile', 'family']} label={f('family')}>
            <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 3 }} />
          </Form.Item>
        </Col>
      </Group>

      <Card title={t('customers.groups.importantDates')} size="small" style={{ marginBottom: 16 }}>
        <Form.List name="importantDates">
          {(fields, { add, remove }) => (
            <>
              {fields.map(({ key, name }) => (
                <Space key={key} align="baseline" wrap style={{ display: 'flex', marginBottom: 8 }}>
                  <Form.Item name={[name, 'label']} rules={required('dateLabel')} style={{ marginBottom: 0 }}>
                    <Input placeholder={f('dateLabel')} aria-label={f('dateLabel')} maxLength={100} />
                  </Form.Item>
                  <Form.Item name={[name, 'date']} rules={[{ required: true, message: t('common.required', { field: f('date') }) }]} style={{ marginBottom: 0 }}>
                    <DatePicker aria-label={f('date')} />
                  </Form.Item>
                  <Button type="text" danger icon={<MinusCircleOutlined />} aria-label={t('customers.removeImportantDate')} onClick={() => remove(name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ label: '', date: null })}>
                {t('customers.addImportantDate')}
              </Button>
            </>
          )}
        </Form.List>
      </Card>

      <Card title={t('customers.groups.tags')} size="small" style={{ marginBottom: 16 }}>
        <Form.Item name="tags" style={{ marginBottom: 0 }}>
          <Select mode="tags" aria-label={f('tags')} placeholder={t('customers.placeholders.tags')} tokenSeparators={[',', '，']} open={false} suffixIcon={null} />
        </Form.Item>
      </Card>

      <Flex gap={8} justify="end" style={{ position: 'sticky', bottom: 0, padding: '12px 0', background: 'inherit' }}>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={submitting}>
          {t('common.save')}
        </Button>
      </Flex>
    </Form>
  );
}
