import { Form } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/PageHeader';
import { applyProblemToForm } from '@/components/formErrors';
import { showError, showSuccess } from '@/components/feedback';
import { useCreateCustomer } from '../api/createCustomer';
import { CustomerForm } from './CustomerForm';
import { customerFormFields, newCustomerDefaults, toRequestBody, type CustomerFormValues } from './customerFormModel';

export function CustomerCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<CustomerFormValues>();
  const create = useCreateCustomer();

  const submit = (values: CustomerFormValues) =>
    create.mutate(toRequestBody(values), {
      onSuccess: (customer) => {
        showSuccess(t('customers.created'));
        navigate(`/customers/${customer.id}`);
      },
      onError: (error) => {
        if (!applyProblemToForm(form, error, customerFormFields)) showError(error);
      },
    });

  return (
    <>
      <PageHeader title={t('customers.createTitle')} />
      <CustomerForm form={form} mode="create" initialValues={newCustomerDefaults} onSubmit={submit} onCancel={() => navigate(-1)} submitting={create.isPending} />
    </>
  );
}
