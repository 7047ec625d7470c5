import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from '@/lib/i18n';
import { json, mockApi, renderPage } from '@/test/utils';
import { RecordTasksButton } from './RecordTasksButton';

const task = (id: string, title: string, extra: Record<string, unknown> = {}) => ({
  id, title, customerId: 'c1', customerName: '华东精密机械', assigneeId: 'u1', assigneeName: '张伟', dueDate: '2099-01-10', priority: 'Normal', status: 'ToDo',
  allowedNext: ['InProgress', 'Done', 'Cancelled'], source: 'Manual', sourceId: null, createdAt: '2026-11-01T00:00:00Z', version: 1, ...extra,
});

describe('RecordTasksButton', () => {
  it('lists the record\'s tasks (its own first) and creates a task linked to the customer', async () => {
    await i18n.changeLanguage('zh-CN');
    let created = false;
    const { requests } = mockApi({
      'GET /api/v1/tasks': () => json(200, {
        items: [task('t1', '寄送报价单'), task('t2', '纠正措施：主轴装配', { source: 'ComplaintAction', sourceId: 'cmp1' }), ...(created ? [task('t3', '回访客户')] : [])],
        nextCursor: null,
      }),
      'POST /api/v1/tasks': () => { created = true; return json(201, task('t3', '回访客户')); },
    });
    renderPage(<RecordTasksButton customerId="c1" sourceId="cmp1" recordLabel="CMP-2026-00042" canCreate />);
    const user = userEvent.setup({ delay: null });
    const button = await screen.findByTestId('record-tasks-button', undefined, { timeout: 5000 });
    await waitFor(() => expect(button).toHaveAccessibleName('任务 2'));
    await user.click(button);

    const list = await screen.findByTestId('record-tasks');
    const items = within(list).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('纠正措施：主轴装配');
    expect(items[0]).toHaveTextContent('CMP-2026-00042');
    expect(items[1]).toHaveTextContent('寄送报价单');
    expect(new URL(requests.find((r) => r.url.includes('/api/v1/tasks'))!.url).searchParams.get('customerId')).toBe('c1');

    await user.click(screen.getByRole('button', { name: /添加任务/ }));
    expect(await screen.findByText('请填写任务')).toBeInTheDocument();
    await user.type(screen.getByLabelText('任务'), '回访客户');
    await user.click(screen.getByRole('button', { name: /添加任务/ }));
    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true), { timeout: 5000 });
    const body = await requests.find((r) => r.method === 'POST')!.json();
    expect(body).toMatchObject({ title: '回访客户', customerId: 'c1', priority: 'Normal', description: '来自：CMP-2026-00042' });
    await waitFor(() => expect(within(screen.getByTestId('record-tasks')).getByText('回访客户')).toBeInTheDocument(), { timeout: 5000 });
  }, 60_000);
});
