import { useEffect, useState } from 'react';
import { Col, Form, Input, Modal, Radio, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';
import { applyProblemToForm } from '@/components/formErrors';
import { showError, showSuccess } from '@/components/feedback';
import { useRecordReferral } from '../api/recordReferral';
import { useCustomerSearch } from '../api/searchCustomers';

type Values = {
  referrerId: string; mode: 'existing' | 'new'; referredId?: string; name?: string; kind?: Schemas['CustomerKind']; contactName?: string; phone?: string;
  channel: Schemas['ReferralChannel']; note?: string;
};
const channels: Schemas['ReferralChannel'][] = ['InPerson', 'Phone', 'Message', 'Event', 'Online', 'Other'];

function CustomerPicker({ value, onChange, id }: { value?: string; onChange?: (v: string) => void; id?: string }) {
  const [q, setQ] = useState('');
  const customers = useCustomerSearch(q);
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={customers.isFetching}
      options={(customers.data ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.code})` }))}
    />
  );
}

/** Records a referral (转介绍): the referrer, and either an existing prospect or a new one created inline. */
export function RecordReferralModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const record = useRecordReferral();
  const mode = Form.useWatch('mode', form);
  const f = (name: string) => t(`work.referrals.fields.${name}`);
  const req = (name: string) => [{ required: true, whitespace: true, message: t('common.required', { field: f(name) }) }];

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const submit = (v: Values) =>
    record.mutate(
      {
        referrerId: v.referrerId, channel: v.channel, note: v.note?.trim() || null,
        ...(v.mode === 'existing'
          ? { referredId: v.referredId ?? null, newProspect: null }
          : { referredId: null, newProspect: { name: v.name?.trim() ?? '', kind: v.kind ?? 'Company', contactName: v.contactName?.trim() || null, phone: v.phone?.trim() || null } }),
      },
      {
        onSuccess: () => {
          showSuccess(t('work.referrals.recorded'));
          onClose();
        },
        onError: (error) => {
          if (!applyProblemToForm(form, error, ['referrerId', 'referredId', 'newProspect', 'channel', 'note'])) showError(error);
        },
      },
    );

  return (
    <Modal open={open} title={t('work.referrals.record')} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={record.isPending} width={620} forceRender>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ mode: 'new', kind: 'Company', channel: 'InPerson' }}>
        <Form.Item name="referrerId" label={f('referrer')} rules={[{ required: true, message: t('common.required', { field: f('referrer') }) }]}>
          <CustomerPicker />
        </Form.Item>
        <Form.Item name="mode" label={f('referred')}>
          <Radio.Group optionType="button" options={[{ value: 'new', label: t('work.referrals.newProspect') }, { value: 'existing', label: t('work.referrals.existing') }]} />
        </Form.Item>
        {mode === 'existing' ? (
          <Form.Item name="referredId" label={f('referred')} rules={[{ required: true, message: t('common.required', { field: f('referred') }) }]}>
            <CustomerPicker />
          </Form.Item>
        ) : (
          <Row gutter={12}>
            <Col xs={24} md={16}>
              <Form.Item name="name" label={f('prospectName')} rules={req('prospectName')}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="kind" label={f('kind')}>
                <Select options={(['Company', 'Person'] as const).map((k) => ({ value: k, label: t(`enums.kind.${k}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="contactName" label={f('contactName')}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="phone" label={f('phone')}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Form.Item name="channel" label={f('channel')}>
          <Select options={channels.map((c) => ({ value: c, label: t(`work.enums.referralChannel.${c}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={f('note')}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
