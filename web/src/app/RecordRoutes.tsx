import { useTranslation } from 'react-i18next';
import { VisitDetailPage } from '@/features/visits/components/VisitDetailPage';
import { ComplaintDetailPage } from '@/features/complaints/components/ComplaintDetailPage';
import { ReferralsPage } from '@/features/referrals/components/ReferralsPage';
import { RecordTasksButton } from '@/features/tasks/components/RecordTasksButton';
import { hasRole, useMe } from '@/lib/session/session';

// Record pages with the tasks drawer of the tasks feature; composing here keeps features independent.
const taskWriters = ['Admin', 'Manager', 'Rep', 'Service'] as const;

export function VisitDetailRoute() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <VisitDetailPage
      extra={(v) => <RecordTasksButton customerId={v.customerId} sourceId={v.id} recordLabel={`${t('work.visits.detailTitle')} · ${v.customerName}`} canCreate={hasRole(me, ...taskWriters)} />}
    />
  );
}

export function ComplaintDetailRoute() {
  const me = useMe();
  return (
    <ComplaintDetailPage
      extra={(c) => <RecordTasksButton customerId={c.customerId} sourceId={c.id} recordLabel={`${c.number} · ${c.customerName}`} canCreate={hasRole(me, ...taskWriters)} />}
    />
  );
}

export function ReferralsRoute() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <ReferralsPage
      cardExtra={(r) => (
        <RecordTasksButton size="small" customerId={r.referredId} sourceId={r.id} recordLabel={`${t('work.referrals.title')} · ${r.referredName}`} canCreate={hasRole(me, ...taskWriters)} />
      )}
    />
  );
}
