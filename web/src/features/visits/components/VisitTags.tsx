import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';

const statusColor: Record<Schemas['VisitStatus'], string> = {
  Planned: 'blue', Confirmed: 'geekblue', Completed: 'green', CancelledByCustomer: 'default', CancelledByUs: 'default', NoShow: 'red',
};
const reviewColor: Record<Schemas['ReviewStatus'], string> = { NotSubmitted: 'default', PendingReview: 'orange', Returned: 'red', Approved: 'green' };
const complianceColor: Record<NonNullable<Schemas['ComplianceStatus']>, string> = { Met: 'success', AtRisk: 'warning', Missed: 'error' };

export function VisitStatusTag({ status }: { status: Schemas['VisitStatus'] }) {
  const { t } = useTranslation();
  return <Tag color={statusColor[status]}>{t(`work.enums.visitStatus.${status}`)}</Tag>;
}

export function ReviewStatusTag({ status }: { status: Schemas['ReviewStatus'] }) {
  const { t } = useTranslation();
  if (status === 'NotSubmitted') return null;
  return <Tag color={reviewColor[status]}>{t(`work.enums.reviewStatus.${status}`)}</Tag>;
}

export function ComplianceTag({ status }: { status: Schemas['ComplianceStatus'] }) {
  const { t } = useTranslation();
  if (!status) return null;
  return <Tag color={complianceColor[status]}>{t(`work.enums.compliance.${status}`)}</Tag>;
}

export function FormTag({ form }: { form: Schemas['VisitForm'] }) {
  const { t } = useTranslation();
  return <Tag color={form === 'OnSite' ? 'purple' : 'cyan'}>{t(`work.enums.visitForm.${form}`)}</Tag>;
}
