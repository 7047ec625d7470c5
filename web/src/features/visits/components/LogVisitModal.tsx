import { useEffect, useState } from 'react';
import { DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';
import { applyProblemToForm } from '@/components/formErrors';
import { showError, showSuccess } from '@/components/feedback';
import { useLogVisit } from '../api/logVisit';
import { useCustomerSearch } from '../api/searchCustomers';
import { summaryMinLength } from './CompleteVisitModal';

type Values = {
  customerId: string; form: Schemas['VisitForm']; purposes: Schemas['VisitPurpose'][]; time: [Dayjs, Dayjs];
  summary: string; outcome?: string; nextSteps?: string;
};
const purposes: Schemas['VisitPurpose'][] = ['SolveProblem', 'GrowSales', 'DeepenCooperation', 'RaiseSatisfaction', 'GetAcquainted', 'Other'];

/** Logs a visit that was not planned (补录拜访), with its record in the same step. */
export function LogVisitModal({ open, onClose, onLogged }: { open: boolean; onClose: () => void; onLogged?: (v: Schemas['VisitDto']) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [q, setQ] = useState('');
  const customers = useCustomerSearch(q);
  const log = useLogVisit();
  const f = (name: string) => t(`work.visits.fields.${name}`);
  const req = (name: string) => [{ required: true, message: t('common.required', { field: f(name) }) }];

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    const end = dayjs().startOf('minute');
    form.setFieldsValue({ form: 'Phone', purposes: ['RaiseSatisfaction'], time: [end.subtract(30, 'minute'), end] });
  }, [open, form]);

  const submit = (v: Values) =>
    log.mutate(
      {
        customerId: v.customerId, form: v.form, purposes: v.purposes, companionIds: [],
        record: {
          actualStart: v.time[0].toISOString(), actualEnd: v.time[1].toISOString(), summary: v.summary.trim(),
          outcome: v.outcome?.trim() || null, nextSteps: v.nextSteps?.trim() || null,
        },
      },
      {
        onSuccess: (visit) => { showSuccess(t('work.visits.logged')); onClose(); onLogged?.(visit); },
        onError: (e) => { if (!applyProblemToForm(form, e, ['customerId', 'form', 'purposes'])) showError(e); },
      },
    );

  return (
    <Modal open={open} title={t('work.visits.logVisit')} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={log.isPending} width={620} forceRender>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="customerId" label={f('customer')} rules={req('customer')}>
          <Select showSearch={{ filterOption: false, onSearch: setQ }} loading={customers.isFetching}
            options={(customers.data ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.code})` }))} />
        </Form.Item>
        <Form.Item name="form" label={f('form')}>
          <Radio.Group optionType="button" options={(['OnSite', 'Phone'] as const).map((v) => ({ value: v, label: t(`work.enums.visitForm.${v}`) }))} />
        </Form.Item>
        <Form.Item name="purposes" label={f('purposes')} rules={req('purposes')}>
          <Select mode="multiple" options={purposes.map((p) => ({ value: p, label: t(`work.enums.visitPurpose.${p}`) }))} />
        </Form.Item>
        <Form.Item name="time" label={f('actualTime')} rules={req('actualTime')}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="summary"
          label={f('summary')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: f('summary') }) },
            { validator: (_, value: string | undefined) => (!value || value.trim().length >= summaryMinLength ? Promise.resolve() : Promise.reject(new Error(t('work.visits.summaryMin', { count: summaryMinLength })))) },
          ]}
        >
          <Input.TextArea maxLength={4000} showCount autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
        <Form.Item name="outcome" label={f('outcome')}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
        <Form.Item name="nextSteps" label={f('nextSteps')}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
