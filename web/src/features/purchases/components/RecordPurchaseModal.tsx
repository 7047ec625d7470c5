import { useEffect } from 'react';
import { Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { applyProblemToForm } from '@/components/formErrors';
import { showError, showSuccess } from '@/components/feedback';
import { useRecordPurchase } from '../api/recordPurchase';

type Values = {
  purchasedOn: Dayjs; product: string; category: string; quantity: number; unitPrice: number;
  listUnitPrice?: number | null; currency: string; notes?: string;
};

const fields = ['purchasedOn', 'product', 'category', 'quantity', 'unitPrice', 'listUnitPrice', 'currency', 'notes'];
const currencies = ['CNY', 'USD', 'EUR', 'HKD', 'JPY'];

/** Records a deal (成交档案): what was bought, how many, at what price, when. */
export function RecordPurchaseModal({ customerId, open, onClose }: { customerId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const record = useRecordPurchase(customerId);
  const f = (name: string) => t(`purchases.fields.${name}`);
  const required = (name: string) => [{ required: true, message: t('common.required', { field: f(name) }) }];

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const submit = (v: Values) =>
    record.mutate(
      {
        purchasedOn: v.purchasedOn.format('YYYY-MM-DD'),
        product: v.product.trim(),
        category: v.category.trim(),
        quantity: v.quantity,
        unitPrice: v.unitPrice,
        listUnitPrice: v.listUnitPrice ?? null,
        currency: v.currency,
        notes: v.notes?.trim() || null,
      },
      {
        onSuccess: () => {
          showSuccess(t('purchases.recorded'));
          onClose();
        },
        onError: (error) => {
          if (!applyProblemToForm(form, error, fields)) showError(error);
        },
      },
    );

  return (
    <Modal
      open={open}
      title={t('purchases.record')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={record.isPending}
      width={640}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ purchasedOn: dayjs(), currency: 'CNY', quantity: 1 }}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="product" label={f('product')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: f('product') }) }]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="category" label={f('category')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: f('category') }) }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="purchasedOn" label={f('purchasedOn')} rules={required('purchasedOn')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="currency" label={f('currency')} rules={required('currency')}>
              <Select options={currencies.map((c) => ({ value: c, label: c }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="quantity" label={f('quantity')} rules={required('quantity')}>
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="unitPrice" label={f('unitPrice')} rules={required('unitPrice')}>
              <InputNumber min={0} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="listUnitPrice" label={f('listUnitPrice')}>
              <InputNumber min={0} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="notes" label={f('notes')}>
              <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 4 }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
