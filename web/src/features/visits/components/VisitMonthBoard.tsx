import { Button, Flex, Typography, theme } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@/lib/api/client';
import { startOfIsoWeek } from '@/components/dates';

type Visit = Schemas['VisitDto'];

const statusDot: Record<Schemas['VisitStatus'], string> = {
  Planned: '#1677ff', Confirmed: '#2f54eb', Completed: '#52c41a', CancelledByCustomer: '#bfbfbf', CancelledByUs: '#bfbfbf', NoShow: '#ff4d4f',
};
const shownPerDay = 3;

/** The six ISO weeks (Monday first) that show a month, as the API's from/to range. */
export function monthGrid(month: Dayjs): { start: Dayjs; end: Dayjs; days: Dayjs[] } {
  const start = startOfIsoWeek(month.startOf('month'));
  const days = Array.from({ length: 42 }, (_, i) => start.add(i, 'day'));
  return { start, end: start.add(42, 'day'), days };
}

/** A month of visits: each day lists its first visits (links to the visit) and "+N" opens that day's week. */
export function VisitMonthBoard({
  month, visits, when, loading, onOpenWeek,
}: { month: Dayjs; visits: Visit[]; when: (v: Visit) => string; loading: boolean; onOpenWeek: (day: Dayjs) => void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { days } = monthGrid(month);
  const byDay = new Map<string, Visit[]>();
  for (const v of visits) {
    const key = dayjs(when(v)).format('YYYY-MM-DD');
    byDay.set(key, [...(byDay.get(key) ?? []), v]);
  }
  const weekdayNames = days.slice(0, 7).map((d) => d.format('dd'));

  return (
    <div style={{ overflowX: 'auto' }}>
      <div
        data-testid="visit-month"
        role="grid"
        aria-label={t('work.visits.monthOf', { month: month.format('YYYY-MM') })}
        aria-busy={loading}
        style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(110px, 1fr))', gap: 4, minWidth: 780 }}
      >
        <div role="row" style={{ display: 'contents' }}>
          {weekdayNames.map((name) => (
            <div role="columnheader" key={name} style={{ textAlign: 'center', fontWeight: 600, padding: 4, color: token.colorTextSecondary }}>{name}</div>
          ))}
        </div>
        {Array.from({ length: 6 }, (_, w) => (
          <div role="row" key={w} style={{ display: 'contents' }}>
            {days.slice(w * 7, w * 7 + 7).map((day) => {
              const key = day.format('YYYY-MM-DD');
              const items = byDay.get(key) ?? [];
              const inMonth = day.isSame(month, 'month');
              const today = day.isSame(dayjs(), 'day');
              return (
                <div
                  role="gridcell"
                  key={key}
                  data-testid={`month-day-${key}`}
                  aria-label={t('work.visits.visitsOnDay', { date: key, count: items.length })}
                  style={{
                    minHeight: 104, padding: 6, borderRadius: token.borderRadius,
                    border: `1px solid ${today ? token.colorPrimary : token.colorBorderSecondary}`,
                    background: inMonth ? token.colorBgContainer : token.colorFillQuaternary,
                  }}
                >
                  <Flex justify="space-between" align="center">
                    <Typography.Text strong={today} type={inMonth ? undefined : 'secondary'}>{day.date()}</Typography.Text>
                    {items.length > 0 && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('work.visits.count', { count: items.length })}</Typography.Text>}
                  </Flex>
                  <Flex vertical gap={2} style={{ marginTop: 4 }}>
                    {items.slice(0, shownPerDay).map((v) => (
                      <Link key={v.id} to={`/visits/${v.id}`} style={{ fontSize: 12, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', display: 'block' }}>
                        <span aria-hidden style={{ display: 'inline-block', width: 6, height: 6, borderRadius: 3, marginRight: 4, background: statusDot[v.status] }} />
                        {dayjs(when(v)).format('HH:mm')} {v.customerName}
                      </Link>
                    ))}
                    {items.length > shownPerDay && (
                      <Button type="link" size="small" style={{ padding: 0, height: 'auto', fontSize: 12, alignSelf: 'flex-start' }} onClick={() => onOpenWeek(day)}>
                        {t('work.visits.moreOnDay', { count: items.length - shownPerDay })}
                      </Button>
                    )}
                  </Flex>
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}
