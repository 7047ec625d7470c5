import { useState } from 'react';
import { Form } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { ConflictDialog, type ConflictRow } from '@/components/ConflictDialog';
import { applyProblemToForm } from '@/components/formErrors';
import { showError, showSuccess } from '@/components/feedback';
import { isApiError, type Schemas } from '@/lib/api/client';
import { getCustomerOptions } from '../api/getCustomer';
import { useUpdateCustomer } from '../api/updateCustomer';
import { CustomerForm } from './CustomerForm';
import { customerFormFields, diffCustomer, toFormValues, toRequestBody, type CustomerFormValues } from './customerFormModel';

type Customer = Schemas['CustomerDto'];

/** Edits a loaded customer. A save that answers 412 (someone else saved first) opens the conflict dialog:
 *  reload the server's version, or compare and deliberately overwrite it. */
export function CustomerEditor({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CustomerFormValues>();
  const update = useUpdateCustomer();
  const [base, setBase] = useState(customer);
  const [conflict, setConflict] = useState<{ mine: Schemas['UpdateCustomerRequest']; server?: Customer } | null>(null);

  const save = (body: Schemas['UpdateCustomerRequest'], version: number) =>
    update.mutate(
      { id: customer.id, version, body },
      {
        onSuccess: () => {
          setConflict(null);
          showSuccess(t('customers.updated'));
          navigate(`/customers/${customer.id}`);
        },
        onError: async (error) => {
          if (isApiError(error, 412)) {
            setConflict({ mine: body });
            const server = await queryClient.fetchQuery({ ...getCustomerOptions(customer.id), staleTime: 0 }).catch(() => undefined);
            setConflict((c) => (c ? { ...c, ...(server ? { server } : {}) } : c));
            return;
          }
          if (!applyProblemToForm(form, error, customerFormFields)) showError(error);
        },
      },
    );

  const differences: ConflictRow[] | undefined = conflict?.server ? diffCustomer(conflict.mine, conflict.server, t) : undefined;

  return (
    <>
      <CustomerForm
        form={form}
        mode="edit"
        initialValues={toFormValues(base)}
        onSubmit={(values) => save(toRequestBody(values), base.version)}
        onCancel={() => navigate(`/customers/${customer.id}`)}
        submitting={update.isPending}
      />
      <ConflictDialog
        open={conflict !== null}
        title={t('conflict.title')}
        body={t('conflict.body')}
        differences={differences}
        saving={update.isPending}
        onCancel={() => setConflict(null)}
        onReload={() => {
          const server = conflict?.server;
          setConflict(null);
          if (server) {
            setBase(server);
            form.setFieldsValue(toFormValues(server));
          }
        }}
        onOverwrite={() => {
          if (conflict?.server) {
            setBase(conflict.server);
            save(conflict.mine, conflict.server.version);
          }
        }}
      />
    </>
  );
}
