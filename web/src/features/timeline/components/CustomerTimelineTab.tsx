import { useMemo, useState, type ReactNode } from 'react';
import { Alert, Empty, Flex, Segmented, Skeleton, Tag, Timeline, Typography } from 'antd';
import { useQueries } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import i18n from '@/lib/i18n';
import { isApiError, type Schemas } from '@/lib/api/client';
import { formatDate, formatDateTime, formatMoney } from '@/components/format';
import { timelinePageSize } from '../api/keys';
import { timelineVisitsOptions } from '../api/listVisits';
import { timelineComplaintsOptions } from '../api/listComplaints';
import { timelinePurchasesOptions } from '../api/listPurchases';
import { timelineReferralsOptions } from '../api/listReferrals';
import { timelinePointsOptions } from '../api/listPointsEntries';
import { timelineAssessmentsOptions } from '../api/listAssessments';
import { timelineAuditOptions } from '../api/listAudit';

export type TimelineKind = 'profile' | 'purchase' | 'visit' | 'complaint' | 'referral' | 'points' | 'assessment';
export type TimelineEvent = { key: string; at: string; kind: TimelineKind; title: ReactNode; detail?: ReactNode };

const kindColor: Record<TimelineKind, string> = {
  profile: 'gray', purchase: 'green', visit: 'blue', complaint: 'red', referral: 'purple', points: 'gold', assessment: 'cyan',
};

type Change = { field: string; before?: string | null; after?: string | null };
function parseChanges(json: string | null | undefined): Change[] {
  if (!json) return [];
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? (value as Change[]).filter((c) => c && typeof c.field === 'string') : [];
  } catch {
    return [];
  }
}

/** Newest first. A date without a time (a deal's date, an assessment's) counts as the end of its day, so it sits
 *  above that day's timed events rather than below them; events on the same instant keep a stable order. */
export function sortTimeline(events: TimelineEvent[]): TimelineEvent[] {
  const instant = (at: string) => (at.length <= 10 ? dayjs(at).endOf('day') : dayjs(at)).valueOf();
  return [...events].sort((a, b) => instant(b.at) - instant(a.at) || a.key.localeCompare(b.key));
}

/** Everything that happened with the customer, newest first: profile changes, deals, visits, complaints, referrals,
 *  points and assessments. Each kind comes from its own list (the latest 50 of each); kinds the role may not read
 *  are left out. */
export function CustomerTimelineTab({ customer, withAudit }: { customer: Schemas['CustomerDto']; withAudit: boolean }) {
  const { t } = useTranslation();
  const [only, setOnly] = useState<TimelineKind | 'all'>('all');
  const id = customer.id;
  const [visits, complaints, purchases, referrals, points, assessments, audit] = useQueries({
    queries: [
      { ...timelineVisitsOptions(id), meta: { silent: true }, retry: false },
      { ...timelineComplaintsOptions(id), meta: { silent: true }, retry: false },
      { ...timelinePurchasesOptions(id), meta: { silent: true }, retry: false },
      { ...timelineReferralsOptions(id), meta: { silent: true }, retry: false },
      { ...timelinePointsOptions(id), meta: { silent: true }, retry: false },
      { ...timelineAssessmentsOptions(id), meta: { silent: true }, retry: false },
      { ...timelineAuditOptions(id), meta: { silent: true }, retry: false, enabled: withAudit },
    ],
  });
  const sources = [visits, complaints, purchases, referrals, points, assessments, ...(withAudit ? [audit] : [])];
  const loading = sources.some((q) => q.isPending);
  // A 403 means the role does not see that kind: not a failure of the timeline.
  const failed = sources.filter((q) => q.isError && !isApiError(q.error, 403));
  const truncated = [visits.data, complaints.data, purchases.data, referrals.data, points.data].some((d) => (d?.length ?? 0) >= timelinePageSize);

  const events = useMemo(() => {
    const label = (field: string) => t(`customers.fields.${field}`);
    // Figures the API derives (points balance, tier, latest grade…) have their own events; show what people changed.
    const shownField = (field: string) => i18n.exists(`customers.fields.${field}`);
    const value = (field: string, v: string | null | undefined) => (v ? t(`enums.${field}.${v}`, { defaultValue: v }) : '—');
    const list: TimelineEvent[] = [{ key: `created-${id}`, at: customer.createdAt, kind: 'profile', title: t('timeline.created', { code: customer.code }) }];
    for (const e of audit.data ?? []) {
      if (e.action !== 'Update') continue;
      const changes = parseChanges(e.changes).filter((c) => shownField(c.field) && !['updatedAt', 'createdAt', 'points'].includes(c.field));
      if (changes.length === 0) continue;
      list.push({
        key: `audit-${e.id}`, at: e.at, kind: 'profile', title: t('timeline.updated'),
        detail: changes.slice(0, 6).map((c) => `${label(c.field)}: ${value(c.field, c.before)} → ${value(c.field, c.after)}`).join('；'),
      });
    }
    for (const p of purchases.data ?? [])
      list.push({
        key: `purchase-${p.id}`, at: p.purchasedOn, kind: 'purchase',
        title: <Link to={`/customers/${id}?tab=purchases`}>{t('timeline.purchase', { product: p.product, quantity: p.quantity })}</Link>,
        detail: `${formatMoney(p.amount, p.currency)} · ${p.category}`,
      });
    for (const v of visits.data ?? [])
      list.push({
        key: `visit-${v.id}`, at: v.actualStart ?? v.plannedStart ?? v.createdAt, kind: 'visit',
        title: <Link to={`/visits/${v.id}`}>{t('timeline.visit', { form: t(`work.enums.visitForm.${v.form}`), visitor: v.visitorName })}</Link>,
        detail: [t(`work.enums.visitStatus.${v.status}`), v.summary].filter(Boolean).join(' · '),
      });
    for (const c of complaints.data ?? []) {
      list.push({
        key: `complaint-${c.id}`, at: c.receivedAt, kind: 'complaint',
        title: <Link to={`/complaints/${c.id}`}>{t('timeline.complaint', { number: c.number, category: t(`work.enums.complaintCategory.${c.category}`) })}</Link>,
        detail: `${t(`work.enums.complaintStatus.${c.status}`)} · ${c.description}`,
      });
      if (c.resolvedAt)
        list.push({ key: `resolved-${c.id}`, at: c.resolvedAt, kind: 'complaint', title: t('timeline.complaintResolved', { number: c.number }), detail: c.rootCause ?? c.explanation ?? undefined });
    }
    for (const r of referrals.data ?? [])
      list.push({
        key: `referral-${r.id}`, at: r.referredOn, kind: 'referral',
        title: r.referrerId === id
          ? <>{t('timeline.referred')} <Link to={`/customers/${r.referredId}`}>{r.referredName}</Link></>
          : <>{t('timeline.referredBy')} <Link to={`/customers/${r.referrerId}`}>{r.referrerName}</Link></>,
        detail: t(`work.enums.referralStatus.${r.status}`),
      });
    for (const p of points.data ?? [])
      list.push({
        key: `points-${p.id}`, at: p.createdAt, kind: 'points',
        title: t('timeline.points', { amount: p.amount > 0 ? `+${p.amount}` : String(p.amount), source: t(`work.enums.pointsSource.${p.source}`) }),
        detail: [t('timeline.balance', { balance: p.balanceAfter }), p.reason].filter(Boolean).join(' · '),
      });
    for (const a of assessments.data ?? [])
      list.push({
        key: `assessment-${a.id}`, at: a.assessedOn, kind: 'assessment',
        title: t('timeline.assessment', { total: a.total.toFixed(1), grade: a.grade }),
        detail: t(`insights.enums.recommendation.${a.recommendation}`),
      });
    return sortTimeline(list);
  }, [id, customer.createdAt, customer.code, audit.data, purchases.data, visits.data, complaints.data, referrals.data, points.data, assessments.data, t]);

  const shown = only === 'all' ? events : events.filter((e) => e.kind === only);
  const kinds: TimelineKind[] = ['profile', 'purchase', 'visit', 'complaint', 'referral', 'points', 'assessment'];

  return (
    <Flex vertical gap={12} data-testid="customer-timeline">
      <Segmented<TimelineKind | 'all'>
        value={only}
        onChange={setOnly}
        aria-label={t('timeline.filter')}
        options={[{ value: 'all', label: t('common.all') }, ...kinds.map((k) => ({ value: k, label: t(`timeline.kinds.${k}`) }))]}
        style={{ alignSelf: 'flex-start', maxWidth: '100%', overflowX: 'auto' }}
      />
      {failed.length > 0 && <Alert type="warning" showIcon title={t('timeline.partial')} />}
      {truncated && <Typography.Text type="secondary">{t('timeline.latestOnly', { count: timelinePageSize })}</Typography.Text>}
      {loading ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : shown.length === 0 ? (
        <Empty description={t('timeline.empty')} />
      ) : (
        <Timeline
          items={shown.map((e) => ({
            key: e.key,
            color: kindColor[e.kind],
            content: (
              <Flex vertical gap={2} data-testid="timeline-event">
                <Flex gap={8} align="center" wrap>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{e.at.length <= 10 ? formatDate(e.at) : formatDateTime(e.at)}</Typography.Text>
                  <Tag>{t(`timeline.kinds.${e.kind}`)}</Tag>
                  <Typography.Text strong>{e.title}</Typography.Text>
                </Flex>
                {e.detail && <Typography.Text type="secondary" ellipsis={{ tooltip: true }} style={{ maxWidth: 720 }}>{e.detail}</Typography.Text>}
              </Flex>
            ),
          }))}
        />
      )}
    </Flex>
  );
}
