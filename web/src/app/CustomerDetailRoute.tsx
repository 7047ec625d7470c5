import { useTranslation } from 'react-i18next';
import { CustomerDetailPage } from '@/features/customers/components/CustomerDetailPage';
import { ContactsTab } from '@/features/contacts/components/ContactsTab';
import { PurchasesTab } from '@/features/purchases/components/PurchasesTab';
import { CustomerVisitsTab } from '@/features/visits/components/CustomerVisitsTab';
import { CustomerComplaintsTab } from '@/features/complaints/components/CustomerComplaintsTab';
import { PointsTab } from '@/features/points/components/PointsTab';
import { CustomerReferralsTab } from '@/features/referrals/components/CustomerReferralsTab';
import { CustomerLoyaltyTab } from '@/features/loyalty/components/CustomerLoyaltyTab';
import { CustomerAssessmentsTab } from '@/features/assessments/components/CustomerAssessmentsTab';
import { RecordTasksButton } from '@/features/tasks/components/RecordTasksButton';
import { CustomerTimelineTab } from '@/features/timeline/components/CustomerTimelineTab';
import { hasRole, useMe } from '@/lib/session/session';
import { roles } from './roles';

/** The customer page with the tabs other features contribute; composing here keeps features independent. */
export function CustomerDetailRoute() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <CustomerDetailPage
      extraActions={(customer, readOnly) => (
        <RecordTasksButton customerId={customer.id} recordLabel={`${customer.name} (${customer.code})`} canCreate={!readOnly || hasRole(me, 'Service')} />
      )}
      extraTabs={(customer, readOnly) => [
        { key: 'contacts', label: t('customers.tabs.contacts'), children: <ContactsTab customerId={customer.id} readOnly={readOnly} /> },
        { key: 'purchases', label: t('customers.tabs.purchases'), children: <PurchasesTab customerId={customer.id} readOnly={readOnly} /> },
        ...(hasRole(me, ...roles.compliance)
          ? [{
              key: 'visits', label: t('work.customerTabs.visits'),
              children: <CustomerVisitsTab customerId={customer.id} customerName={customer.name} readOnly={readOnly || !hasRole(me, ...roles.visits)} />,
            }]
          : []),
        ...(hasRole(me, ...roles.complaints, 'Analyst')
          ? [{
              key: 'complaints', label: t('work.customerTabs.complaints'),
              children: <CustomerComplaintsTab customerId={customer.id} customerName={customer.name} canLog={hasRole(me, ...roles.complaints) && customer.lifecycle !== 'Archived'} />,
            }]
          : []),
        ...(hasRole(me, ...roles.referrals)
          ? [{ key: 'referrals', label: t('work.customerTabs.referrals'), children: <CustomerReferralsTab customerId={customer.id} /> }]
          : []),
        { key: 'points', label: t('work.points.tab'), children: <PointsTab customerId={customer.id} readOnly={readOnly} /> },
        { key: 'loyalty', label: t('insights.loyalty.tab'), children: <CustomerLoyaltyTab customerId={customer.id} /> },
        ...(hasRole(me, ...roles.assessments)
          ? [{ key: 'assessments', label: t('insights.assessments.tab'), children: <CustomerAssessmentsTab customerId={customer.id} readOnly={readOnly} /> }]
          : []),
        // The audit trail (profile changes) is open to Admin, and to Manager for their team.
        { key: 'timeline', label: t('timeline.tab'), children: <CustomerTimelineTab customer={customer} withAudit={hasRole(me, 'Admin', 'Manager')} /> },
      ]}
    />
  );
}
