import { useEffect } from 'react';
import { Col, DatePicker, Form, Input, Modal, Row, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';

type Contact = Schemas['ContactDto'];
export type ContactFormValues = Omit<Schemas['ContactInput'], 'birthday'> & { birthday?: Dayjs | null };

const fieldNames = ['name', 'title', 'mobile', 'phone', 'fax', 'email', 'address', 'birthday', 'isPrimary'];

export function toContactInput(v: ContactFormValues): Schemas['ContactInput'] {
  const text = (s: string | null | undefined) => (s && s.trim() !== '' ? s.trim() : null);
  return {
    name: (v.name ?? '').trim(),
    title: text(v.title), mobile: text(v.mobile), phone: text(v.phone), fax: text(v.fax), email: text(v.email), address: text(v.address),
    birthday: v.birthday ? v.birthday.format('YYYY-MM-DD') : null,
    isPrimary: v.isPrimary ?? false,
  };
}

export function contactToInput(c: Contact): Schemas['ContactInput'] {
  return { name: c.name, title: c.title, mobile: c.mobile, phone: c.phone, fax: c.fax, email: c.email, address: c.address, birthday: c.birthday, isPrimary: c.isPrimary };
}

type Props = {
  open: boolean;
  contact: Contact | null;
  saving: boolean;
  form: ReturnType<typeof Form.useForm<ContactFormValues>>[0];
  onSubmit: (values: ContactFormValues) => void;
  onClose: () => void;
};

export const contactFormFields = fieldNames;

export function ContactFormModal({ open, contact, saving, form, onSubmit, onClose }: Props) {
  const { t } = useTranslation();
  const f = (name: string) => t(`contacts.fields.${name}`);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (contact) form.setFieldsValue({ ...contact, birthday: contact.birthday ? dayjs(contact.birthday) : null });
  }, [open, contact, form]);

  return (
    <Modal
      open={open}
      title={contact ? t('contacts.editTitle') : t('contacts.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      width={640}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={onSubmit} initialValues={{ isPrimary: false }}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={f('name')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: f('name') }) }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="title" label={f('title')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="mobile" label={f('mobile')}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="phone" label={f('phone')}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="email" label={f('email')} rules={[{ type: 'email', message: t('auth.emailInvalid') }]}>
              <Input maxLength={200} inputMode="email" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="fax" label={f('fax')}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="address" label={f('address')}>
              <Input maxLength={300} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="birthday" label={f('birthday')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="isPrimary" label={f('isPrimary')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
