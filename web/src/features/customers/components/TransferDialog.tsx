import { Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';
import { applyProblemToForm } from '@/components/formErrors';
import { showError, showSuccess } from '@/components/feedback';
import { useOwnerCandidates } from '../api/listOwnerCandidates';
import { useTransferCustomer } from '../api/transferCustomer';

type Values = { newOwnerId: string; reason?: string };

/** Hands a customer to another account manager (Manager/Admin), picked from the people the caller may assign to. */
export function TransferDialog({ customer, open, onClose }: { customer: Schemas['CustomerDto']; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const candidates = useOwnerCandidates(open);
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
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item name="newOwnerId" label={t('customers.transfer.newOwner')} rules={[{ required: true, message: t('customers.transfer.pickUser') }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={candidates.isPending}
            placeholder={t('customers.transfer.pickUser')}
            options={(candidates.data ?? [])
              .filter((u) => u.id !== customer.ownerId)
              .map((u) => ({ value: u.id, label: `${u.displayName} · ${t(`role.${u.role}`)}` }))}
          />
        </Form.Item>
        <Form.Item name="reason" label={t('customers.transfer.reason')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
