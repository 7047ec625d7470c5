import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from '@/lib/i18n';
import type { Schemas } from '@/lib/api/client';
import { json, mockApi, renderPage } from '@/test/utils';
import { MonthBoard } from './MonthBoard';

const task = (id: string, title: string, dueDate: string) =>
  ({ id, title, dueDate, priority: 'High', status: 'ToDo', assigneeName: '张伟', customerName: '华东机电', allowedNext: [], version: 1 }) as unknown as Schemas['TaskDto'];

describe('MonthBoard', () => {
  it('shows overdue, the month plan and each week of the month asked for, and opens a task from the keyboard', async () => {
    await i18n.changeLanguage('zh-CN');
    const { requests } = mockApi({
      'GET /api/v1/boards/month': () =>
        json(200, {
          month: '2026-12', overdue: [task('t1', '回访投诉客户', '2026-11-28')], monthPlan: [task('t2', '年度客户大会', '2026-12-20')],
          weeks: [{ week: '2026-W49', from: '2026-11-30', to: '2026-12-06', tasks: [task('t3', '发送报价单', '2026-12-02')] }],
        }),
    });
    const onOpen = vi.fn();
    renderPage(<MonthBoard month="2026-12" onMonth={() => undefined} onOpen={onOpen} />);

    const board = await screen.findByTestId('month-board', undefined, { timeout: 10_000 });
    expect(new URL(requests.find((r) => r.url.includes('/boards/month'))!.url).searchParams.get('month')).toBe('2026-12');
    expect(within(within(board).getByTestId('month-column-overdue')).getByText('回访投诉客户')).toBeInTheDocument();
    expect(within(within(board).getByTestId('month-column-plan')).getByText('年度客户大会')).toBeInTheDocument();
    const week = within(board).getByTestId('month-column-2026-W49');
    expect(within(week).getByText('W49（11-30–12-06）')).toBeInTheDocument();
    within(week).getByRole('button', { name: '发送报价单' }).focus();
    await userEvent.setup({ delay: null }).keyboard('{Enter}');
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ id: 't3' }));
  }, 30_000);
});
