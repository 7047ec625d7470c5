import { useMemo, useState } from 'react';
import { Button, Card, Col, DatePicker, Empty, Flex, Row, Select, Statistic, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';
import { ErrorResult } from '@/components/ErrorResult';
import { PageHeader } from '@/components/PageHeader';
import { formatDateTime } from '@/components/format';
import { isoWeekKey } from '@/components/dates';
import { hasRole, useMe } from '@/lib/session/session';
import { useCompliance } from '../api/getCompliance';
import { useAssignableUsers } from '../api/listAssignableUsers';
import { ComplianceTag } from './VisitTags';

type Row = Schemas['ComplianceRowDto'];
type Status = Schemas['ComplianceStatus'];
const statuses: Status[] = ['AtRisk', 'Missed', 'Met'];

/**
 * Key-account visit compliance for one ISO week, furthest behind first and a page at a time; the figures above the
 * table are the whole scope's, from the first page. Managers and administrators filter by team.
 */
export function CompliancePage() {
  const { t } = useTranslation();
  const me = useMe();
  const [week, setWeek] = useState<Dayjs>(dayjs());
  const [teamId, setTeamId] = useState<string | undefined>();
  const [status, setStatus] = useState<Status | undefined>();
  const canFilter = hasRole(me, 'Manager', 'Admin');
  const users = useAssignableUsers();
  const compliance = useCompliance({ week: isoWeekKey(week), teamId, status });
  const rows = compliance.data?.pages.flatMap((p) => p.items) ?? [];
  const f = (name: string) => t(`work.visits.fields.${name}`);

  const teams = useMemo(() => {
    const byTeam = new Map<string, string[]>();
    for (const u of users.data ?? []) {
      if (!u.teamId) continue;
      const names = byTeam.get(u.teamId) ?? [];
      if (u.role === 'Manager') names.unshift(u.displayName);
      else names.push(u.displayName);
      byTeam.set(u.teamId, names);
    }
    return [...byTeam.entries()].map(([id, names]) => ({ value: id, label: t('work.visits.teamOf', { name: names[0] ?? id.slice(0, 8) }) }));
  }, [users.data, t]);

  const s = compliance.data?.pages[0]?.summary;
  return (
    <>
      <PageHeader
        title={t('work.visits.complianceTitle')}
        subtitle={t('work.visits.complianceOrder')}
        extra={
          <>
            <DatePicker picker="week" value={week} onChange={(d) => d && setWeek(d)} allowClear={false} aria-label={t('work.visits.week')} />
            {canFilter && (
              <Select
                allowClear
                placeholder={t('work.visits.team')}
                aria-label={t('work.visits.team')}
                style={{ minWidth: 200 }}
                value={teamId}
                onChange={setTeamId}
                options={teams}
              />
            )}
            <Select
              allowClear
              placeholder={t('work.visits.complianceStatus')}
              aria-label={t('work.visits.complianceStatus')}
              style={{ minWidth: 140 }}
              value={status}
              onChange={setStatus}
              options={statuses.map((v) => ({ value: v, label: t(`work.enums.compliance.${v}`) }))}
            />
          </>
        }
      />
      {compliance.isError ? (
        <ErrorResult error={compliance.error} onRetry={() => void compliance.refetch()} />
      ) : (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            {[
              { key: 'pct', title: t('work.visits.compliancePercent'), value: s ? `${Math.round(s.compliancePercent)}%` : '—' },
              { key: 'met', title: t('work.enums.compliance.Met'), value: s?.met ?? '—', color: '#52c41a' },
              { key: 'risk', title: t('work.enums.compliance.AtRisk'), value: s?.atRisk ?? '—', color: '#fa8c16' },
              { key: 'missed', title: t('work.enums.compliance.Missed'), value: s?.missed ?? '—', color: '#f5222d' },
            ].map((x) => (
              <Col key={x.key} xs={12} md={6}>
                <Card size="small" loading={compliance.isPending}>
                  <Statistic title={x.title} value={x.value} styles={{ content: { color: x.color } }} />
                </Card>
              </Col>
            ))}
          </Row>
          <Table<Row>
            rowKey="customerId"
            loading={compliance.isPending}
            dataSource={rows}
            pagination={false}
            data-testid="compliance-table"
            scroll={{ x: 900 }}
            locale={{ emptyText: <Empty /> }}
            columns={[
              { title: f('customer'), render: (_, r) => <Link to={`/customers/${r.customerId}?tab=visits`}>{r.customerName}</Link> },
              { title: f('level'), width: 90, render: (_, r) => t(`enums.level.${r.level}`) },
              { title: t('work.visits.owner'), dataIndex: 'ownerName', width: 150 },
              { title: `${f('required')} (${t('work.enums.visitForm.OnSite')})`, width: 150, align: 'right', render: (_, r) => `${r.doneOnSite}/${r.requiredOnSite}` },
              { title: `${f('done')}/${f('required')}`, width: 120, align: 'right', render: (_, r) => `${r.doneTotal}/${r.requiredTotal}` },
              { title: f('lastVisitAt'), width: 150, render: (_, r) => formatDateTime(r.lastVisitAt) },
              { title: f('status'), width: 110, render: (_, r) => <ComplianceTag status={r.status} /> },
            ]}
          />
          <Flex justify="center" align="center" gap={12} style={{ marginTop: 12 }}>
            {rows.length > 0 && s && (
              <Typography.Text type="secondary">{t('work.visits.complianceLoaded', { count: rows.length, total: status ? { Met: s.met, AtRisk: s.atRisk, Missed: s.missed }[status] : s.customers })}</Typography.Text>
            )}
            {compliance.hasNextPage ? (
              <Button onClick={() => void compliance.fetchNextPage()} loading={compliance.isFetchingNextPage}>{t('common.loadMore')}</Button>
            ) : rows.length > 0 ? (
              <Typography.Text type="secondary">{t('common.endOfList')}</Typography.Text>
            ) : null}
          </Flex>
        </>
      )}
    </>
  );
}
