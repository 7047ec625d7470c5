import { useEffect } from 'react';
import { DatePicker, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';

export type ReasonValues = { reason?: string; time?: [Dayjs, Dayjs] };

/** A small dialog asking for a reason (and for a reschedule, the new time). */
export function ReasonModal({ open, title, withTime, reasonRequired, reasonLabel, loading, onCancel, onSubmit }: {
  open: boolean; title: string; withTime?: boolean; reasonRequired?: boolean; reasonLabel?: string; loading?: boolean;
  onCancel: () => void; onSubmit: (values: ReasonValues) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ReasonValues>();
  const label = reasonLabel ?? t('work.visits.reason');
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  return (
    <Modal open={open} title={title} onCancel={onCancel} onOk={() => form.submit()} okText={t('common.confirm')} cancelText={t('common.cancel')} confirmLoading={loading} forceRender>
      <Form form={form} layout="vertical" onFinish={onSubmit}>
        {withTime && (
          <Form.Item name="time" label={t('work.visits.fields.newTime')} rules={[{ required: true, message: t('common.required', { field: t('work.visits.fields.newTime') }) }]}>
            <DatePicker.RangePicker showTime={{ format: 'HH:mm', minuteStep: 15 }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item name="reason" label={label} rules={reasonRequired ? [{ required: true, whitespace: true, message: t('common.required', { field: label }) }] : []}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
