import { useEffect, useState } from 'react';
import { Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';
import { applyProblemToForm } from '@/components/formErrors';
import { showError, showSuccess } from '@/components/feedback';
import { useLogComplaint } from '../api/logComplaint';
import { useCustomerSearch } from '../api/searchCustomers';
import { useAssignableUsers } from '../api/listAssignableUsers';

type Values = {
  customerId: string; channel: Schemas['ComplaintChannel']; category: Schemas['ComplaintCategory']; severity: Schemas['ComplaintSeverity'];
  description: string; receivedAt?: Dayjs; assigneeId?: string;
};

export const channels: Schemas['ComplaintChannel'][] = ['Phone', 'Email', 'WebForm', 'Visit', 'Letter', 'ServiceCentre'];
export const categories: Schemas['ComplaintCategory'][] = ['ProductQuality', 'Price', 'LateDelivery', 'InstallationService', 'MissingPromotionInfo', 'PaymentCredit', 'InsufficientTraining', 'Other'];
export const severities: Schemas['ComplaintSeverity'][] = ['Low', 'Medium', 'High', 'Critical'];

/** Takes a complaint in (受理): who, through which window, what kind, how severe, what happened. */
export function ComplaintIntakeModal({ open, customer, onClose, onLogged }: {
  open: boolean; customer?: { id: string; name: string }; onClose: () => void; onLogged?: (c: Schemas['ComplaintDto']) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [q, setQ] = useState('');
  const customers = useCustomerSearch(q);
  const users = useAssignableUsers();
  const log = useLogComplaint();
  const f = (name: string) => t(`work.complaints.fields.${name}`);
  const req = (name: string) => [{ required: true, message: t('common.required', { field: f(name) }) }];

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ channel: 'Phone', severity: 'Medium', receivedAt: dayjs(), ...(customer ? { customerId: customer.id } : {}) });
  }, [open, customer, form]);

  const options = [
    ...(customer ? [{ value: customer.id, label: customer.name }] : []),
    ...(customers.data ?? []).filter((c) => c.id !== customer?.id).map((c) => ({ value: c.id, label: `${c.name} (${c.code})` })),
  ];

  const submit = (v: Values) =>
    log.mutate(
      {
        customerId: v.customerId, channel: v.channel, category: v.category, severity: v.severity, description: v.description.trim(),
        receivedAt: v.receivedAt ? v.receivedAt.toISOString() : null, assigneeId: v.assigneeId ?? null,
      },
      {
        onSuccess: (c) => {
          showSuccess(t('work.complaints.logged'));
          onClose();
          onLogged?.(c);
        },
        onError: (error) => {
          if (!applyProblemToForm(form, error, ['customerId', 'channel', 'category', 'severity', 'description', 'receivedAt', 'assigneeId'])) showError(error);
        },
      },
    );

  return (
    <Modal open={open} title={t('work.complaints.intake')} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={log.isPending} width={640} forceRender>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="customerId" label={f('customer')} rules={req('customer')}>
          <Select showSearch={{ filterOption: false, onSearch: setQ }} options={options} loading={customers.isFetching} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="channel" label={f('channel')} rules={req('channel')}>
              <Select options={channels.map((c) => ({ value: c, label: t(`work.enums.complaintChannel.${c}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="category" label={f('category')} rules={req('category')}>
              <Select options={categories.map((c) => ({ value: c, label: t(`work.enums.complaintCategory.${c}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="severity" label={f('severity')} rules={req('severity')}>
              <Select options={severities.map((c) => ({ value: c, label: t(`work.enums.severity.${c}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="description" label={f('description')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: f('description') }) }]}>
          <Input.TextArea maxLength={4000} autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="receivedAt" label={f('receivedAt')}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="assigneeId" label={f('assignee')}>
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={(users.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
