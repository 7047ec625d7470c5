import { useMemo } from 'react';
import { Badge, Calendar, Card, Col, Empty, Flex, List, Row, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';
import { ErrorResult } from '@/components/ErrorResult';
import { PageHeader } from '@/components/PageHeader';
import { formatDate } from '@/components/format';
import { reminderColor, reminderRoute } from '@/components/reminderLinks';
import { useReminders } from '../api/listReminders';

type Reminder = Schemas['ReminderDto'];

/** The calendar asks for the six weeks antd shows for a month (within the API's three-month limit). */
export function calendarRange(day: Dayjs): { from: string; to: string } {
  const first = day.startOf('month');
  const start = first.subtract((first.day() + 6) % 7, 'day');
  return { from: start.format('YYYY-MM-DD'), to: start.add(41, 'day').format('YYYY-MM-DD') };
}

/** Care reminders (客户关系维护) on a month calendar, with the selected day's list; each links to its record. */
export function RemindersPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const raw = params.get('day');
  const day = raw && dayjs(raw).isValid() ? dayjs(raw) : dayjs();
  const { from, to } = calendarRange(day);
  const reminders = useReminders(from, to);
  const byDay = useMemo(() => {
    const map = new Map<string, Reminder[]>();
    for (const r of reminders.data ?? []) map.set(r.date, [...(map.get(r.date) ?? []), r]);
    return map;
  }, [reminders.data]);
  const selected = byDay.get(day.format('YYYY-MM-DD')) ?? [];

  return (
    <>
      <PageHeader title={t('insights.reminders.title')} subtitle={t('insights.reminders.subtitle')} />
      {reminders.isError ? (
        <ErrorResult error={reminders.error} onRetry={() => void reminders.refetch()} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <Card size="small" loading={reminders.isPending && !reminders.data}>
              <Calendar
                value={day}
                onSelect={(d) => setParams({ day: d.format('YYYY-MM-DD') }, { replace: true })}
                onPanelChange={(d) => setParams({ day: d.format('YYYY-MM-DD') }, { replace: true })}
                cellRender={(d, info) => {
                  if (info.type !== 'date') return info.originNode;
                  const items = byDay.get(d.format('YYYY-MM-DD')) ?? [];
                  if (items.length === 0) return null;
                  return (
                    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={t('insights.reminders.countOn', { count: items.length, date: formatDate(d.format('YYYY-MM-DD')) })}>
                      {items.slice(0, 3).map((r, i) => (
                        <li key={i} style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', fontSize: 12 }}>
                          <Badge color={reminderColor[r.kind]} text={t(`insights.enums.reminderKind.${r.kind}`)} />
                        </li>
                      ))}
                      {items.length > 3 && <li style={{ fontSize: 12 }}>+{items.length - 3}</li>}
                    </ul>
                  );
                }}
              />
            </Card>
          </Col>
          <Col xs={24} xl={8}>
            <Card size="small" title={t('insights.reminders.on', { date: formatDate(day.format('YYYY-MM-DD')) })} data-testid="reminders-day">
              <List<Reminder>
                dataSource={selected}
                locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('insights.reminders.noneOnDay')} /> }}
                renderItem={(r) => {
                  const to = reminderRoute(r);
                  return (
                    <List.Item>
                      <Flex vertical gap={4} style={{ minWidth: 0 }}>
                        <Flex gap={6} align="center" wrap>
                          <Tag color={reminderColor[r.kind]}>{t(`insights.enums.reminderKind.${r.kind}`)}</Tag>
                          {r.customerName && r.customerId && <Link to={`/customers/${r.customerId}`}>{r.customerName}</Link>}
                        </Flex>
                        {to ? <Link to={to}>{r.title}</Link> : <Typography.Text>{r.title}</Typography.Text>}
                      </Flex>
                    </List.Item>
                  );
                }}
              />
            </Card>
          </Col>
        </Row>
      )}
    </>
  );
}
