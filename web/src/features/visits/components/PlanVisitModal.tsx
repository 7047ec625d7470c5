import { useEffect, useState } from 'react';
import { DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';
import { applyProblemToForm } from '@/components/formErrors';
import { showError, showSuccess } from '@/components/feedback';
import { usePlanVisit } from '../api/planVisit';
import { useAssignableUsers } from '../api/listAssignableUsers';
import { useCustomerSearch } from '../api/searchCustomers';

type Values = {
  customerId: string; form: Schemas['VisitForm']; time: [Dayjs, Dayjs]; purposes: Schemas['VisitPurpose'][]; agenda?: string; companionIds?: string[];
};

const purposes: Schemas['VisitPurpose'][] = ['SolveProblem', 'GrowSales', 'DeepenCooperation', 'RaiseSatisfaction', 'GetAcquainted', 'Other'];

export type PlanPrefill = { customerId: string; customerName: string; form?: Schemas['VisitForm'] };

/** The next whole hour, at least an hour from now, within working hours. */
function defaultTime(): [Dayjs, Dayjs] {
  let start = dayjs().add(1, 'hour').startOf('hour');
  if (start.hour() >= 18 || start.hour() < 8) start = start.add(start.hour() >= 18 ? 1 : 0, 'day').hour(10);
  return [start, start.add(1, 'hour')];
}

export function PlanVisitModal({ open, prefill, onClose, onPlanned }: {
  open: boolean; prefill?: PlanPrefill; onClose: () => void; onPlanned?: (visit: Schemas['VisitDto']) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [q, setQ] = useState('');
  const customers = useCustomerSearch(q);
  const users = useAssignableUsers();
  const plan = usePlanVisit();
  const f = (name: string) => t(`work.visits.fields.${name}`);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ time: defaultTime(), form: prefill?.form ?? 'OnSite', purposes: ['GrowSales'], ...(prefill ? { customerId: prefill.customerId } : {}) });
  }, [open, prefill, form]);

  const options = [
    ...(prefill ? [{ value: prefill.customerId, label: prefill.customerName }] : []),
    ...(customers.data ?? []).filter((c) => c.id !== prefill?.customerId).map((c) => ({ value: c.id, label: `${c.name} (${c.code})` })),
  ];

  const submit = (v: Values) =>
    plan.mutate(
      {
        customerId: v.customerId, form: v.form, plannedStart: v.time[0].toISOString(), plannedEnd: v.time[1].toISOString(),
        purposes: v.purposes, agenda: v.agenda?.trim() || null, companionIds: v.companionIds ?? [],
      },
      {
        onSuccess: (visit) => {
          showSuccess(t('work.visits.planned'));
          onClose();
          onPlanned?.(visit);
        },
        onError: (error) => {
          if (!applyProblemToForm(form, error, ['customerId', 'form', 'purposes', 'agenda', 'companionIds'])) showError(error);
        },
      },
    );

  return (
    <Modal
      open={open}
      title={t('work.visits.planTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={plan.isPending}
      width={600}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="customerId" label={f('customer')} rules={[{ required: true, message: t('common.required', { field: f('customer') }) }]}>
          <Select showSearch={{ filterOption: false, onSearch: setQ }} options={options} loading={customers.isFetching} />
        </Form.Item>
        <Form.Item name="form" label={f('form')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={(['OnSite', 'Phone'] as const).map((v) => ({ value: v, label: t(`work.enums.visitForm.${v}`) }))}
          />
        </Form.Item>
        <Form.Item name="time" label={f('plannedTime')} rules={[{ required: true, message: t('common.required', { field: f('plannedTime') }) }]}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm', minuteStep: 15 }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="purposes" label={f('purposes')} rules={[{ required: true, message: t('common.required', { field: f('purposes') }) }]}>
          <Select mode="multiple" options={purposes.map((p) => ({ value: p, label: t(`work.enums.visitPurpose.${p}`) }))} />
        </Form.Item>
        <Form.Item name="agenda" label={f('agenda')}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        <Form.Item name="companionIds" label={f('companions')}>
          <Select
            mode="multiple"
            loading={users.isPending}
            optionFilterProp="label"
            options={(users.data ?? []).map((u) => ({ value: u.id, label: `${u.displayName} · ${t(`role.${u.role}`)}` }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
