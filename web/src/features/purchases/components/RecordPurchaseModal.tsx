import { useEffect } from 'react';
import { Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { applyProblemToForm } from '@/components/formErrors';
import { showError, showSuccess } from '@/components/feedback';
import { isApiError, type Schemas } from '@/lib/api/client';
import { useRecordPurchase } from '../api/recordPurchase';
import { useCorrectPurchase } from '../api/correctPurchase';

type Values = {
  purchasedOn: Dayjs; product: string; category: string; quantity: number; unitPrice: number;
  listUnitPrice?: number | null; currency: string; notes?: string;
};

const fields = ['purchasedOn', 'product', 'category', 'quantity', 'unitPrice', 'listUnitPrice', 'currency', 'notes'];
const currencies = ['CNY', 'USD', 'EUR', 'HKD', 'JPY'];

/** Records a deal (成交档案): what was bought, how many, at what price, when; or corrects one (`purchase`). */
export function RecordPurchaseModal({ customerId, open, onClose, purchase }: { customerId: string; open: boolean; onClose: () => void; purchase?: Schemas['PurchaseDto'] }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const recordNew = useRecordPurchase(customerId);
  const correct = useCorrectPurchase(customerId);
  const f = (name: string) => t(`purchases.fields.${name}`);
  const required = (name: string) => [{ required: true, message: t('common.required', { field: f(name) }) }];

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (purchase)
      form.setFieldsValue({
        purchasedOn: dayjs(purchase.purchasedOn), product: purchase.product, category: purchase.category, quantity: purchase.quantity,
        unitPrice: purchase.unitPrice, listUnitPrice: purchase.listUnitPrice ?? null, currency: purchase.currency, notes: purchase.notes ?? undefined,
      });
  }, [open, form, purchase]);

  const options = {
    onSuccess: () => {
      showSuccess(t(purchase ? 'purchases.corrected' : 'purchases.recorded'));
      onClose();
    },
    onError: (error: unknown) => {
      if (isApiError(error, 412)) {
        showError(error);
        onClose();
      } else if (!applyProblemToForm(form, error, fields)) showError(error);
    },
  };
  const submit = (v: Values) => {
    const body: Schemas['PurchaseInput'] = {
      purchasedOn: v.purchasedOn.format('YYYY-MM-DD'),
      product: v.product.trim(),
      category: v.category.trim(),
      quantity: v.quantity,
      unitPrice: v.unitPrice,
      listUnitPrice: v.listUnitPrice ?? null,
      currency: v.currency,
      notes: v.notes?.trim() || null,
    };
    if (purchase) correct.mutate({ id: purchase.id, version: purchase.version, body }, options);
    else recordNew.mutate(body, options);
  };

  return (
    <Modal
      open={open}
      title={t(purchase ? 'purchases.correct' : 'purchases.record')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={recordNew.isPending || correct.isPending}
      width={640}
      forceRender
    >
      <Form form={form} name={purchase ? 'correct-purchase' : 'record-purchase'} layout="vertical" onFinish={submit} initialValues={{ purchasedOn: dayjs(), currency: 'CNY', quantity: 1 }}>
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
