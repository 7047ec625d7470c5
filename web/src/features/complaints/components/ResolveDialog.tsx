import { useEffect } from 'react';
import { Alert, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';
import { applyProblemToForm } from '@/components/formErrors';
import { showError, showSuccess } from '@/components/feedback';
import { useResolveComplaint } from '../api/resolveComplaint';
import { missingResolutionFields, requiredResolutionFields, toResolveRequest, type ResolutionValues } from './resolutionRules';

const resolutionTypes: Schemas['ResolutionType'][] = ['Repair', 'Replacement', 'Return', 'Refund', 'RemedyAgreed', 'Compensation'];

/** Resolves a complaint. Factual → resolution type, root cause and corrective action; not factual → explanation. */
export function ResolveDialog({ complaintId, open, onClose }: { complaintId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ResolutionValues>();
  const resolve = useResolveComplaint(complaintId);
  const isFactual = Form.useWatch('isFactual', form);
  const required = new Set(requiredResolutionFields(isFactual));
  const f = (name: string) => t(`work.complaints.fields.${name}`);
  const rule = (name: keyof ResolutionValues) => [{ required: required.has(name), whitespace: true, message: t('common.required', { field: f(name) }) }];

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const submit = (values: ResolutionValues) => {
    // The field rules follow the watched answer; check the whole resolution again before sending.
    const missing = missingResolutionFields(values);
    if (missing.length > 0) {
      form.setFields(missing.map((name) => ({ name, errors: [t('common.required', { field: f(name) })] })));
      return;
    }
    resolve.mutate(toResolveRequest(values), {
      onSuccess: () => {
        showSuccess(t('work.complaints.resolved'));
        onClose();
      },
      onError: (error) => {
        if (!applyProblemToForm(form, error, ['isFactual', 'resolutionType', 'rootCause', 'correctiveAction', 'explanation', 'goodwillDescription', 'goodwillValue'])) showError(error);
      },
    });
  };

  return (
    <Modal
      open={open}
      title={t('work.complaints.resolveTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('work.complaints.resolve')}
      cancelText={t('common.cancel')}
      confirmLoading={resolve.isPending}
      width={640}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="isFactual" label={t('work.complaints.factualQuestion')} rules={[{ required: true, message: t('common.required', { field: f('isFactual') }) }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[{ value: true, label: t('work.complaints.factual') }, { value: false, label: t('work.complaints.notFactual') }]}
          />
        </Form.Item>
        {isFactual !== undefined && (
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title={isFactual ? t('work.complaints.factualHint') : t('work.complaints.notFactualHint')} />
        )}
        {isFactual === true && (
          <>
            <Form.Item name="resolutionType" label={f('resolutionType')} rules={[{ required: true, message: t('common.required', { field: f('resolutionType') }) }]}>
              <Select options={resolutionTypes.map((r) => ({ value: r, label: t(`work.enums.resolutionType.${r}`) }))} />
            </Form.Item>
            <Form.Item name="rootCause" label={f('rootCause')} rules={rule('rootCause')}>
              <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 5 }} />
            </Form.Item>
            <Form.Item name="correctiveAction" label={f('correctiveAction')} rules={rule('correctiveAction')}>
              <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 5 }} />
            </Form.Item>
          </>
        )}
        {isFactual !== undefined && (
          <Form.Item name="explanation" label={f('explanation')} rules={rule('explanation')}>
            <Input.TextArea maxLength={4000} autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        )}
        {isFactual === true && (
          <>
            <Form.Item name="goodwillDescription" label={f('goodwillDescription')}>
              <Input maxLength={500} />
            </Form.Item>
            <Form.Item name="goodwillValue" label={f('goodwillValue')}>
              <InputNumber min={0} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
