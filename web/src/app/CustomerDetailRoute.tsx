import { useTranslation } from 'react-i18next';
import { CustomerDetailPage } from '@/features/customers/components/CustomerDetailPage';
import { ContactsTab } from '@/features/contacts/components/ContactsTab';
import { PurchasesTab } from '@/features/purchases/components/PurchasesTab';

/** The customer page with the tabs other features contribute; composing here keeps features independent. */
export function CustomerDetailRoute() {
  const { t } = useTranslation();
  return (
    <CustomerDetailPage
      extraTabs={(customer, readOnly) => [
        { key: 'contacts', label: t('customers.tabs.contacts'), children: <ContactsTab customerId={customer.id} readOnly={readOnly} /> },
        { key: 'purchases', label: t('customers.tabs.purchases'), children: <PurchasesTab customerId={customer.id} readOnly={readOnly} /> },
      ]}
    />
  );
}
