import { Alert, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';
import { applyProblemToForm } from '@/components/formErrors';
import { showError, showSuccess } from '@/components/feedback';
import { hasRole, useMe } from '@/lib/session/session';
import { useOwnerCandidates } from '../api/listOwnerCandidates';
import { useTransferCustomer } from '../api/transferCustomer';

type Values = { newOwnerId: string; reason?: string };
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Hands a customer to another account manager (Manager/Admin). Administrators pick from the user list;
 *  managers cannot list users yet (GET /users is Admin-only), so they enter the user's id. */
export function TransferDialog({ customer, open, onClose }: { customer: Schemas['CustomerDto']; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const isAdmin = hasRole(me, 'Admin');
  const candidates = useOwnerCandidates(open && isAdmin);
  const transfer = useTransferCustomer();
  const [form] = Form.useForm<Values>();

  const submit = (values: Values) =>
    transfer.mutate(
      { id: customer.id, body: { newOwnerId: values.newOwnerId.trim(), reason: values.reason?.trim() || null } },
      {
        onSuccess: () => {
          showSuccess(t('customers.transferred'));
          form.resetFields();
          onClose();
        },
        onError: (error) => {
          if (!applyProblemToForm(form, error, ['newOwnerId', 'reason'])) showError(error);
        },
      },
    );

  return (
    <Modal
      open={open}
      title={t('customers.transfer.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={transfer.isPending}
      destroyOnHidden
    >
      {!isAdmin && <Alert type="info" showIcon title={t('customers.transfer.userIdHint')} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        {isAdmin ? (
          <Form.Item name="newOwnerId" label={t('customers.transfer.newOwner')} rules={[{ required: true, message: t('customers.transfer.pickUser') }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={candidates.isPending}
              placeholder={t('customers.transfer.pickUser')}
              options={(candidates.data ?? [])
                .filter((u) => !u.isDisabled && u.id !== customer.ownerId && (u.role === 'Rep' || u.role === 'Manager' || u.role === 'Admin'))
                .map((u) => ({ value: u.id, label: `${u.displayName} · ${t(`role.${u.role}`)} · ${u.email}` }))}
            />
          </Form.Item>
        ) : (
          <Form.Item
            name="newOwnerId"
            label={t('customers.transfer.newOwnerId')}
            rules={[{ required: true, pattern: uuid, message: t('customers.transfer.invalidId') }]}
          >
            <Input placeholder="00000000-0000-0000-0000-000000000000" />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('customers.transfer.reason')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
