import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';

const slaColor: Record<Schemas['SlaState'], string> = { OnTrack: 'blue', AtRisk: 'orange', Breached: 'red', Met: 'green' };
const statusColor: Record<Schemas['ComplaintStatus'], string> = { Open: 'red', Acknowledged: 'orange', Investigating: 'gold', Resolved: 'green', Closed: 'default' };
const severityColor: Record<Schemas['ComplaintSeverity'], string> = { Low: 'default', Medium: 'blue', High: 'orange', Critical: 'red' };

export const slaRowBackground: Partial<Record<Schemas['SlaState'], string>> = { Breached: '#fff1f0', AtRisk: '#fff7e6' };

export function SlaTag({ sla }: { sla: Schemas['SlaState'] }) {
  const { t } = useTranslation();
  return <Tag color={slaColor[sla]}>{t(`work.enums.sla.${sla}`)}</Tag>;
}

export function ComplaintStatusTag({ status }: { status: Schemas['ComplaintStatus'] }) {
  const { t } = useTranslation();
  return <Tag color={statusColor[status]}>{t(`work.enums.complaintStatus.${status}`)}</Tag>;
}

export function SeverityTag({ severity }: { severity: Schemas['ComplaintSeverity'] }) {
  const { t } = useTranslation();
  return <Tag color={severityColor[severity]}>{t(`work.enums.severity.${severity}`)}</Tag>;
}
