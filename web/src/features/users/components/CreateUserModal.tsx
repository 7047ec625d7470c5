import { Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';
import { applyProblemToForm } from '@/components/formErrors';
import { showError, showSuccess } from '@/components/feedback';
import { useCreateUser } from '../api/createUser';
import { useTeamOptions } from '../api/listTeamOptions';
import { roles } from './roles';

type Values = Omit<Schemas['CreateUserCommand'], 'teamId'> & { teamId?: string };

export function CreateUserModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateUser();
  const teams = useTeamOptions();
  const f = (name: string) => t(`users.fields.${name}`);
  const required = (name: string) => [{ required: true, whitespace: true, message: t('common.required', { field: f(name) }) }];

  const submit = (v: Values) =>
    create.mutate(
      { email: v.email.trim(), displayName: v.displayName.trim(), role: v.role, password: v.password, teamId: v.teamId ?? null },
      {
        onSuccess: () => {
          showSuccess(t('users.created'));
          form.resetFields();
          onClose();
        },
        onError: (error) => {
          if (!applyProblemToForm(form, error, ['email', 'displayName', 'role', 'password', 'teamId'])) showError(error);
        },
      },
    );

  return (
    <Modal
      open={open}
      title={t('users.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ role: 'Rep' }}>
        <Form.Item name="email" label={f('email')} rules={[...required('email'), { type: 'email', message: t('auth.emailInvalid') }]}>
          <Input autoComplete="off" maxLength={200} />
        </Form.Item>
        <Form.Item name="displayName" label={f('displayName')} rules={required('displayName')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="role" label={f('role')} rules={required('role')}>
          <Select options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        </Form.Item>
        <Form.Item name="teamId" label={f('team')}>
          <Select allowClear loading={teams.isPending} options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))} />
        </Form.Item>
        <Form.Item name="password" label={f('password')} rules={required('password')}>
          <Input.Password autoComplete="new-password" maxLength={128} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
