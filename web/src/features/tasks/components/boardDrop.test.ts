import { describe, expect, it } from 'vitest';
import { dropChange } from './boardDrop';

const open = { status: 'ToDo' as const, dueDate: '2026-11-20', allowedNext: ['InProgress', 'Done', 'Cancelled'] as ('InProgress' | 'Done' | 'Cancelled' | 'ToDo')[] };
const done = { status: 'Done' as const, dueDate: '2026-11-23', allowedNext: ['ToDo'] as ('ToDo')[] };
const today = '2026-11-24'; // a Tuesday
const weekEnd = '2026-11-29';

describe('dropChange (board drag and drop → API change)', () => {
  it('marks a task done when dropped into the done column', () => {
    expect(dropChange(open, 'overdue', 'doneThisWeek', today, weekEnd)).toEqual({ status: 'Done' });
  });

  it('moves the due date to today, tomorrow or later this week', () => {
    expect(dropChange(open, 'overdue', 'dueToday', today, weekEnd)).toEqual({ dueDate: '2026-11-24' });
    expect(dropChange(open, 'overdue', 'tomorrow', today, weekEnd)).toEqual({ dueDate: '2026-11-25' });
    expect(dropChange(open, 'dueToday', 'restOfWeek', today, weekEnd)).toEqual({ dueDate: '2026-11-26' });
  });

  it('reopens a done task dropped back onto a day', () => {
    expect(dropChange(done, 'doneThisWeek', 'dueToday', today, weekEnd)).toEqual({ status: 'ToDo', dueDate: '2026-11-24' });
  });

  it('refuses drops that mean nothing or are not allowed', () => {
    expect(dropChange(open, 'dueToday', 'dueToday', today, weekEnd)).toBeNull();
    expect(dropChange(open, 'dueToday', 'overdue', today, weekEnd)).toBeNull();
    expect(dropChange(done, 'dueToday', 'doneThisWeek', today, weekEnd)).toBeNull();
    expect(dropChange({ ...open, allowedNext: ['InProgress'] }, 'dueToday', 'doneThisWeek', today, weekEnd)).toBeNull();
    expect(dropChange(open, 'dueToday', 'restOfWeek', '2026-11-28', weekEnd)).toBeNull();
  });
});
