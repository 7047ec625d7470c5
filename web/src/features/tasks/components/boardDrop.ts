import dayjs from 'dayjs';
import type { Schemas } from '@/lib/api/client';

export type BoardColumn = 'overdue' | 'dueToday' | 'tomorrow' | 'restOfWeek' | 'doneThisWeek';
export const boardColumns: BoardColumn[] = ['overdue', 'dueToday', 'tomorrow', 'restOfWeek', 'doneThisWeek'];

/** What dropping a card into a column changes: a status, a due date, or both; null when the drop is not allowed. */
export type DropChange = { status?: Schemas['TaskItemStatus']; dueDate?: string };

type Card = Pick<Schemas['TaskDto'], 'status' | 'dueDate' | 'allowedNext'>;

/**
 * Maps a drop onto the API: into "done" → status Done; into today / tomorrow / rest of week → a new due date
 * (today, today + 1, today + 2 if that is still in the week) and a done task is reopened to ToDo; nothing can be
 * dropped into "overdue". `today` is the board's date (YYYY-MM-DD), `weekEnd` the week's last day.
 */
export function dropChange(task: Card, from: BoardColumn, to: BoardColumn, today: string, weekEnd: string): DropChange | null {
  if (from === to || to === 'overdue') return null;
  if (to === 'doneThisWeek') {
    if (task.status === 'Done' || !task.allowedNext.includes('Done')) return null;
    return { status: 'Done' };
  }
  const offset = to === 'dueToday' ? 0 : to === 'tomorrow' ? 1 : 2;
  const due = dayjs(today).add(offset, 'day');
  if (to === 'restOfWeek' && due.isAfter(dayjs(weekEnd), 'day')) return null;
  const dueDate = due.format('YYYY-MM-DD');
  const change: DropChange = {};
  if (task.status === 'Done' || task.status === 'Cancelled') {
    if (!task.allowedNext.includes('ToDo')) return null;
    change.status = 'ToDo';
  }
  if (task.dueDate !== dueDate) change.dueDate = dueDate;
  return change.status || change.dueDate ? change : null;
}
