import dayjs, { type Dayjs } from 'dayjs';
import isoWeek from 'dayjs/plugin/isoWeek';

dayjs.extend(isoWeek);

/** Monday 00:00 of the ISO week containing the date. */
export function startOfIsoWeek(d: Dayjs): Dayjs {
  return d.isoWeekday(1).startOf('day');
}

/** "2026-W47" for the ISO week containing the date. */
export function isoWeekKey(d: Dayjs): string {
  return `${d.isoWeekYear()}-W${String(d.isoWeek()).padStart(2, '0')}`;
}

export function weekDays(monday: Dayjs): Dayjs[] {
  return Array.from({ length: 7 }, (_, i) => monday.add(i, 'day'));
}
